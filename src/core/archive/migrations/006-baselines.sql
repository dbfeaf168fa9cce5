-- A line's baseline as its source gave it (PAGE Baseline, ALTO BASELINE, a PDF's text
-- positions): JSON [[x, y], ...] in page pixels, NULL where the source gives none (version 6).
-- Not derived data: exports derive a baseline from the words only where this is NULL.
ALTER TABLE lines ADD COLUMN baseline TEXT;

-- Review workflow and history (version 3).
-- An undo is part of the history too: who took a change back, and when.
ALTER TABLE changes ADD COLUMN undone_at TEXT;
ALTER TABLE changes ADD COLUMN undone_by TEXT;

-- Undo and the history view read a change's edits; counts and filters read statuses.
CREATE INDEX edits_by_change ON edits (change_id);
CREATE INDEX pages_by_status ON pages (status);
CREATE INDEX articles_by_status ON articles (status);

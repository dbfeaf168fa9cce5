-- Why a job failed, as a stable code beside its message (version 9): the app shows people a
-- sentence in their language for the code (a page's scan missing, a reading that timed out),
-- not the engine's or the file system's own words. NULL for jobs that never failed, and for
-- failures recorded before this version (their message alone is kept).
ALTER TABLE jobs ADD COLUMN error_code TEXT;

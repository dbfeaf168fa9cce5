-- Several processes may write one archive (the app, and the command line beside it). Each one
-- that opens the archive registers here; work that belongs to a process (a job it is reading,
-- files it is writing) is swept or taken over only once that process is gone (version 5).
-- AUTOINCREMENT: an id is never given twice, so the jobs of a process that is gone never look
-- like those of a new one that happened to get its id.
CREATE TABLE writers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  command TEXT NOT NULL,
  started_at TEXT NOT NULL
) STRICT;

-- The process running a job; a job left running by a process that is gone goes back to the queue.
ALTER TABLE jobs ADD COLUMN writer_id INTEGER;

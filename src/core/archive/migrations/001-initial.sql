-- Backfile archive, version 1: the whole model of DESIGN.md, so later work adds behaviour, not tables.
-- Coordinates are integer pixels of the page's master raster. Times are ISO-8601 UTC strings.

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE titles (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  language TEXT,          -- OCR language for the title, e.g. 'chi_sim+eng'
  ocr_engine TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE issues (
  id INTEGER PRIMARY KEY,
  title_id INTEGER NOT NULL REFERENCES titles(id) ON DELETE CASCADE,
  issue_date TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD, '' when unknown
  edition TEXT NOT NULL DEFAULT '',
  volume TEXT,
  number TEXT,
  language TEXT,
  ocr_engine TEXT,
  status TEXT NOT NULL DEFAULT 'new',
  created_at TEXT NOT NULL,
  UNIQUE (title_id, issue_date, edition)
) STRICT;

-- Originals, byte-exact, named by their sha256 under files/originals/.
CREATE TABLE files (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size INTEGER NOT NULL,
  format TEXT NOT NULL,              -- pdf, tiff, jpeg, png, jp2
  original_name TEXT NOT NULL,
  stored_path TEXT NOT NULL,         -- relative to the archive folder
  page_count INTEGER NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;

CREATE TABLE pages (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  sequence INTEGER NOT NULL,         -- order within the issue
  printed_number TEXT,
  source_sha256 TEXT NOT NULL REFERENCES files(sha256),
  source_index INTEGER NOT NULL,     -- page or TIFF directory within the source file, from 0
  width INTEGER NOT NULL CHECK (width > 0),
  height INTEGER NOT NULL CHECK (height > 0),
  dpi REAL,
  raster_path TEXT NOT NULL,         -- master raster, relative to the archive folder
  thumbnail_path TEXT NOT NULL,
  tiles_path TEXT NOT NULL,          -- .dzi descriptor of the Deep Zoom pyramid
  text_source TEXT CHECK (text_source IN ('pdf', 'ocr', 'import', 'user')),
  status TEXT NOT NULL DEFAULT 'imported'
    CHECK (status IN ('imported', 'ocr', 'in_correction', 'corrected', 'reviewed', 'approved')),
  status_reason TEXT,
  language TEXT,
  ocr_engine TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (source_sha256, source_index)
) STRICT;
CREATE INDEX pages_by_issue ON pages (issue_id, sequence);

-- Who or what produced text: an OCR engine with version and model, a PDF text layer, an imported file, a user.
CREATE TABLE text_sources (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('pdf', 'ocr', 'import', 'user')),
  engine TEXT NOT NULL DEFAULT '',
  version TEXT NOT NULL DEFAULT '',
  model TEXT NOT NULL DEFAULT '',
  UNIQUE (kind, engine, version, model)
) STRICT;

CREATE TABLE regions (
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  polygon TEXT NOT NULL,             -- JSON [[x,y],...]
  x0 INTEGER NOT NULL, y0 INTEGER NOT NULL, x1 INTEGER NOT NULL, y1 INTEGER NOT NULL,
  reading_order INTEGER NOT NULL,
  origin TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('user', 'suggested', 'import')),
  accepted INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX regions_by_page ON regions (page_id, reading_order);

-- Layout blocks as a source found them; lines belong to one block and, once drawn, to one region.
CREATE TABLE blocks (
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  x0 INTEGER NOT NULL, y0 INTEGER NOT NULL, x1 INTEGER NOT NULL, y1 INTEGER NOT NULL
) STRICT;
CREATE INDEX blocks_by_page ON blocks (page_id, position);

CREATE TABLE lines (
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  block_id INTEGER REFERENCES blocks(id) ON DELETE SET NULL,
  region_id INTEGER REFERENCES regions(id) ON DELETE SET NULL,
  position INTEGER NOT NULL,         -- reading order within the page
  x0 INTEGER NOT NULL, y0 INTEGER NOT NULL, x1 INTEGER NOT NULL, y1 INTEGER NOT NULL,
  raw_text TEXT NOT NULL,            -- as the source gave it
  text TEXT NOT NULL,                -- current text: normalised, then corrected by people
  confidence REAL,
  source_id INTEGER NOT NULL REFERENCES text_sources(id),
  corrected INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX lines_by_page ON lines (page_id, position);
CREATE INDEX lines_by_region ON lines (region_id);

CREATE TABLE words (
  id INTEGER PRIMARY KEY,
  line_id INTEGER NOT NULL REFERENCES lines(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  x0 INTEGER NOT NULL, y0 INTEGER NOT NULL, x1 INTEGER NOT NULL, y1 INTEGER NOT NULL,
  text TEXT NOT NULL,
  confidence REAL,
  source_id INTEGER NOT NULL REFERENCES text_sources(id)
) STRICT;
CREATE INDEX words_by_line ON words (line_id, position);

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  headline TEXT, kicker TEXT, subhead TEXT, byline TEXT, dateline TEXT, section TEXT,
  body_override TEXT,                -- set when the user overrides the assembled body
  status TEXT NOT NULL DEFAULT 'new',
  status_reason TEXT,
  origin TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('user', 'suggested')),
  accepted INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Ordered parts of an article: regions, possibly on several pages.
CREATE TABLE article_parts (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  region_id INTEGER NOT NULL UNIQUE REFERENCES regions(id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, position)
) STRICT;

-- Photos are stored in the database itself, beside their captions (DESIGN.md).
CREATE TABLE photos (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  region_id INTEGER REFERENCES regions(id) ON DELETE SET NULL,
  caption_region_id INTEGER REFERENCES regions(id) ON DELETE SET NULL,
  caption TEXT,
  media_type TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  image BLOB NOT NULL
) STRICT;

-- A change is one undoable step (one edit, or a whole replace-all); edits are its field-level parts.
CREATE TABLE changes (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  user_name TEXT NOT NULL,
  at TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE edits (
  id INTEGER PRIMARY KEY,
  change_id INTEGER NOT NULL REFERENCES changes(id) ON DELETE CASCADE,
  entity TEXT NOT NULL CHECK (entity IN ('page', 'region', 'line', 'word', 'article', 'photo')),
  entity_id INTEGER NOT NULL,
  field TEXT NOT NULL,
  before TEXT,
  after TEXT
) STRICT;
CREATE INDEX edits_by_entity ON edits (entity, entity_id);

CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,                -- 'ocr', ...
  page_id INTEGER REFERENCES pages(id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'running', 'done', 'failed', 'cancelled')),
  payload TEXT NOT NULL DEFAULT '{}',
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 2,
  error TEXT,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT
) STRICT;
CREATE INDEX jobs_by_status ON jobs (status, id);

-- Every file an import looked at, and how it went: the archivist's record of failures.
CREATE TABLE import_log (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  sha256 TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'duplicate', 'failed')),
  error_code TEXT,
  message TEXT,
  page_count INTEGER NOT NULL DEFAULT 0,
  at TEXT NOT NULL
) STRICT;

// An archive is a folder: archive.sqlite (WAL, foreign keys on, STRICT tables) and files/.
// Several processes may have it open at once; each registers as a writer (writers.ts).

import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BackfileError, systemErrorCode } from '../../shared/errors.ts';
import { registerWriter, unregisterWriter } from './writers.ts';
import { migrate } from './migrate.ts';
import { ensureArchiveId } from './identity.ts';
import { cjkBigrams, splitCjk } from '../../shared/text/cjk-split.ts';
import { holdsEveryTerm, searchForm } from '../../shared/text/search-terms.ts';
import { asReadable, asWritable, type ReadableDB, type WritableDB } from './db-handles.ts';

export const DATABASE_NAME = 'archive.sqlite';
export const FILES_DIR = 'files';

export interface Archive {
  readonly dir: string;
  readonly db: WritableDB;
  /**
   * A read-only connection to the same database, for the app's queries: a read path cannot
   * write, by type and in SQLite. Opened on first use.
   */
  readonly reader: ReadableDB;
  /** This process's row in the writers table (archive/writers.ts). */
  readonly writerId: number;
  /** Absolute path of a file given relative to the archive folder; refuses paths that leave it. */
  resolve(relative: string): string;
  close(): void;
}

export interface OpenOptions {
  /** Create the folder and database when they do not exist yet (default true). */
  create?: boolean;
  /** What this process is, for "archive in use by …" messages (default: its command line). */
  command?: string;
}

/** Marks a SQLite file as a Backfile archive ('BkFl'), so another program's file is refused. */
export const APPLICATION_ID = 0x426b466c;

function defaultCommand(): string {
  const args = process.argv.slice(1);
  return ['backfile', ...args.slice(1, 2)].join(' ') || 'backfile';
}

function cannotOpen(dbPath: string, error: unknown): BackfileError {
  const code = systemErrorCode(error);
  if (code === 'archive-not-writable')
    return new BackfileError(
      code,
      `Cannot write to ${path.dirname(dbPath)}: the folder or the database is read-only for this user (${String(error)}).`,
      { cause: error },
    );
  if (code === 'disk-full')
    return new BackfileError(code, `The disk holding ${dbPath} is full (${String(error)}).`, {
      cause: error,
    });
  return new BackfileError(
    'archive-corrupt',
    `Cannot open ${dbPath} as a Backfile archive: ${String(error)}`,
    {
      cause: error,
    },
  );
}

/** Refuses a database that another program made: one with our mark, or none and no tables. */
function checkOwnDatabase(db: WritableDB, dbPath: string): void {
  const id = db.pragma('application_id', { simple: true }) as number;
  if (id === APPLICATION_ID) return;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  // Archives made before the mark existed have our version and our tables.
  const ours = id === 0 && version > 0 && ['pages', 'lines', 'changes'].every((t) => tables.includes(t));
  if (id !== 0 || (tables.length > 0 && !ours))
    throw new BackfileError(
      'archive-foreign',
      `${dbPath} is not a Backfile archive (another program's SQLite database); nothing was changed.`,
    );
}

export function openArchive(dir: string, options: OpenOptions = {}): Archive {
  const root = path.resolve(dir);
  const dbPath = path.join(root, DATABASE_NAME);
  if (!existsSync(dbPath)) {
    if (options.create === false) {
      throw new BackfileError(
        'archive-missing',
        `No Backfile archive at ${root} (run "backfile init" first).`,
      );
    }
    try {
      mkdirSync(path.join(root, FILES_DIR), { recursive: true });
    } catch (error) {
      throw cannotOpen(dbPath, error);
    }
  }
  let db: WritableDB;
  try {
    db = asWritable(new Database(dbPath));
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // NORMAL is durable across application crashes in WAL mode; only an OS crash or power loss
    // can lose the last transactions, and those never leave the database inconsistent.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    throw cannotOpen(dbPath, error);
  }
  addTextFunctions(db);
  let writerId: number;
  try {
    checkOwnDatabase(db, dbPath);
    migrate(db);
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID)
      db.pragma(`application_id = ${APPLICATION_ID}`);
    ensureArchiveId(db);
    writerId = registerWriter(db, options.command ?? defaultCommand());
  } catch (error) {
    db.close();
    throw error instanceof BackfileError ? error : cannotOpen(dbPath, error);
  }
  mkdirSync(path.join(root, FILES_DIR), { recursive: true });
  let reader: ReadableDB | null = null;
  return {
    dir: root,
    db,
    get reader() {
      if (!reader) {
        reader = asReadable(new Database(dbPath, { readonly: true }));
        reader.pragma('busy_timeout = 5000');
        addTextFunctions(reader);
      }
      return reader;
    },
    writerId,
    resolve(relative: string): string {
      const absolute = path.resolve(root, relative);
      if (absolute !== root && !absolute.startsWith(root + path.sep)) {
        throw new BackfileError('invalid-input', `Path ${relative} is outside the archive.`);
      }
      return absolute;
    },
    close() {
      if (reader?.open) reader.close();
      if (!db.open) return;
      try {
        unregisterWriter(db, writerId);
      } catch {
        // a read-only or full disk: the row of a process that is gone is dropped by the next one
      }
      db.close();
    },
  };
}

/** The search triggers (and search queries) call these, from any connection of ours. */
function addTextFunctions(db: Database.Database): void {
  db.function('backfile_cjk_split', { deterministic: true }, (text: unknown) => splitCjk(String(text ?? '')));
  db.function('backfile_cjk_bigrams', { deterministic: true }, (text: unknown) =>
    cjkBigrams(String(text ?? '')),
  );
  db.function('backfile_search_form', { deterministic: true }, (text: unknown) =>
    searchForm(String(text ?? '')),
  );
  db.function('backfile_holds_terms', { deterministic: true }, (text: unknown, terms: unknown) =>
    holdsEveryTerm(String(text ?? ''), JSON.parse(String(terms)) as string[], { variants: false }) ? 1 : 0,
  );
}

export function nowIso(): string {
  return new Date().toISOString();
}

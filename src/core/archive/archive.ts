// An archive is a folder: archive.sqlite (WAL, foreign keys on, STRICT tables) and files/.
// This process is the one writer; everything else reads through it.

import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BackfileError } from '../../shared/errors.ts';
import { migrate } from './migrate.ts';
import { cjkBigrams, splitCjk } from '../../shared/text/cjk-split.ts';

export const DATABASE_NAME = 'archive.sqlite';
export const FILES_DIR = 'files';

export interface Archive {
  readonly dir: string;
  readonly db: Database.Database;
  /** Absolute path of a file given relative to the archive folder; refuses paths that leave it. */
  resolve(relative: string): string;
  close(): void;
}

export interface OpenOptions {
  /** Create the folder and database when they do not exist yet (default true). */
  create?: boolean;
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
    mkdirSync(path.join(root, FILES_DIR), { recursive: true });
  }
  let db: Database.Database;
  try {
    db = new Database(dbPath);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // NORMAL is durable across application crashes in WAL mode; only an OS crash or power loss
    // can lose the last transactions, and those never leave the database inconsistent.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    throw new BackfileError(
      'archive-corrupt',
      `Cannot open ${dbPath} as a Backfile archive: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
  // The search triggers call this on every write of a line, from any connection of ours.
  db.function('backfile_cjk_split', { deterministic: true }, (text: unknown) => splitCjk(String(text ?? '')));
  db.function('backfile_cjk_bigrams', { deterministic: true }, (text: unknown) =>
    cjkBigrams(String(text ?? '')),
  );
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  mkdirSync(path.join(root, FILES_DIR), { recursive: true });
  return {
    dir: root,
    db,
    resolve(relative: string): string {
      const absolute = path.resolve(root, relative);
      if (absolute !== root && !absolute.startsWith(root + path.sep)) {
        throw new BackfileError('invalid-input', `Path ${relative} is outside the archive.`);
      }
      return absolute;
    },
    close() {
      if (db.open) db.close();
    },
  };
}

export function nowIso(): string {
  return new Date().toISOString();
}

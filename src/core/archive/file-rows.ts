// The files table (every original stored, byte-exact, by its sha256) and the import log (every
// file an import looked at and how it went), with the pages made from each file.

import type { ReadableDB, WritableDB } from './db-handles.ts';
import { nowIso } from './archive.ts';

export interface StoredFile {
  sha256: string;
  size: number;
  format: string;
  originalName: string;
  storedPath: string;
  pageCount: number;
  importedAt: string;
}

export function insertFile(db: WritableDB, file: StoredFile): void {
  db.prepare(
    `INSERT INTO files (sha256, size, format, original_name, stored_path, page_count, imported_at)
     VALUES (@sha256, @size, @format, @originalName, @storedPath, @pageCount, @importedAt)`,
  ).run(file);
}

export function fileIsStored(db: ReadableDB, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM files WHERE sha256 = ?').get(sha256) !== undefined;
}

export function storedFileHashes(db: ReadableDB): Set<string> {
  return new Set(db.prepare('SELECT sha256 FROM files').pluck().all() as string[]);
}

/** The pages already made from the stored file with this sha256, in file order. */
export function pagesOfFile(db: ReadableDB, sha256: string): number[] {
  return db
    .prepare('SELECT id FROM pages WHERE source_sha256 = ? ORDER BY source_index')
    .pluck()
    .all(sha256) as number[];
}

export interface ImportLogEntry {
  path: string;
  sha256: string | null;
  outcome: 'imported' | 'duplicate' | 'failed';
  errorCode: string | null;
  message: string | null;
  pageCount: number;
}

export function logImport(db: WritableDB, entry: ImportLogEntry): void {
  db.prepare(
    `INSERT INTO import_log (path, sha256, outcome, error_code, message, page_count, at)
     VALUES (@path, @sha256, @outcome, @errorCode, @message, @pageCount, @at)`,
  ).run({ ...entry, at: nowIso() });
}

/** Where a stored original is (relative to the archive) and what format it is in. */
export function storedFile(
  db: ReadableDB,
  sha256: string,
): { storedPath: string; format: string } | undefined {
  return db.prepare('SELECT stored_path AS storedPath, format FROM files WHERE sha256 = ?').get(sha256) as
    { storedPath: string; format: string } | undefined;
}

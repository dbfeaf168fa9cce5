// Which archive this is, whatever folder it sits in: a random id made once and kept in settings.
// What the app keeps outside the archive (drafts of unsaved lines in the browser's storage) is
// filed under it, so nothing kept for one archive is ever replayed into another.

import { randomUUID } from 'node:crypto';
import type { ReadableDB, WritableDB } from './db-handles.ts';

const KEY = 'archive_id';

/** Gives the archive its id the first time it is opened (openArchive calls this). */
export function ensureArchiveId(db: WritableDB): void {
  db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(KEY, randomUUID());
}

export function archiveId(db: ReadableDB): string {
  return db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string;
}

/**
 * The port `backfile serve` tries first for this archive, the same on every run: the browser
 * keeps its storage per origin (scheme, host and port), so drafts written on one run are found
 * on the next only if the port stays. Spread over 20000–59999 by the id.
 */
export function preferredPort(id: string): number {
  let hash = 0;
  for (const c of id) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return 20_000 + (hash % 40_000);
}

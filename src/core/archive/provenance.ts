// Where a page was read: the host and, for a batch split into shards, the shard (version 8). An
// archive made for one shard knows its shard's name (set by `backfile import --shard`), so every
// page its OCR reads records it without being told. The engine, version and model are the text
// source of the page's lines (page-text.ts mainTextSource), not stored a second time.

import type { ReadableDB, WritableDB } from './db-handles.ts';
import { mainTextSource } from './page-text.ts';

const SHARD_KEY = 'shard.name';

/** The shard this archive was made for, or null for an ordinary archive. */
export function archiveShard(db: ReadableDB): string | null {
  return (
    (db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SHARD_KEY) as string | undefined) ??
    null
  );
}

export function setArchiveShard(db: WritableDB, name: string): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(SHARD_KEY, name);
}

export interface ReadingPlace {
  host: string | null;
  shard: string | null;
}

/** Records who read the page (inside the transaction that stores the reading). */
export function recordReadingPlace(db: WritableDB, pageId: number, place: ReadingPlace): void {
  db.prepare('UPDATE pages SET read_host = ?, read_shard = ? WHERE id = ?').run(
    place.host,
    place.shard,
    pageId,
  );
}

export function readingPlace(db: ReadableDB, pageId: number): ReadingPlace {
  const row = db
    .prepare('SELECT read_host AS host, read_shard AS shard FROM pages WHERE id = ?')
    .get(pageId) as ReadingPlace | undefined;
  return row ?? { host: null, shard: null };
}

export interface Provenance extends ReadingPlace {
  /** The source of most of its lines: engine, version and model for OCR. */
  kind: string | null;
  engine: string | null;
  version: string | null;
  model: string | null;
}

/** A page's provenance as `backfile pages --json` shows it. */
export function pageProvenance(db: ReadableDB, pageId: number): Provenance {
  const source = mainTextSource(db, pageId);
  return {
    ...readingPlace(db, pageId),
    kind: source?.kind ?? null,
    engine: source?.engine || null,
    version: source?.version || null,
    model: source?.model || null,
  };
}

// The processes that have an archive open. SQLite lets several write it at once, one transaction
// at a time; what it cannot see is work a process holds outside a transaction: files written
// before the transaction that records them, and jobs it marked running. So each process
// registers itself here, and archive-wide clean-ups (sweeping leftover files, taking back
// interrupted jobs) touch only what belongs to processes that are gone (docs/archive.md).

import os from 'node:os';
import type { WritableDB } from './db-handles.ts';

export interface Writer {
  id: number;
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process on another host (an archive on a shared folder) is taken to be alive. */
export function writerAlive(w: Pick<Writer, 'pid' | 'host'>): boolean {
  return w.host !== os.hostname() || pidAlive(w.pid);
}

export function registerWriter(db: WritableDB, command: string): number {
  return Number(
    db
      .prepare('INSERT INTO writers (pid, host, command, started_at) VALUES (?, ?, ?, ?)')
      .run(process.pid, os.hostname(), command.slice(0, 200), new Date().toISOString()).lastInsertRowid,
  );
}

export function unregisterWriter(db: WritableDB, id: number): void {
  db.prepare('DELETE FROM writers WHERE id = ?').run(id);
}

/** Live processes other than `self`; rows of processes that are gone are dropped on the way. */
export function otherWriters(db: WritableDB, self: number | null): Writer[] {
  const rows = db
    .prepare('SELECT id, pid, host, command, started_at AS startedAt FROM writers ORDER BY id')
    .all() as Writer[];
  const gone = rows.filter((w) => w.id !== self && !writerAlive(w));
  if (gone.length > 0) {
    const drop = db.prepare('DELETE FROM writers WHERE id = ?');
    db.transaction(() => gone.forEach((w) => drop.run(w.id)))();
  }
  return rows.filter((w) => w.id !== self && !gone.includes(w));
}

/** "backfile import (pid 123) since 2026-12-01T10:00:00Z", for messages. */
export function describeWriters(writers: readonly Writer[]): string {
  return writers.map((w) => `${w.command} (pid ${w.pid} on ${w.host}) since ${w.startedAt}`).join('; ');
}

/**
 * SQL condition, with one parameter (`liveWriterIds`), for a job no live process holds: left
 * running by a process that is gone, or by none recorded.
 */
export const HELD_BY_NO_LIVE_WRITER =
  '(writer_id IS NULL OR writer_id NOT IN (SELECT value FROM json_each(?)))';

/** This process and the other live ones, as the parameter of HELD_BY_NO_LIVE_WRITER. */
export function liveWriterIds(db: WritableDB, self: number): string {
  return JSON.stringify([self, ...otherWriters(db, self).map((w) => w.id)]);
}

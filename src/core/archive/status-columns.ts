// The status and status_reason columns of pages and articles: read and written only through
// review/status.ts, which checks every move.

import type { ReadableDB, WritableDB } from './db-handles.ts';

export type StatusEntity = 'page' | 'article';
const TABLE: Record<StatusEntity, string> = { page: 'pages', article: 'articles' };

export function readStatus(
  db: ReadableDB,
  entity: StatusEntity,
  id: number,
): { status: string; reason: string | null } | undefined {
  const row = db.prepare(`SELECT status, status_reason FROM ${TABLE[entity]} WHERE id = ?`).get(id) as
    { status: string; status_reason: string | null } | undefined;
  return row && { status: row.status, reason: row.status_reason };
}

export function writeStatus(
  db: WritableDB,
  entity: StatusEntity,
  id: number,
  status: string,
  reason: string | null,
): void {
  db.prepare(`UPDATE ${TABLE[entity]} SET status = ?, status_reason = ? WHERE id = ?`).run(
    status,
    reason,
    id,
  );
}

/** One of the two columns as an undo puts it back. */
export function writeStatusField(
  db: WritableDB,
  entity: StatusEntity,
  id: number,
  field: 'status' | 'status_reason',
  value: string | null,
): void {
  db.prepare(`UPDATE ${TABLE[entity]} SET ${field} = ? WHERE id = ?`).run(value, id);
}

// The regions table as the rest of the core sees it: rows mapped to Regions, read one or by page.

import type { ReadableDB, WritableDB } from './db-handles.ts';
import { BackfileError } from '../../shared/errors.ts';
import { boxToPolygon, polygonBounds, type Polygon } from '../../shared/geometry.ts';
import { nowIso } from './archive.ts';
import type { Region, RegionRole } from '../../shared/model.ts';

interface RegionRow {
  id: number;
  page_id: number;
  role: RegionRole;
  polygon: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  reading_order: number;
}

export function rowToRegion(row: RegionRow): Region {
  const box = { x0: row.x0, y0: row.y0, x1: row.x1, y1: row.y1 };
  const polygon = JSON.parse(row.polygon) as Polygon;
  return {
    id: row.id,
    pageId: row.page_id,
    role: row.role,
    // A region stored without a usable outline (other tools write only boxes) is its box.
    polygon: polygon.length >= 3 ? polygon : boxToPolygon(box),
    box,
    readingOrder: row.reading_order,
  };
}

export function getRegion(db: WritableDB, id: number): Region {
  const row = db.prepare('SELECT * FROM regions WHERE id = ?').get(id) as RegionRow | undefined;
  if (!row) throw new BackfileError('not-found', `No region ${id}.`);
  return rowToRegion(row);
}

export function pageRegions(db: ReadableDB, pageId: number): Region[] {
  return (
    db
      .prepare('SELECT * FROM regions WHERE page_id = ? ORDER BY reading_order, id')
      .all(pageId) as RegionRow[]
  ).map(rowToRegion);
}

/** Where a new region stands on its page: after every region there. */
export function nextReadingOrder(db: WritableDB, pageId: number): number {
  const last = db.prepare('SELECT MAX(reading_order) FROM regions WHERE page_id = ?').pluck().get(pageId) as
    number | null;
  return (last ?? -1) + 1;
}

/** Who made a region: drawn by a person, suggested by the layout step, or read from a file. */
export type RegionOrigin = 'user' | 'suggested' | 'import';

/**
 * THE region insert. The outline is stored with whole-pixel points; the box columns (kept for
 * queries by position) are derived from it here, never given separately.
 */
export function insertRegion(
  db: WritableDB,
  region: { pageId: number; role: RegionRole; polygon: Polygon; readingOrder: number; origin: RegionOrigin },
  /** A region carried over from another archive (backfile merge) keeps its acceptance and age. */
  carried?: { accepted: boolean; createdAt: string },
): number {
  const polygon = region.polygon.map(([x, y]) => [Math.round(x), Math.round(y)] as [number, number]);
  const b = polygonBounds(polygon);
  // A suggestion waits for a person to accept it; drawn and imported regions are accepted.
  const accepted = carried ? (carried.accepted ? 1 : 0) : region.origin === 'suggested' ? 0 : 1;
  return Number(
    db
      .prepare(
        `INSERT INTO regions (page_id, role, polygon, x0, y0, x1, y1, reading_order, origin, accepted, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        region.pageId,
        region.role,
        JSON.stringify(polygon),
        b.x0,
        b.y0,
        b.x1,
        b.y1,
        region.readingOrder,
        region.origin,
        accepted,
        carried?.createdAt ?? nowIso(),
      ).lastInsertRowid,
  );
}

/** A page's size, which every region on it must lie within. */
export function pageSize(db: ReadableDB, pageId: number): { width: number; height: number } | undefined {
  return db.prepare('SELECT width, height FROM pages WHERE id = ?').get(pageId) as
    { width: number; height: number } | undefined;
}

/** The issue a region's page belongs to (an article keeps to one issue). */
export function issueOfRegion(db: ReadableDB, regionId: number): number | undefined {
  return db
    .prepare('SELECT p.issue_id FROM regions r JOIN pages p ON p.id = r.page_id WHERE r.id = ?')
    .pluck()
    .get(regionId) as number | undefined;
}

/** The whole row as history keeps it, so an undo puts back exactly what was there. */
export function regionSnapshot(db: ReadableDB, id: number): string {
  return JSON.stringify(db.prepare('SELECT * FROM regions WHERE id = ?').get(id));
}

/** Restores a row from its snapshot: UPDATE when it exists (REPLACE would delete it first and
 *  cascade to article parts), INSERT with its old id when it does not. */
export function restoreRegionSnapshot(db: WritableDB, id: number, snapshot: Record<string, unknown>): void {
  const columns = Object.keys(snapshot).filter((c) => c !== 'id');
  const row = { ...snapshot, id };
  if (db.prepare('SELECT 1 FROM regions WHERE id = ?').get(id))
    db.prepare(`UPDATE regions SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(row);
  else
    db.prepare(
      `INSERT INTO regions (id, ${columns.join(', ')}) VALUES (@id, ${columns.map((c) => `@${c}`).join(', ')})`,
    ).run(row);
}

/** A person set the role: the region is theirs now, no longer a suggestion. */
export function setRegionRole(db: WritableDB, id: number, role: RegionRole): void {
  db.prepare('UPDATE regions SET role = ?, accepted = 1 WHERE id = ?').run(role, id);
}

/** A new outline, with the box columns derived from it; `accept` when a person drew it. */
export function setRegionOutline(db: WritableDB, id: number, polygon: Polygon, accept: boolean): void {
  const b = polygonBounds(polygon);
  db.prepare(
    `UPDATE regions SET polygon = ?, x0 = ?, y0 = ?, x1 = ?, y1 = ?${accept ? ', accepted = 1' : ''} WHERE id = ?`,
  ).run(JSON.stringify(polygon), b.x0, b.y0, b.x1, b.y1, id);
}

/** A person accepted the suggested region as it is. */
export function acceptRegionRow(db: WritableDB, id: number): void {
  db.prepare('UPDATE regions SET accepted = 1 WHERE id = ?').run(id);
}

export function setReadingOrder(db: WritableDB, id: number, order: number): void {
  db.prepare('UPDATE regions SET reading_order = ? WHERE id = ?').run(order, id);
}

/** Makes room after `order` on a page for a region inserted there. */
export function shiftReadingOrderAfter(db: WritableDB, pageId: number, order: number): void {
  db.prepare(
    'UPDATE regions SET reading_order = reading_order + 1 WHERE page_id = ? AND reading_order > ?',
  ).run(pageId, order);
}

export function deleteRegionRow(db: WritableDB, id: number): void {
  db.prepare('DELETE FROM regions WHERE id = ?').run(id);
}

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
): number {
  const polygon = region.polygon.map(([x, y]) => [Math.round(x), Math.round(y)] as [number, number]);
  const b = polygonBounds(polygon);
  // A suggestion waits for a person to accept it; drawn and imported regions are accepted.
  const accepted = region.origin === 'suggested' ? 0 : 1;
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
        nowIso(),
      ).lastInsertRowid,
  );
}

// The regions table as the rest of the core sees it: rows mapped to Regions, read one or by page.

import type Database from 'better-sqlite3';
import { BackfileError } from '../../shared/errors.ts';
import { boxToPolygon, type Polygon } from '../../shared/geometry.ts';
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

export function getRegion(db: Database.Database, id: number): Region {
  const row = db.prepare('SELECT * FROM regions WHERE id = ?').get(id) as RegionRow | undefined;
  if (!row) throw new BackfileError('not-found', `No region ${id}.`);
  return rowToRegion(row);
}

export function pageRegions(db: Database.Database, pageId: number): Region[] {
  return (
    db
      .prepare('SELECT * FROM regions WHERE page_id = ? ORDER BY reading_order, id')
      .all(pageId) as RegionRow[]
  ).map(rowToRegion);
}

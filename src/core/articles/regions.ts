// Regions drawn on a page: rectangles and polygons in page pixels, with a role and a place in
// the page's reading order. Every change is one recorded, undoable step; lines and words follow
// the region that contains their centre (archive/line-regions.ts).

import type { WritableDB } from '../archive/db-handles.ts';
import { recordChange, type Edit } from '../archive/history.ts';
import { BackfileError } from '../../shared/errors.ts';
import { boxToPolygon, polygonBounds, type Polygon } from '../../shared/geometry.ts';
import { REGION_ROLES, type RegionRole } from '../../shared/model.ts';
import { assignLinesToRegions } from '../archive/line-regions.ts';
import {
  getRegion,
  insertRegion,
  nextReadingOrder,
  pageRegions,
  type RegionOrigin,
} from '../archive/region-rows.ts';

function checkPolygon(db: WritableDB, pageId: number, polygon: Polygon): Polygon {
  const page = db.prepare('SELECT width, height FROM pages WHERE id = ?').get(pageId) as
    { width: number; height: number } | undefined;
  if (!page) throw new BackfileError('not-found', `Page ${pageId} is not in the archive.`);
  if (polygon.length < 3) throw new BackfileError('invalid-input', 'A region needs at least three points.');
  const clamped = polygon.map(
    ([x, y]) =>
      [
        Math.round(Math.min(page.width, Math.max(0, x))),
        Math.round(Math.min(page.height, Math.max(0, y))),
      ] as const,
  );
  const b = polygonBounds(clamped);
  if (b.x1 - b.x0 < 2 || b.y1 - b.y0 < 2)
    throw new BackfileError('invalid-input', 'A region must be at least 2 pixels wide and high on the page.');
  return clamped;
}

function checkRole(role: string): RegionRole {
  if (!(REGION_ROLES as readonly string[]).includes(role))
    throw new BackfileError('invalid-input', `Unknown region role "${role}".`);
  return role as RegionRole;
}

function regionSnapshot(db: WritableDB, id: number): string {
  return JSON.stringify(db.prepare('SELECT * FROM regions WHERE id = ?').get(id));
}

export function createRegion(
  db: WritableDB,
  pageId: number,
  role: string,
  polygon: Polygon,
  user: string,
  origin: RegionOrigin = 'user',
): number {
  return db
    .transaction(() => {
      const shape = checkPolygon(db, pageId, polygon);
      const id = insertRegion(db, {
        pageId,
        role: checkRole(role),
        polygon: shape,
        readingOrder: nextReadingOrder(db, pageId),
        origin,
      });
      recordChange(db, 'draw region', user, [
        { entity: 'region', entityId: id, field: 'row', before: null, after: regionSnapshot(db, id) },
      ]);
      assignLinesToRegions(db, pageId);
      return id;
    })
    .immediate();
}

export function updateRegion(
  db: WritableDB,
  id: number,
  change: { role?: string; polygon?: Polygon },
  user: string,
): void {
  db.transaction(() => {
    const region = getRegion(db, id);
    const before = regionSnapshot(db, id);
    if (change.role !== undefined)
      db.prepare('UPDATE regions SET role = ?, accepted = 1 WHERE id = ?').run(checkRole(change.role), id);
    if (change.polygon !== undefined) {
      const shape = checkPolygon(db, region.pageId, change.polygon);
      const b = polygonBounds(shape);
      db.prepare(
        'UPDATE regions SET polygon = ?, x0 = ?, y0 = ?, x1 = ?, y1 = ?, accepted = 1 WHERE id = ?',
      ).run(JSON.stringify(shape), b.x0, b.y0, b.x1, b.y1, id);
    }
    recordChange(db, change.polygon ? 'reshape region' : 'set region role', user, [
      { entity: 'region', entityId: id, field: 'row', before, after: regionSnapshot(db, id) },
    ]);
    assignLinesToRegions(db, region.pageId);
  }).immediate();
}

export function deleteRegion(db: WritableDB, id: number, user: string): void {
  db.transaction(() => {
    const region = getRegion(db, id);
    const before = regionSnapshot(db, id);
    db.prepare('DELETE FROM regions WHERE id = ?').run(id);
    recordChange(db, 'delete region', user, [
      { entity: 'region', entityId: id, field: 'row', before, after: null },
    ]);
    assignLinesToRegions(db, region.pageId);
  }).immediate();
}

/** Sets the reading order of a page's regions to the order of `ids` (which must be all of them). */
export function reorderRegions(db: WritableDB, pageId: number, ids: readonly number[], user: string): void {
  db.transaction(() => {
    const current = pageRegions(db, pageId);
    if (ids.length !== current.length || !current.every((r) => ids.includes(r.id))) {
      throw new BackfileError(
        'invalid-input',
        `Give every region of page ${pageId} exactly once to reorder them.`,
      );
    }
    const edits: Edit[] = [];
    const update = db.prepare('UPDATE regions SET reading_order = ? WHERE id = ?');
    ids.forEach((id, order) => {
      const before = current.find((r) => r.id === id)!.readingOrder;
      if (before !== order) {
        update.run(order, id);
        edits.push({
          entity: 'region',
          entityId: id,
          field: 'reading_order',
          before: String(before),
          after: String(order),
        });
      }
    });
    if (edits.length > 0) recordChange(db, 'reorder regions', user, edits);
  }).immediate();
}

/** Splits a region at a horizontal line y into an upper and a lower rectangle. */
export function splitRegion(db: WritableDB, id: number, y: number, user: string): [number, number] {
  return db
    .transaction(() => {
      const region = getRegion(db, id);
      if (y <= region.box.y0 + 1 || y >= region.box.y1 - 1)
        throw new BackfileError('invalid-input', 'Split inside the region.');
      const before = regionSnapshot(db, id);
      const upper = boxToPolygon({ ...region.box, y1: Math.round(y) });
      const lower = boxToPolygon({ ...region.box, y0: Math.round(y) });
      const ub = polygonBounds(upper);
      db.prepare('UPDATE regions SET polygon = ?, x0 = ?, y0 = ?, x1 = ?, y1 = ? WHERE id = ?').run(
        JSON.stringify(upper),
        ub.x0,
        ub.y0,
        ub.x1,
        ub.y1,
        id,
      );
      db.prepare(
        'UPDATE regions SET reading_order = reading_order + 1 WHERE page_id = ? AND reading_order > ?',
      ).run(region.pageId, region.readingOrder);
      const lowerId = insertRegion(db, {
        pageId: region.pageId,
        role: region.role,
        polygon: lower,
        readingOrder: region.readingOrder + 1,
        origin: 'user',
      });
      recordChange(db, 'split region', user, [
        { entity: 'region', entityId: id, field: 'row', before, after: regionSnapshot(db, id) },
        {
          entity: 'region',
          entityId: lowerId,
          field: 'row',
          before: null,
          after: regionSnapshot(db, lowerId),
        },
      ]);
      assignLinesToRegions(db, region.pageId);
      return [id, lowerId] as [number, number];
    })
    .immediate();
}

/** Merges regions of one page into the first one (their bounding rectangle). */
export function mergeRegions(db: WritableDB, ids: readonly number[], user: string): number {
  return db
    .transaction(() => {
      const regions = ids.map((id) => getRegion(db, id));
      const pageId = regions[0]?.pageId;
      if (regions.length < 2 || regions.some((r) => r.pageId !== pageId))
        throw new BackfileError('invalid-input', 'Merge two or more regions of one page.');
      const [keep, ...rest] = regions;
      const before = regionSnapshot(db, keep!.id);
      const box = polygonBounds(regions.flatMap((r) => r.polygon));
      db.prepare('UPDATE regions SET polygon = ?, x0 = ?, y0 = ?, x1 = ?, y1 = ? WHERE id = ?').run(
        JSON.stringify(boxToPolygon(box)),
        box.x0,
        box.y0,
        box.x1,
        box.y1,
        keep!.id,
      );
      const edits: Edit[] = [
        { entity: 'region', entityId: keep!.id, field: 'row', before, after: regionSnapshot(db, keep!.id) },
      ];
      for (const r of rest) {
        edits.push({
          entity: 'region',
          entityId: r.id,
          field: 'row',
          before: regionSnapshot(db, r.id),
          after: null,
        });
        db.prepare('DELETE FROM regions WHERE id = ?').run(r.id);
      }
      recordChange(db, 'merge regions', user, edits);
      assignLinesToRegions(db, pageId!);
      return keep!.id;
    })
    .immediate();
}

/** How region edits are undone: whole rows come back as they were, or go. */
export function revertRegionEdit(db: WritableDB, edit: Edit): void {
  if (edit.field === 'reading_order') {
    db.prepare('UPDATE regions SET reading_order = ? WHERE id = ?').run(Number(edit.before), edit.entityId);
    return;
  }
  const before = edit.before ? (JSON.parse(edit.before) as Record<string, unknown>) : null;
  const pageId = (before?.page_id ??
    (edit.after ? (JSON.parse(edit.after) as { page_id: number }).page_id : null)) as number | null;
  if (before === null) db.prepare('DELETE FROM regions WHERE id = ?').run(edit.entityId);
  else {
    // UPDATE when the row exists (REPLACE would delete it first and cascade to article parts).
    const columns = Object.keys(before).filter((c) => c !== 'id');
    const exists = db.prepare('SELECT 1 FROM regions WHERE id = ?').get(edit.entityId);
    if (exists)
      db.prepare(`UPDATE regions SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(
        before,
      );
    else
      db.prepare(
        `INSERT INTO regions (id, ${columns.join(', ')}) VALUES (@id, ${columns.map((c) => `@${c}`).join(', ')})`,
      ).run(before);
  }
  if (pageId !== null) assignLinesToRegions(db, pageId);
}

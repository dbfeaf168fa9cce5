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
  deleteRegionRow,
  getRegion,
  insertRegion,
  nextReadingOrder,
  pageRegions,
  pageSize,
  regionSnapshot,
  restoreRegionSnapshot,
  setReadingOrder,
  setRegionOutline,
  setRegionRole,
  shiftReadingOrderAfter,
  type RegionOrigin,
} from '../archive/region-rows.ts';

function checkPolygon(db: WritableDB, pageId: number, polygon: Polygon): Polygon {
  const page = pageSize(db, pageId);
  if (!page) throw new BackfileError('not-found', `Page ${pageId} is not in the archive.`);
  if (polygon.length < 3)
    throw new BackfileError('invalid-input', 'A region needs at least three points.', {
      reason: 'region-too-few-points',
    });
  const clamped = polygon.map(
    ([x, y]) =>
      [
        Math.round(Math.min(page.width, Math.max(0, x))),
        Math.round(Math.min(page.height, Math.max(0, y))),
      ] as const,
  );
  const b = polygonBounds(clamped);
  if (b.x1 - b.x0 < 2 || b.y1 - b.y0 < 2)
    throw new BackfileError(
      'invalid-input',
      'A region must be at least 2 pixels wide and high on the page.',
      {
        reason: 'region-too-small',
      },
    );
  return clamped;
}

function checkRole(role: string): RegionRole {
  if (!(REGION_ROLES as readonly string[]).includes(role))
    throw new BackfileError('invalid-input', `Unknown region role "${role}".`);
  return role as RegionRole;
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
    if (change.role !== undefined) setRegionRole(db, id, checkRole(change.role));
    if (change.polygon !== undefined)
      setRegionOutline(db, id, checkPolygon(db, region.pageId, change.polygon), true);
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
    deleteRegionRow(db, id);
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
    ids.forEach((id, order) => {
      const before = current.find((r) => r.id === id)!.readingOrder;
      if (before !== order) {
        setReadingOrder(db, id, order);
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
      setRegionOutline(db, id, upper, false);
      shiftReadingOrderAfter(db, region.pageId, region.readingOrder);
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
      setRegionOutline(db, keep!.id, boxToPolygon(box), false);
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
        deleteRegionRow(db, r.id);
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
    setReadingOrder(db, edit.entityId, Number(edit.before));
    return;
  }
  const before = edit.before ? (JSON.parse(edit.before) as Record<string, unknown>) : null;
  const pageId = (before?.page_id ??
    (edit.after ? (JSON.parse(edit.after) as { page_id: number }).page_id : null)) as number | null;
  const held = regionSnapshot(db, edit.entityId) as string | undefined;
  if (edit.field === 'row' && edit.after === null && held)
    // Undoing a deletion while another region has since been given the deleted one's id.
    throw new BackfileError(
      'invalid-input',
      `Region ${edit.entityId} is no longer the region this change deleted; its id was given to another region.`,
    );
  if (before === null) {
    // Region ids can be given again once the newest region is deleted (the table is not
    // AUTOINCREMENT): undoing a drawing must not delete another region that now has its id.
    const drawn = edit.after ? (JSON.parse(edit.after) as Record<string, unknown>) : null;
    const now = held ? (JSON.parse(held) as Record<string, unknown>) : null;
    if (now && drawn && (now['page_id'] !== drawn['page_id'] || now['created_at'] !== drawn['created_at']))
      throw new BackfileError(
        'invalid-input',
        `Region ${edit.entityId} is no longer the region this change drew; delete that region instead.`,
      );
    deleteRegionRow(db, edit.entityId);
  } else restoreRegionSnapshot(db, edit.entityId, before);
  if (pageId !== null) assignLinesToRegions(db, pageId);
}

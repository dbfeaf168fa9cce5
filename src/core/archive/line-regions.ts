// Which region a line belongs to. This is ONE fact, `lines.region_id`, and this is the one place
// that derives it: a line belongs to the first text region, in reading order, that contains the
// centre of its box; a line in no text region belongs to the page alone. Everything that reads
// membership (article assembly, exports, search by role, history, quality) reads the column.
// Whoever changes a page's lines or its regions calls assignLinesToRegions in the same
// transaction, so the column never disagrees with the geometry.

import type { WritableDB } from './db-handles.ts';
import { boxCentre, polygonContainsPoint, type Box } from '../../shared/geometry.ts';
import { isTextRole, type Region } from '../../shared/model.ts';
import { pageRegions } from './region-rows.ts';

/** The region of `regions` (in reading order) that a line with this box belongs to. */
export function regionOfLine(regions: readonly Region[], box: Box): Region | null {
  const centre = boxCentre(box);
  return regions.find((r) => isTextRole(r.role) && polygonContainsPoint(r.polygon, centre)) ?? null;
}

export function assignLinesToRegions(db: WritableDB, pageId: number): void {
  const regions = pageRegions(db, pageId);
  const lines = db
    .prepare('SELECT id, region_id, x0, y0, x1, y1 FROM lines WHERE page_id = ?')
    .all(pageId) as (Box & { id: number; region_id: number | null })[];
  const update = db.prepare('UPDATE lines SET region_id = ? WHERE id = ?');
  for (const line of lines) {
    const regionId = regionOfLine(regions, line)?.id ?? null;
    if (regionId !== line.region_id) update.run(regionId, line.id);
  }
}

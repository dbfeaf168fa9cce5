// What is under a point of the page (page pixels): the line whose box holds it, or else the
// smallest region whose outline holds it (a region drawn inside a larger one stays reachable).

import {
  boxArea,
  boxContainsPoint,
  polygonContainsPoint,
  type Box,
  type Point,
  type Polygon,
} from '../../shared/geometry.ts';

export function lineAt<L extends { box: Box }>(lines: readonly L[], at: Point): L | null {
  return lines.find((l) => boxContainsPoint(l.box, at)) ?? null;
}

export function regionAt<R extends { box: Box; polygon: Polygon }>(
  regions: readonly R[],
  at: Point,
): R | null {
  const under = regions.filter((r) => boxContainsPoint(r.box, at) && polygonContainsPoint(r.polygon, at));
  return under.sort((a, b) => boxArea(a.box) - boxArea(b.box))[0] ?? null;
}

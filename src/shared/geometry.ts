// Boxes and polygons in page-image pixels (origin top-left, right and bottom exclusive).
// Every coordinate in Backfile is in pixels of the page's master raster; viewers apply one transform.

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type Point = readonly [number, number];
export type Polygon = readonly Point[];

export function boxWidth(b: Box): number {
  return Math.max(0, b.x1 - b.x0);
}

export function boxHeight(b: Box): number {
  return Math.max(0, b.y1 - b.y0);
}

export function boxArea(b: Box): number {
  return boxWidth(b) * boxHeight(b);
}

export function unionBoxes(boxes: readonly Box[]): Box {
  if (boxes.length === 0) throw new RangeError('unionBoxes needs at least one box');
  let { x0, y0, x1, y1 } = boxes[0]!;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x0);
    y0 = Math.min(y0, b.y0);
    x1 = Math.max(x1, b.x1);
    y1 = Math.max(y1, b.y1);
  }
  return { x0, y0, x1, y1 };
}

export function intersectBoxes(a: Box, b: Box): Box | null {
  const x0 = Math.max(a.x0, b.x0);
  const y0 = Math.max(a.y0, b.y0);
  const x1 = Math.min(a.x1, b.x1);
  const y1 = Math.min(a.y1, b.y1);
  return x1 > x0 && y1 > y0 ? { x0, y0, x1, y1 } : null;
}

/** Intersection over union, 0 when the boxes do not overlap. */
export function iou(a: Box, b: Box): number {
  const i = intersectBoxes(a, b);
  if (!i) return 0;
  const inter = boxArea(i);
  return inter / (boxArea(a) + boxArea(b) - inter);
}

export function boxCentre(b: Box): Point {
  return [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
}

export function boxContainsPoint(b: Box, [x, y]: Point): boolean {
  return x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1;
}

export function polygonBounds(polygon: Polygon): Box {
  if (polygon.length === 0) throw new RangeError('polygonBounds needs at least one point');
  return unionBoxes(polygon.map(([x, y]) => ({ x0: x, y0: y, x1: x, y1: y })));
}

export function boxToPolygon(b: Box): Polygon {
  return [
    [b.x0, b.y0],
    [b.x1, b.y0],
    [b.x1, b.y1],
    [b.x0, b.y1],
  ];
}

/** Even-odd ray casting; points on the boundary may fall either way, which is fine for assigning words. */
export function polygonContainsPoint(polygon: Polygon, [x, y]: Point): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function roundBox(b: Box): Box {
  return { x0: Math.round(b.x0), y0: Math.round(b.y0), x1: Math.round(b.x1), y1: Math.round(b.y1) };
}

// Photos on a page: large, solid areas of ink that are not text. Pure: works on the page's ink
// grid with text lines already blanked; the remaining ink is joined into connected areas, and
// areas that are big and mostly filled are photos (rules and dust are thin or sparse).

import type { Box } from '../../shared/geometry.ts';
import type { InkGrid } from './separators.ts';

const MIN_FILL = 0.45; // share of an area's bounding box that is ink: photos ≥ 0.7, rule crossings ≪

export function findPhotos(grid: InkGrid, bodyHeight: number): Box[] {
  const { width: w, height: h, ink, cell } = grid;
  // A photo is at least four body lines high and wide: smaller dark areas are ornaments, logos
  // or dirt, which no reader wants as an article's picture.
  const minSide = (4 * bodyHeight) / cell;
  const seen = new Uint8Array(w * h);
  const photos: Box[] = [];
  const stack: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (!ink[start] || seen[start]) continue;
    let count = 0;
    let x0 = w;
    let y0 = h;
    let x1 = 0;
    let y1 = 0;
    stack.push(start);
    seen[start] = 1;
    while (stack.length > 0) {
      const p = stack.pop()!;
      const x = p % w;
      const y = (p - x) / w;
      count++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (const q of [p - 1, p + 1, p - w, p + w]) {
        if (q < 0 || q >= w * h || seen[q] || !ink[q]) continue;
        if ((q === p - 1 && x === 0) || (q === p + 1 && x === w - 1)) continue;
        seen[q] = 1;
        stack.push(q);
      }
    }
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    // The dark margin a scanner leaves beside the paper touches the image's edge and runs
    // along nearly all of it; a printed photo stands inside the page's margins.
    const scanMargin =
      ((x0 === 0 || x1 === w - 1) && bh >= 0.9 * h) || ((y0 === 0 || y1 === h - 1) && bw >= 0.9 * w);
    if (!scanMargin && bw >= minSide && bh >= minSide && count / (bw * bh) >= MIN_FILL)
      photos.push({ x0: x0 * cell, y0: y0 * cell, x1: (x1 + 1) * cell, y1: (y1 + 1) * cell });
  }
  return photos;
}

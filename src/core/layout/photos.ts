// Finds photos on a page image: large, solid areas of ink that are not text. Works on a copy
// scaled down eightfold: text line boxes are blanked out, the remaining dark pixels are joined
// into connected areas, and areas that are big and mostly filled are photos (rules and dust are
// thin or sparse).

import { smallPage } from './small-page.ts';
import type { Box } from '../../shared/geometry.ts';

const SCALE = 8;
const MIN_FILL = 0.45; // share of an area's bounding box that is dark: photos ≥ 0.7, rule crossings ≪

export async function detectPhotos(
  raster: string | Buffer,
  textBoxes: readonly Box[],
  bodyHeight: number,
  maxPixels: number,
): Promise<Box[]> {
  const page = await smallPage(raster, SCALE, maxPixels);
  const { data, paper } = page;
  const w = page.width;
  const h = page.height;
  const dark = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) dark[i] = data[i]! < paper - 45 ? 1 : 0;
  const pad = Math.ceil((0.3 * bodyHeight) / SCALE);
  for (const b of textBoxes) {
    for (
      let y = Math.max(0, Math.floor(b.y0 / SCALE) - pad);
      y < Math.min(h, Math.ceil(b.y1 / SCALE) + pad);
      y++
    ) {
      for (
        let x = Math.max(0, Math.floor(b.x0 / SCALE) - pad);
        x < Math.min(w, Math.ceil(b.x1 / SCALE) + pad);
        x++
      )
        dark[y * w + x] = 0;
    }
  }
  const minSide = (4 * bodyHeight) / SCALE;
  const seen = new Uint8Array(w * h);
  const photos: Box[] = [];
  const stack: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (!dark[start] || seen[start]) continue;
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
        if (q < 0 || q >= w * h || seen[q] || !dark[q]) continue;
        if ((q === p - 1 && x === 0) || (q === p + 1 && x === w - 1)) continue;
        seen[q] = 1;
        stack.push(q);
      }
    }
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    if (bw >= minSide && bh >= minSide && count / (bw * bh) >= MIN_FILL) {
      photos.push({
        x0: x0 * SCALE,
        y0: y0 * SCALE,
        x1: Math.min((x1 + 1) * SCALE, page.fullWidth),
        y1: Math.min((y1 + 1) * SCALE, page.fullHeight),
      });
    }
  }
  return photos;
}

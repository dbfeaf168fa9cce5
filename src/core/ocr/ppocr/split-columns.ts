// Detected boxes that run across a column gutter, split at the gutter. On dense, low-resolution
// pages the gutter between columns is only a few pixels wide and DB joins the lines on either
// side into one box (measured: the sample page at 75 dpi, character error rate with order 0.62
// from such joins). Columns are where many boxes start at the same x (justified text is flush
// left and flush right); a box that spans such a gutter is cut there if its ink is white there.

import type { Box } from '../../../shared/geometry.ts';
import type { GreyImage } from './grey-image.ts';
import { median } from '../../../shared/median.ts';

/** Boxes that must start (or end) within half a line height of an x for it to count. */
const MIN_SUPPORT = 4;

/** Positions where at least MIN_SUPPORT of the values lie within half a line height. */
function clusters(values: readonly number[], lineHeight: number): number[] {
  const xs = [...values].sort((a, b) => a - b);
  const found: number[] = [];
  let i = 0;
  while (i < xs.length) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1]! - xs[i]! <= lineHeight / 2) j++;
    if (j - i + 1 >= MIN_SUPPORT) found.push(median(xs.slice(i, j + 1)));
    i = j + 1;
  }
  return found;
}

/**
 * Column gutters: where many boxes end (justified columns are flush right too) and, less than
 * two line heights further right, many boxes start. A paragraph indent is a start with no end
 * before it, so it is no gutter.
 */
export function gutters(boxes: readonly Box[], lineHeight: number): [number, number][] {
  const starts = clusters(
    boxes.map((b) => b.x0),
    lineHeight,
  );
  const ends = clusters(
    boxes.map((b) => b.x1),
    lineHeight,
  );
  const found: [number, number][] = [];
  for (const end of ends) {
    const start = starts.filter((s) => s > end && s - end <= 2 * lineHeight).sort((a, b) => a - b)[0];
    if (start !== undefined) found.push([end, start]);
  }
  return found;
}

/** Ink per pixel column of the box (0 white … 1 black), from the grey page. */
function inkProfile(image: GreyImage, box: Box): Float32Array {
  const x0 = Math.max(0, Math.floor(box.x0));
  const x1 = Math.min(image.width, Math.ceil(box.x1));
  const y0 = Math.max(0, Math.floor(box.y0));
  const y1 = Math.min(image.height, Math.ceil(box.y1));
  const profile = new Float32Array(Math.max(0, x1 - x0));
  for (let x = x0; x < x1; x++) {
    let dark = 0;
    for (let y = y0; y < y1; y++) if (image.data[y * image.width + x]! < 128) dark++;
    profile[x - x0] = dark / Math.max(1, y1 - y0);
  }
  return profile;
}

export function splitAtGutters(image: GreyImage, boxes: readonly Box[]): Box[] {
  if (boxes.length < MIN_SUPPORT) return [...boxes];
  const lineHeight = median(boxes.map((b) => b.y1 - b.y0));
  const found = gutters(boxes, lineHeight);
  if (found.length === 0) return [...boxes];
  const out: Box[] = [];
  for (const box of boxes) {
    const h = box.y1 - box.y0;
    // Only body-sized lines are cut: a headline spans columns by design.
    const crossing =
      h <= 1.6 * lineHeight ? found.filter(([end, start]) => end > box.x0 + h && start < box.x1 - h) : [];
    if (crossing.length === 0) {
      out.push(box);
      continue;
    }
    const profile = inkProfile(image, box);
    const cuts: number[] = [];
    for (const [end, start] of crossing) {
      // The gutter must be white across this line too (no character printed over it).
      let ink = 0;
      for (let x = Math.round(end - box.x0); x < Math.round(start - box.x0); x++)
        ink = Math.max(ink, profile[x] ?? 1);
      if (ink < 0.05) cuts.push((end + start) / 2);
    }
    let left = box.x0;
    for (const cut of cuts.sort((a, b) => a - b)) {
      out.push({ ...box, x0: left, x1: Math.round(cut) });
      left = Math.round(cut);
    }
    out.push({ ...box, x0: left });
  }
  return out;
}

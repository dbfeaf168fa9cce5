// Pairs each photo with its caption: the lines set right under it, within its width, in type
// no larger than the body, as one paragraph (the caption ends at its first short line). Found
// by geometry, never by the order a source listed the lines in. On a vertical page, seen turned
// (quarter-turn.ts), a caption set across beneath its photo stands beside it, after it, and
// runs down the turned frame.

import type { Box } from '../../shared/geometry.ts';
import { relativeSize, type TypeSizes } from './type-sizes.ts';

interface Lined {
  box: Box;
  text: string;
}

export function captionsOf(
  photos: readonly Box[],
  candidates: readonly number[],
  lines: readonly Lined[],
  sizes: TypeSizes,
): { captions: Map<Box, number[]>; used: Set<number> } {
  const body = sizes.body;
  const used = new Set<number>();
  const captions = new Map<Box, number[]>();
  const height = (i: number) => lines[i]!.box.y1 - lines[i]!.box.y0;
  const size = (i: number) => relativeSize(lines[i]!, sizes);
  const within = (photo: Box, b: Box) => b.x0 >= photo.x0 - 0.5 * body && b.x1 <= photo.x1 + 0.5 * body;
  for (const photo of photos) {
    const free = candidates
      .filter((i) => !used.has(i) && within(photo, lines[i]!.box) && size(i) <= 1.1)
      .sort((a, b) => lines[a]!.box.y0 - lines[b]!.box.y0 || lines[a]!.box.x0 - lines[b]!.box.x0);
    const first = free.find((i) => {
      const b = lines[i]!.box;
      return b.y0 >= photo.y1 - 0.5 * body && b.y0 - photo.y1 <= 1.5 * body;
    });
    if (first === undefined) {
      const across = besideCaption(photo, candidates, used, lines, body, size);
      if (across.length === 0) continue;
      across.forEach((i) => used.add(i));
      captions.set(photo, across);
      continue;
    }
    const caption = [first];
    // Lines beside the first on its row (a credit set apart), then the lines below it while
    // they are set alike and the paragraph runs on.
    for (const i of free)
      if (i !== first && lines[i]!.box.y0 < lines[first]!.box.y1 && lines[i]!.box.y1 > lines[first]!.box.y0)
        caption.push(i);
    let last = first;
    let row = caption.map((i) => lines[i]!.box);
    for (const i of free) {
      if (caption.includes(i)) continue;
      const b = lines[i]!.box;
      const previous = lines[last]!.box;
      const rowEnd = Math.max(...row.map((r) => r.x1));
      const runsOn = rowEnd >= photo.x1 - 1.5 * body;
      const gap = b.y0 - previous.y1;
      if (b.y0 < previous.y1 - 0.3 * height(last)) continue;
      const f = lines[first]!.box;
      // Lines set flush left start within an em of each other: an opening quote or bracket
      // stands in the right half of its em, so an engine's box of a line it opens starts
      // half an em in.
      const aligned =
        Math.abs(b.x0 - f.x0) < body || Math.abs((b.x0 + b.x1) / 2 - (f.x0 + f.x1) / 2) < 0.5 * body;
      if (!aligned) continue;
      // Set smaller than the body, a caption's lines all are; the body going on below is not.
      const sizeFits = size(first) < 0.95 ? size(i) < 0.97 : true;
      // A line of a few characters has no size to compare: its width is one or two glyphs'
      // ink (a quotation mark's is a fraction of its em) and its box is drawn taller.
      const measurable = [...lines[i]!.text.replace(/\s+/gu, '')].length >= 4;
      if (
        !runsOn ||
        !sizeFits ||
        gap > 0.8 * height(last) ||
        (measurable && Math.abs(size(i) - size(first)) > 0.12 * size(first))
      )
        break;
      caption.push(i);
      last = i;
      row = [b];
    }
    caption.forEach((i) => used.add(i));
    captions.set(photo, caption);
  }
  return { captions, used };
}

/** Lines that run down the frame, set right after the photo along the reading, alongside it. */
function besideCaption(
  photo: Box,
  candidates: readonly number[],
  used: ReadonlySet<number>,
  lines: readonly Lined[],
  body: number,
  size: (i: number) => number,
): number[] {
  const runsDown = (b: Box) => b.y1 - b.y0 > 1.5 * (b.x1 - b.x0);
  const free = candidates
    .filter((i) => {
      const b = lines[i]!.box;
      return (
        !used.has(i) &&
        runsDown(b) &&
        size(i) <= 1.1 &&
        Math.min(b.y1, photo.y1) - Math.max(b.y0, photo.y0) >=
          0.5 * Math.min(b.y1 - b.y0, photo.y1 - photo.y0)
      );
    })
    .sort((a, b) => lines[a]!.box.x0 - lines[b]!.box.x0);
  const caption: number[] = [];
  let edge = photo.x1;
  for (const i of free) {
    const b = lines[i]!.box;
    if (b.x0 < edge - 0.5 * body) continue;
    if (b.x0 - edge > 1.5 * body) break;
    caption.push(i);
    edge = b.x1;
  }
  return caption;
}

// Which caption belongs to which photo of an article, from where they stand, not from the order
// their regions were put in: a caption is set under its photo (or beside it), within its width.
// Each photo takes at most one caption; a caption no photo of its page can take stays alone.

import type { Box } from '../../shared/geometry.ts';

export interface Placed {
  regionId: number;
  pageId: number;
  box: Box;
}

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));

/** How far the caption stands from being set under (or else beside) the photo; lower is nearer. */
function distance(photo: Box, caption: Box): number {
  const width = Math.min(photo.x1 - photo.x0, caption.x1 - caption.x0);
  const under = overlap(photo, caption) > 0.5 * width;
  const gapBelow = caption.y0 - photo.y1;
  if (under && gapBelow > -0.1 * (photo.y1 - photo.y0)) return Math.abs(gapBelow);
  // Beside the photo: vertical overlap, horizontal gap; counted farther than anything under it.
  const besideGap = Math.max(caption.x0 - photo.x1, photo.x0 - caption.x1);
  const verticalOverlap = Math.min(photo.y1, caption.y1) - Math.max(photo.y0, caption.y0);
  if (verticalOverlap > 0 && besideGap >= 0) return 1e6 + besideGap;
  return Infinity;
}

/** caption region → photo region, nearest pairs first. */
export function pairCaptions(photos: readonly Placed[], captions: readonly Placed[]): Map<number, number> {
  const pairs: { photo: number; caption: number; d: number }[] = [];
  for (const p of photos)
    for (const c of captions)
      if (p.pageId === c.pageId) {
        const d = distance(p.box, c.box);
        if (Number.isFinite(d)) pairs.push({ photo: p.regionId, caption: c.regionId, d });
      }
  pairs.sort((a, b) => a.d - b.d);
  const byCaption = new Map<number, number>();
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (taken.has(pair.photo) || byCaption.has(pair.caption)) continue;
    byCaption.set(pair.caption, pair.photo);
    taken.add(pair.photo);
  }
  return byCaption;
}

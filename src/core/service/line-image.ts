// A line's picture cut from its page's master raster (a little margin around its box, at most
// 80 px high, JPEG): what a reviewer compares a replacement's preview against.

import sharp from 'sharp';
import type { Archive } from '../archive/archive.ts';
import { getPage } from '../archive/pages.ts';
import { getLine } from '../archive/line-rows.ts';

/** Pixels around the line's box, as a share of the line's height. */
const MARGIN = 0.25;

export async function lineImage(archive: Archive, lineId: number): Promise<Buffer | null> {
  const found = getLine(archive.db, lineId);
  if (!found) return null;
  const line = found.box;
  const page = getPage(archive.db, found.pageId);
  if (!page) return null;
  const margin = Math.round((line.y1 - line.y0) * MARGIN);
  const left = Math.max(0, line.x0 - margin);
  const top = Math.max(0, line.y0 - margin);
  const width = Math.min(page.width, line.x1 + margin) - left;
  const height = Math.min(page.height, line.y1 + margin) - top;
  if (width <= 0 || height <= 0) return null;
  return sharp(archive.resolve(page.rasterPath), { limitInputPixels: false })
    .extract({ left, top, width, height })
    .resize({ height: Math.min(80, height) })
    .jpeg({ quality: 80 })
    .toBuffer();
}

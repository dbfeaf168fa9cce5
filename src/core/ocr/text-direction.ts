// Which way a page's lines run: across it, or down it in columns (Chinese papers before the
// 1950s, and in Hong Kong and Taiwan for decades after). Chinese type is square and set solid
// along its line, with white between lines: so a text detector, which finds lines by the white
// around them whichever way they run, draws boxes long along the lines. The page's text boxes
// are counted by their ink (box area), long ones across against long ones down.

import sharp from 'sharp';
import { greyOf } from './ppocr/grey-image.ts';
import { detectionScale } from './ppocr/ppocr-engine.ts';
import type { TextDetector } from './ppocr/detect.ts';

export type TextDirection = 'horizontal' | 'vertical';

/** A box counts for a direction when it is this many times longer one way than the other. */
const LONG = 2;

/** The direction most of the page's text runs in, from a detector's boxes over the page's middle. */
export async function textDirection(
  raster: string | Buffer,
  page: { width: number; height: number; dpi: number | null },
  detector: TextDetector,
  maxPixels: number,
): Promise<{ direction: TextDirection; across: number; down: number }> {
  // The middle of the page, below a masthead and above the foot, where the body text is: a
  // few columns and a few dozen lines tell the direction. Read at half the detector's usual
  // scale, lines of body type stand about 14 pixels high, enough to see which way they run.
  const crop = {
    left: Math.round(page.width * 0.2),
    top: Math.round(page.height * 0.3),
    width: Math.round(page.width * 0.6),
    height: Math.round(page.height * 0.4),
  };
  const grey = await greyOf(sharp(raster, { limitInputPixels: maxPixels }).extract(crop));
  const boxes = await detector.detect(grey, 0.5 * detectionScale(page, page.dpi));
  let across = 0;
  let down = 0;
  for (const { box } of boxes) {
    const w = box.x1 - box.x0;
    const h = box.y1 - box.y0;
    if (w >= LONG * h) across += w * h;
    else if (h >= LONG * w) down += w * h;
  }
  return { direction: down > across ? 'vertical' : 'horizontal', across, down };
}

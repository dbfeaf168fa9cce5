// Prepares a page (or a region of it) for recognition: greyscale, deskew, optional binarisation,
// and the mapping that takes boxes in the prepared image back to the page's master raster.

import sharp from 'sharp';
import { unionBoxes, type Box } from '../../shared/geometry.ts';
import type { Block } from '../../shared/model.ts';
import { estimateSkew } from './deskew.ts';

export interface PrepareOptions {
  deskew: boolean;
  binarise: boolean;
  /** Crop of the page to read, in master-raster pixels; the whole page when absent. */
  crop?: Box;
  maxPixels: number;
}

export interface PreparedImage {
  image: Buffer;
  /** Skew found and corrected, degrees clockwise. */
  skew: number;
  /** Maps a box in the prepared image back to the page's master raster. */
  toPage(box: Box): Box;
}

const SKEW_SAMPLE_WIDTH = 1000;
const MIN_SKEW = 0.15; // below this a rotation costs sharpness and gains nothing

export async function prepareForOcr(
  raster: string | Buffer,
  options: PrepareOptions,
): Promise<PreparedImage> {
  let base = sharp(raster, { limitInputPixels: options.maxPixels, failOn: 'truncated' }).greyscale();
  let offsetX = 0;
  let offsetY = 0;
  if (options.crop) {
    const c = options.crop;
    base = base.extract({
      left: Math.max(0, Math.round(c.x0)),
      top: Math.max(0, Math.round(c.y0)),
      width: Math.round(c.x1 - c.x0),
      height: Math.round(c.y1 - c.y0),
    });
    offsetX = Math.max(0, Math.round(c.x0));
    offsetY = Math.max(0, Math.round(c.y0));
  }
  const grey = await base.png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
  const { width, height } = grey.info;
  let skew = 0;
  if (options.deskew) {
    const sample = await sharp(grey.data)
      .greyscale()
      .resize({ width: Math.min(SKEW_SAMPLE_WIDTH, width) })
      .raw()
      .toBuffer({ resolveWithObject: true });
    skew = estimateSkew({ width: sample.info.width, height: sample.info.height, data: sample.data });
  }
  let pipeline = sharp(grey.data);
  const rotate = Math.abs(skew) >= MIN_SKEW;
  if (rotate) pipeline = pipeline.rotate(-skew, { background: '#ffffff' });
  if (options.binarise) pipeline = pipeline.threshold(160);
  const out = await pipeline.png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
  const rad = (skew * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = width / 2;
  const cy = height / 2;
  const cx2 = out.info.width / 2;
  const cy2 = out.info.height / 2;
  // The prepared image was rotated by -skew about its centre (and grown to fit); undo that.
  const back = (x: number, y: number): [number, number] => {
    if (!rotate) return [x + offsetX, y + offsetY];
    const dx = x - cx2;
    const dy = y - cy2;
    return [cx + dx * cos - dy * sin + offsetX, cy + dx * sin + dy * cos + offsetY];
  };
  return {
    image: out.data,
    skew: rotate ? skew : 0,
    toPage(box: Box): Box {
      const corners = [
        back(box.x0, box.y0),
        back(box.x1, box.y0),
        back(box.x1, box.y1),
        back(box.x0, box.y1),
      ];
      return unionBoxes(corners.map(([x, y]) => ({ x0: x, y0: y, x1: x, y1: y })));
    },
  };
}

/** Moves every box of recognised blocks into page coordinates. */
export function blocksToPage(blocks: Block[], toPage: (b: Box) => Box): Block[] {
  return blocks.map((block) => ({
    box: toPage(block.box),
    lines: block.lines.map((line) => ({
      ...line,
      box: toPage(line.box),
      words: line.words.map((w) => ({ ...w, box: toPage(w.box) })),
    })),
  }));
}

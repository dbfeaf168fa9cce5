// Prepares a page (or a region of it) for recognition: greyscale, deskew, optional binarisation,
// and the mapping that takes boxes in the prepared image back to the page's master raster.

import sharp, { type Sharp } from 'sharp';
import { unionBoxes, type Box } from '../../shared/geometry.ts';
import type { Block } from '../../shared/model.ts';
import { estimateSkew } from './deskew.ts';
import { BY_PRINT_SIZE, enlargementFor, lineInkHeight } from './print-size.ts';

export interface PrepareOptions {
  deskew: boolean;
  binarise: boolean;
  /** Crop of the page to read, in master-raster pixels; the whole page when absent. */
  crop?: Box;
  /** Areas (master-raster pixels) painted white before reading: parts read separately. */
  blank?: readonly Box[];
  maxPixels: number;
  /**
   * Enlarge this many times for the engine (small print, print-size.ts), or as many as the
   * image's print size asks (measured on the pixels decoded here); boxes map back.
   */
  enlarge?: number | typeof BY_PRINT_SIZE;
  /**
   * The page is set in vertical columns: its skew is measured along the columns (a page's rows
   * of characters set on a grid line up across its columns too, but less truly than a column).
   */
  columns?: boolean;
}

export interface PreparedImage {
  image: Buffer;
  width: number;
  height: number;
  /** Skew found and corrected, degrees clockwise. */
  skew: number;
  /** How many times the image was enlarged for the engine. */
  enlarge: number;
  /** Maps a box in the prepared image back to the page's master raster. */
  toPage(box: Box): Box;
}

const SKEW_SAMPLE_WIDTH = 1000;
const MIN_SKEW = 0.15; // below this a rotation costs sharpness and gains nothing

/**
 * 8-bit greyscale pixels as a binary PGM. Leptonica (inside tesseract) reads it without any
 * decompression, which saves a PNG encode and decode of up to 17 MP per page.
 */
export function toPgm(data: Uint8Array, width: number, height: number): Buffer {
  return Buffer.concat([
    Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii'),
    Buffer.from(data.buffer, data.byteOffset, width * height),
  ]);
}

/** Reads back a PGM written by toPgm (for tests and tools). */
export function fromPgm(pgm: Buffer): { width: number; height: number; data: Buffer } {
  const m = /^P5\n(\d+) (\d+)\n255\n/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!m) throw new Error('not a PGM written by toPgm');
  return { width: Number(m[1]), height: Number(m[2]), data: pgm.subarray(m[0].length) };
}

/** An image's pixels as 8-bit grey, one byte each. */
export async function greyPixels(image: Sharp): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await image
    .toColourspace('b-w')
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The image mirrored about its diagonal: columns become rows, and a turn changes its sense. */
function transposed(image: { data: Uint8Array; width: number; height: number }) {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[x * height + y] = data[y * width + x]!;
  return { data: out, width: height, height: width };
}

export async function prepareForOcr(
  raster: string | Buffer,
  options: PrepareOptions,
): Promise<PreparedImage> {
  let base = sharp(raster, { limitInputPixels: options.maxPixels, failOn: 'truncated' });
  let offsetX = 0;
  let offsetY = 0;
  if (options.crop) {
    const c = options.crop;
    offsetX = Math.max(0, Math.round(c.x0));
    offsetY = Math.max(0, Math.round(c.y0));
    base = base.extract({
      left: offsetX,
      top: offsetY,
      width: Math.round(c.x1 - c.x0),
      height: Math.round(c.y1 - c.y0),
    });
  }
  const grey = await greyPixels(base);
  const { width, height } = grey;
  for (const b of options.blank ?? []) paintWhite(grey, b, offsetX, offsetY);
  const raw = { raw: { width, height, channels: 1 as const } };
  let skew = 0;
  if (options.deskew) {
    const sample = await greyPixels(
      sharp(grey.data, raw).resize({ width: Math.min(SKEW_SAMPLE_WIDTH, width) }),
    );
    skew = options.columns ? -estimateSkew(transposed(sample)) : estimateSkew(sample);
  }
  const rotate = Math.abs(skew) >= MIN_SKEW;
  const enlarge =
    options.enlarge === BY_PRINT_SIZE
      ? enlargementFor(lineInkHeight(grey))
      : Math.max(1, options.enlarge ?? 1);
  let out = grey;
  if (rotate || options.binarise || enlarge > 1) {
    let pipeline = sharp(grey.data, raw);
    if (rotate) pipeline = pipeline.rotate(-skew, { background: '#ffffff' });
    // Enlarged before any threshold, so that edges are interpolated from the grey.
    if (enlarge > 1) {
      const turned = rotate ? await greyPixels(pipeline) : grey;
      pipeline = sharp(turned.data, {
        raw: { width: turned.width, height: turned.height, channels: 1 },
      }).resize({
        width: Math.round(turned.width * enlarge),
        height: Math.round(turned.height * enlarge),
        kernel: 'lanczos3',
      });
    }
    if (options.binarise) pipeline = pipeline.threshold(160);
    out = await greyPixels(pipeline);
  }
  const rad = (skew * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = width / 2;
  const cy = height / 2;
  const cx2 = out.width / enlarge / 2;
  const cy2 = out.height / enlarge / 2;
  // The prepared image was rotated by -skew about its centre (and grown to fit), then enlarged;
  // undo both.
  const back = (ex: number, ey: number): [number, number] => {
    const x = ex / enlarge;
    const y = ey / enlarge;
    if (!rotate) return [x + offsetX, y + offsetY];
    const dx = x - cx2;
    const dy = y - cy2;
    return [cx + dx * cos - dy * sin + offsetX, cy + dx * sin + dy * cos + offsetY];
  };
  return {
    image: toPgm(out.data, out.width, out.height),
    width: out.width,
    height: out.height,
    skew: rotate ? skew : 0,
    enlarge,
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

/**
 * A part of a prepared image (box in its pixels) with some areas painted white, ready to be
 * read on its own, and the mapping of its boxes back to the page.
 */
export function cropPrepared(
  prepared: PreparedImage,
  box: Box,
  blank: readonly Box[],
): { image: Buffer; toPage(box: Box): Box } {
  const { data, width, height } = fromPgm(prepared.image);
  const x0 = Math.max(0, Math.floor(box.x0));
  const y0 = Math.max(0, Math.floor(box.y0));
  const w = Math.max(1, Math.min(width, Math.ceil(box.x1)) - x0);
  const h = Math.max(1, Math.min(height, Math.ceil(box.y1)) - y0);
  const crop = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) data.copy(crop, y * w, (y0 + y) * width + x0, (y0 + y) * width + x0 + w);
  const grey = { data: crop, width: w, height: h };
  for (const b of blank) paintWhite(grey, b, x0, y0);
  return {
    image: toPgm(crop, w, h),
    toPage: (b: Box) => prepared.toPage({ x0: b.x0 + x0, y0: b.y0 + y0, x1: b.x1 + x0, y1: b.y1 + y0 }),
  };
}

function paintWhite(
  grey: { data: Buffer; width: number; height: number },
  box: Box,
  offsetX: number,
  offsetY: number,
): void {
  const x0 = Math.max(0, Math.floor(box.x0 - offsetX));
  const x1 = Math.min(grey.width, Math.ceil(box.x1 - offsetX));
  for (let y = Math.max(0, Math.floor(box.y0 - offsetY)); y < Math.min(grey.height, box.y1 - offsetY); y++)
    if (x1 > x0) grey.data.fill(255, y * grey.width + x0, y * grey.width + x1);
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

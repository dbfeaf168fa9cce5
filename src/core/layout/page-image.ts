// What the page image says about its layout, for every text source alike: how far the scan is
// skewed, its printed rules and its photos, all in upright page coordinates (the page turned
// by −skew about its centre, the frame the layout analysis works in). The one place in layout
// that reads pixels.

import sharp from 'sharp';
import type { Box } from '../../shared/geometry.ts';
import { estimateSkew } from '../ocr/deskew.ts';
import { findPhotos } from './photos.ts';
import { findRules, type InkGrid, type Rule } from './separators.ts';

export interface PageImageFeatures {
  /** Degrees, clockwise positive; 0 for a straight page. */
  skew: number;
  rules: Rule[];
  photos: Box[];
  /** The upright page's ink, text included: where the column gutters are. */
  ink: InkGrid;
}

// Below this a rule drifts less than half a body line across a page; the same threshold as
// the OCR preparation's, so both turn a page alike.
const MIN_SKEW = 0.15;
const SKEW_SAMPLE_WIDTH = 1000;

/** Maps page boxes into the upright frame and back (a box keeps its size, its centre turns). */
export function uprightFrame(width: number, height: number, skew: number) {
  const rad = (skew * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const cx = width / 2;
  const cy = height / 2;
  const turn = (box: Box, s: number, size: (w: number, h: number) => [number, number]): Box => {
    const mx = (box.x0 + box.x1) / 2 - cx;
    const my = (box.y0 + box.y1) / 2 - cy;
    const nx = cx + mx * cos + s * my * sin;
    const ny = cy - s * mx * sin + my * cos;
    const [w, h] = size(box.x1 - box.x0, box.y1 - box.y0);
    return { x0: nx - w / 2, y0: ny - h / 2, x1: nx + w / 2, y1: ny + h / 2 };
  };
  const c = Math.abs(cos);
  const sn = Math.abs(sin);
  // A line read on the deskewed page comes back as the page-axis box around its turned box,
  // wider and taller by the turn (a 750-pixel headline at 1.3° gains 17 pixels of height):
  // upright, it has its own size again. (w = w'·cos + h'·sin, h = w'·sin + h'·cos.)
  const ownSize = (w: number, h: number): [number, number] => {
    const d = c * c - sn * sn;
    if (sn === 0 || d <= 0) return [w, h];
    return [Math.max(0.5 * w, (w * c - h * sn) / d), Math.max(0.5 * h, (h * c - w * sn) / d)];
  };
  const turnedSize = (w: number, h: number): [number, number] => [w * c + h * sn, w * sn + h * c];
  return {
    toUpright: (box: Box) => turn(box, 1, ownSize),
    toPage: (box: Box) => turn(box, -1, turnedSize),
  };
}

/**
 * Reads the page image: skew, then ink on the upright page in cells of about 1/100 inch
 * (a 1-pixel rule at 300 dpi still marks its cell), text lines blanked, then rules and photos.
 * `lines` are the text lines' boxes in page coordinates; `bodyHeight` a body line's height.
 */
export async function readPageImage(
  raster: string | Buffer,
  lines: readonly Box[],
  bodyHeight: number,
  dpi: number | null,
  maxPixels: number,
  /** The skew already measured for this page (by the OCR preparation), so both agree. */
  knownSkew?: number,
): Promise<PageImageFeatures> {
  const image = sharp(raster, { limitInputPixels: maxPixels }).greyscale();
  const meta = await image.metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const { data: sample, info: sampleInfo } = await sharp(raster, { limitInputPixels: maxPixels })
    .greyscale()
    .resize({ width: Math.min(SKEW_SAMPLE_WIDTH, width) })
    .toColourspace('b-w')
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const measured =
    knownSkew ?? estimateSkew({ width: sampleInfo.width, height: sampleInfo.height, data: sample });
  const skew = Math.abs(measured) >= MIN_SKEW ? measured : 0;
  let pipeline = sharp(raster, { limitInputPixels: maxPixels }).greyscale();
  if (skew !== 0) {
    const turned = await pipeline
      .rotate(-skew, { background: '#ffffff' })
      .toColourspace('b-w')
      .png({ compressionLevel: 0 })
      .toBuffer({ resolveWithObject: true });
    pipeline = sharp(turned.data).extract({
      left: Math.floor((turned.info.width - width) / 2),
      top: Math.floor((turned.info.height - height) / 2),
      width,
      height,
    });
  }
  const { data } = await pipeline
    .toColourspace('b-w')
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const paper = paperLevel(data);
  const cell = Math.max(1, Math.round((dpi ?? 300) / 100));
  const gw = Math.ceil(width / cell);
  const gh = Math.ceil(height / cell);
  const ink = new Uint8Array(gw * gh);
  // Ink: clearly darker than the paper (yellowed or shadowed paper stays paper).
  const threshold = paper - Math.max(40, paper * 0.3);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const grow = Math.floor(y / cell) * gw;
    for (let x = 0; x < width; x++) if (data[row + x]! < threshold) ink[grow + Math.floor(x / cell)] = 1;
  }
  const frame = uprightFrame(width, height, skew);
  const grid: InkGrid = { width: gw, height: gh, ink, cell };
  const textOnly = lines.map(frame.toUpright);
  // Photos first, with all text blanked (a little around each line, for descenders and
  // accents); then rules, with the photos blanked too (a photo is full of long dark runs).
  const pad = 0.3 * bodyHeight;
  const blanked = blank(grid, textOnly, pad);
  const photos = findPhotos(blanked, bodyHeight);
  // Line boxes are blanked without the pad here: a rule may pass close under a line; photos
  // only to their edge, for a rule may run close beside one.
  const forRules = blank(blank(grid, textOnly, -0.1 * bodyHeight), photos, cell);
  const rules = findRules(forRules, bodyHeight, textOnly).filter(
    (r) => !alongPhotoEdge(r, photos, bodyHeight),
  );
  return { skew, rules, photos, ink: grid };
}

/** A photo's soft or framed edge is a long thin dark run too, but no rule. */
function alongPhotoEdge(rule: Rule, photos: readonly Box[], bodyHeight: number): boolean {
  const near = 0.4 * bodyHeight;
  return photos.some((p) => {
    const [e0, e1, s0, s1] = rule.axis === 'h' ? [p.y0, p.y1, p.x0, p.x1] : [p.x0, p.x1, p.y0, p.y1];
    const onEdge = Math.abs(rule.at - e0) < near || Math.abs(rule.at - e1) < near;
    const within = rule.from >= s0 - near && rule.to <= s1 + near;
    return onEdge && within;
  });
}

function paperLevel(data: Uint8Array): number {
  const counts = new Uint32Array(256);
  for (const v of data) counts[v]!++;
  // The bright end of the page: ink lies well below it, even on yellowed scans.
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += counts[v]!;
    if (seen >= data.length * 0.9) return v;
  }
  return 255;
}

function blank(grid: InkGrid, boxes: readonly Box[], pad: number): InkGrid {
  const ink = Uint8Array.from(grid.ink);
  for (const b of boxes) {
    const y0 = Math.max(0, Math.floor((b.y0 - pad) / grid.cell));
    const y1 = Math.min(grid.height, Math.ceil((b.y1 + pad) / grid.cell));
    const x0 = Math.max(0, Math.floor((b.x0 - pad) / grid.cell));
    const x1 = Math.min(grid.width, Math.ceil((b.x1 + pad) / grid.cell));
    for (let y = y0; y < y1; y++) if (x1 > x0) ink.fill(0, y * grid.width + x0, y * grid.width + x1);
  }
  return { ...grid, ink };
}

// What the page image says about its layout, for every text source alike: how far the scan is
// skewed, its printed rules and its photos, all in upright page coordinates (the page turned
// by −skew about its centre, the frame the layout analysis works in). The one place in layout
// that reads pixels.

import sharp from 'sharp';
import type { Box } from '../../shared/geometry.ts';
import { estimateSkew, type GreyImage } from '../ocr/deskew.ts';
import { greyPixels } from '../ocr/preprocess.ts';
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

/** The page's ink, read once from its image, for every layout of the page (the image alone). */
export interface PageInk {
  /** Degrees, clockwise positive; 0 for a straight page. */
  skew: number;
  /** The upright page's ink, text included. */
  grid: InkGrid;
}

/** A page image as a file, its bytes, or its ink already read. */
export type PageImage = string | Buffer | PageInk;

export const isPageInk = (image: PageImage): image is PageInk =>
  typeof image === 'object' && !Buffer.isBuffer(image);

/**
 * Reads the page's ink: skew (unless measured already), then ink on the upright page in cells of
 * about 1/100 inch (a 1-pixel rule at 300 dpi still marks its cell).
 */
export async function readPageInk(
  raster: string | Buffer,
  dpi: number | null,
  maxPixels: number,
  /** The skew already measured for this page (by the OCR preparation), so both agree. */
  knownSkew?: number,
): Promise<PageInk> {
  const open = () => sharp(raster, { limitInputPixels: maxPixels }).greyscale();
  const meta = await open().metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const measured =
    knownSkew ?? estimateSkew(await greyPixels(open().resize({ width: Math.min(SKEW_SAMPLE_WIDTH, width) })));
  const skew = Math.abs(measured) >= MIN_SKEW ? measured : 0;
  const upright = await greyPixels(skew !== 0 ? open().rotate(-skew, { background: '#ffffff' }) : open());
  return inkOfUpright(upright, width, height, dpi, skew);
}

/**
 * The ink of a page of `width`×`height` from its grey pixels turned upright by −skew about its
 * centre (and grown to fit the turn, as the OCR preparation turns it): the page is their centre.
 */
export function inkOfUpright(
  upright: GreyImage,
  width: number,
  height: number,
  dpi: number | null,
  skew: number,
): PageInk {
  const left = Math.floor((upright.width - width) / 2);
  const top = Math.floor((upright.height - height) / 2);
  const paper = paperLevel(upright, left, top, width, height);
  const cell = Math.max(1, Math.round((dpi ?? 300) / 100));
  const gw = Math.ceil(width / cell);
  const gh = Math.ceil(height / cell);
  const ink = new Uint8Array(gw * gh);
  // Ink: clearly darker than the paper (yellowed or shadowed paper stays paper).
  const threshold = paper - Math.max(40, paper * 0.3);
  const data = upright.data;
  for (let y = 0; y < height; y++) {
    const row = (y + top) * upright.width + left;
    const grow = Math.floor(y / cell) * gw;
    for (let x = 0; x < width; x++) if (data[row + x]! < threshold) ink[grow + Math.floor(x / cell)] = 1;
  }
  return { skew, grid: { width: gw, height: gh, ink, cell } };
}

/**
 * The page image's features: its ink with the text lines blanked, then rules and photos.
 * `lines` are the text lines' boxes in page coordinates; `bodyHeight` a body line's height.
 */
export function pageImageFeatures(
  page: PageInk,
  size: { width: number; height: number },
  lines: readonly Box[],
  bodyHeight: number,
): PageImageFeatures {
  const { skew, grid } = page;
  const cell = grid.cell;
  const frame = uprightFrame(size.width, size.height, skew);
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

/** The page's paper: of the pixels in the page's own rectangle of the upright image. */
function paperLevel(upright: GreyImage, left: number, top: number, width: number, height: number): number {
  const counts = new Uint32Array(256);
  for (let y = 0; y < height; y++) {
    const row = (y + top) * upright.width + left;
    for (let x = 0; x < width; x++) counts[upright.data[row + x]!]!++;
  }
  // The bright end of the page: ink lies well below it, even on yellowed scans.
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += counts[v]!;
    if (seen >= width * height * 0.9) return v;
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

// Text detection with the PP-OCRv4 DB model: the page (scaled so that body text is about the
// size the model was trained on) is read in tiles, so memory stays bounded on a broadsheet; the
// probability map is thresholded, its connected components become text boxes, scored by their
// mean probability, and grown back by DB's unclip ratio (the model predicts shrunken text).

import * as ort from 'onnxruntime-node';
import type { Box } from '../../../shared/geometry.ts';
import { resizeGrey, type GreyImage } from './grey-image.ts';
import { timed, timedSync, type StageTimes } from '../stage-times.ts';
import { ppOcrSessionOptions } from './session-options.ts';

export interface DetectedBox {
  box: Box; // page pixels
  score: number;
}

/**
 * Tiles in model pixels (multiples of 32): as wide as a page usually is at detection scale, so no
 * line is cut by a vertical seam (a seam through a line makes two half lines), and short, so
 * memory stays bounded: the session's arena keeps the largest tile's activations (about 290 MB
 * at 2560×640, 540 MB at 2560×960; session-options.ts). A line up to OVERLAP high that crosses
 * a horizontal seam lies whole in one of the two tiles. The overlap read twice costs 640/544
 * of the page's pixels, against 960/864 with taller tiles: measured, the same time a page.
 */
export const TILE_WIDTH = 2560;
export const TILE_HEIGHT = 640;
export const OVERLAP = 96;
/**
 * Turned tiles (a page of vertical columns) stay 960 wide. Measured when the tiles across became
 * 640 high: turned the same way, 640 wide, they cut more of such a page at the seams between
 * tiles side by side, and the vertical pages read out of order (bench/vertical.ts, held-out
 * pages 101 and 104: ordered CER 5.9 and 6.9 % at 960, 9.3 and 16.0 % at 640;
 * test/core/vertical-held-out.samples.test.ts reads it). The arena keeps about 540 MB for such a
 * tile, in the vertical reader's own detector only.
 */
export const VERTICAL_TILE_WIDTH = 960;
const THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.55;
const UNCLIP = 1.6;
// DB's normalisation (ImageNet mean and deviation), on the grey value in every channel.
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

interface Component {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  sum: number;
  count: number;
}

/** Connected components (4-neighbour) of map > THRESHOLD. */
function components(map: Float32Array, width: number, height: number): Component[] {
  const seen = new Uint8Array(width * height);
  const out: Component[] = [];
  const stack: number[] = [];
  for (let start = 0; start < map.length; start++) {
    if (seen[start] || map[start]! <= THRESHOLD) continue;
    const c: Component = { x0: width, y0: height, x1: 0, y1: 0, sum: 0, count: 0 };
    seen[start] = 1;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      c.x0 = Math.min(c.x0, x);
      c.x1 = Math.max(c.x1, x + 1);
      c.y0 = Math.min(c.y0, y);
      c.y1 = Math.max(c.y1, y + 1);
      c.sum += map[i]!;
      c.count++;
      const next = [
        x > 0 ? i - 1 : -1,
        x < width - 1 ? i + 1 : -1,
        y > 0 ? i - width : -1,
        y < height - 1 ? i + width : -1,
      ];
      for (const j of next)
        if (j >= 0 && !seen[j] && map[j]! > THRESHOLD) {
          seen[j] = 1;
          stack.push(j);
        }
    }
    out.push(c);
  }
  return out;
}

/**
 * The pieces of each column (or line) joined: DB parts a column where a punctuation mark leaves
 * its cell nearly white (two marks in a row leave a gap of an em and more), a headline set across
 * where its halves stand apart, and two turned tiles each see a column in their overlap. Pieces
 * that share most of their breadth and stand less than a line's breadth apart along it are one,
 * unless `apart` says something drawn lies between them (the rule between two tiers: joined, the
 * columns of two tiers that do not stand in line would make one too broad). `along`: which way
 * the pieces' lines run.
 */
export function joinPieces(
  found: readonly DetectedBox[],
  along: 'down' | 'across',
  apart: (upper: Box, lower: Box) => boolean = () => false,
): DetectedBox[] {
  // Lines across are joined as columns are, in the page mirrored about its diagonal.
  const flip = (b: Box): Box => (along === 'down' ? b : { x0: b.y0, y0: b.x0, x1: b.y1, y1: b.x1 });
  const out: DetectedBox[] = [];
  const sorted = found.map((d) => ({ ...d, box: flip(d.box) })).sort((a, b) => a.box.y0 - b.box.y0);
  for (const piece of sorted) {
    const b = piece.box;
    const column = out.find((o) => {
      const shared = Math.min(o.box.x1, b.x1) - Math.max(o.box.x0, b.x0);
      const narrower = Math.min(o.box.x1 - o.box.x0, b.x1 - b.x0);
      const wider = Math.max(o.box.x1 - o.box.x0, b.x1 - b.x0);
      // Joined, they stay one column wide: a speck between two columns joins neither.
      const joined = Math.max(o.box.x1, b.x1) - Math.min(o.box.x0, b.x0);
      return (
        shared >= 0.5 * narrower &&
        joined <= 1.25 * wider &&
        b.y0 <= o.box.y1 + narrower &&
        b.y1 >= o.box.y0 - narrower &&
        !apart(flip(o.box), flip(b))
      );
    });
    if (!column) {
      out.push({ ...piece, box: { ...b } });
      continue;
    }
    const c = column.box;
    const before = (c.y1 - c.y0) * (c.x1 - c.x0);
    const area = (b.y1 - b.y0) * (b.x1 - b.x0);
    column.score = (column.score * before + piece.score * area) / (before + area);
    column.box = {
      x0: Math.min(c.x0, b.x0),
      y0: Math.min(c.y0, b.y0),
      x1: Math.max(c.x1, b.x1),
      y1: Math.max(c.y1, b.y1),
    };
  }
  return out.map((d) => ({ ...d, box: flip(d.box) }));
}

export class TextDetector {
  private readonly session: ort.InferenceSession;
  private constructor(session: ort.InferenceSession) {
    this.session = session;
  }

  static async create(modelPath: string, threads: number): Promise<TextDetector> {
    const session = await ort.InferenceSession.create(modelPath, ppOcrSessionOptions(threads));
    return new TextDetector(session);
  }

  /**
   * Text boxes of the image, read at `scale` (model pixels per page pixel). Lines that run down
   * the page (vertical columns) are read in tiles turned the same way, tall and narrow, so that
   * no column is cut by a seam across it.
   */
  async detect(
    image: GreyImage,
    scale: number,
    onTile?: (done: number, total: number) => void,
    times?: StageTimes,
    direction: 'horizontal' | 'vertical' = 'horizontal',
  ): Promise<DetectedBox[]> {
    const width = Math.max(32, Math.round(image.width * scale));
    const height = Math.max(32, Math.round(image.height * scale));
    const [tileWidth, tileHeight] =
      direction === 'vertical' ? [VERTICAL_TILE_WIDTH, TILE_WIDTH] : [TILE_WIDTH, TILE_HEIGHT];
    const tiles: { x: number; y: number; w: number; h: number }[] = [];
    for (let y = 0; y < height; y += tileHeight - OVERLAP) {
      for (let x = 0; x < width; x += tileWidth - OVERLAP) {
        tiles.push({ x, y, w: Math.min(tileWidth, width - x), h: Math.min(tileHeight, height - y) });
        if (x + tileWidth >= width) break;
      }
      if (y + tileHeight >= height) break;
    }
    const found: DetectedBox[] = [];
    for (const [n, t] of tiles.entries()) {
      const w = Math.ceil(t.w / 32) * 32;
      const h = Math.ceil(t.h / 32) * 32;
      const input = timedSync(times, 'detection input', () => {
        const grey = resizeGrey(
          image,
          { x: t.x / scale, y: t.y / scale, width: t.w / scale, height: t.h / scale },
          t.w,
          t.h,
        );
        const planes = new Float32Array(3 * w * h);
        for (let c = 0; c < 3; c++) {
          const plane = c * w * h;
          // Padding is white paper, as around the page.
          planes.fill((1 - MEAN[c]!) / STD[c]!, plane, plane + w * h);
          for (let y = 0; y < t.h; y++)
            for (let x = 0; x < t.w; x++)
              planes[plane + y * w + x] = (grey[y * t.w + x]! / 255 - MEAN[c]!) / STD[c]!;
        }
        return planes;
      });
      const output = await timed(times, 'detection inference', () =>
        this.session.run({
          [this.session.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, h, w]),
        }),
      );
      const map = output[this.session.outputNames[0]!]!.data as Float32Array;
      const started = performance.now();
      for (const c of components(map, w, h)) {
        const score = c.sum / c.count;
        const bw = c.x1 - c.x0;
        const bh = c.y1 - c.y0;
        if (score < BOX_THRESHOLD || bw < 3 || bh < 3) continue;
        // Keep a box in the tile whose core holds its centre, so overlaps count once.
        const cx = t.x + (c.x0 + c.x1) / 2;
        const cy = t.y + (c.y0 + c.y1) / 2;
        const inCore =
          (t.x === 0 || cx >= t.x + OVERLAP / 2) &&
          (t.x + t.w >= width || cx < t.x + t.w - OVERLAP / 2) &&
          (t.y === 0 || cy >= t.y + OVERLAP / 2) &&
          (t.y + t.h >= height || cy < t.y + t.h - OVERLAP / 2);
        // Turned tiles share their seams with the columns' length: a column in the overlap is
        // seen whole in one tile and in part in the other, and the caller joins the parts
        // (joinPieces).
        if (!inCore && direction === 'horizontal') continue;
        const d = (UNCLIP * bw * bh) / (2 * (bw + bh));
        found.push({
          score,
          box: {
            x0: Math.max(0, Math.floor((t.x + c.x0 - d) / scale)),
            y0: Math.max(0, Math.floor((t.y + c.y0 - d) / scale)),
            x1: Math.min(image.width, Math.ceil((t.x + c.x1 + d) / scale)),
            y1: Math.min(image.height, Math.ceil((t.y + c.y1 + d) / scale)),
          },
        });
      }
      times?.add('detection boxes', performance.now() - started);
      onTile?.(n + 1, tiles.length);
    }
    // Turned tiles' pieces are joined by the caller (vertical-reading.ts), once it has taken
    // out what lines set across hold.
    return found;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

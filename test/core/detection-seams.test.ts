// PP-OCR's text detection reads a page in tiles (detect.ts). A line that crosses a seam between
// two tiles, no taller than the overlap, must come back as one line, seen whole, not as two
// halves (half a line is read as nonsense) and not twice. Three headlines are set across the
// first seam: over the next tile's top edge, over the middle of the overlap, over the first
// tile's bottom edge. Where their ink is is measured from the image itself.

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { OVERLAP, TextDetector, TILE_HEIGHT } from '../../src/core/ocr/ppocr/detect.ts';
import { greyOf } from '../../src/core/ocr/ppocr/grey-image.ts';
import { ppOcrModels } from '../../src/core/ocr/ppocr/models.ts';

const WIDTH = 2400; // under a tile's width: no seam runs down the page
const HEIGHT = 1400;
const SECOND_TILE = TILE_HEIGHT - OVERLAP;
// Each headline's ink centred on a place where a seam or a core boundary cuts it.
const HEADLINES = [
  { x0: 40, x1: 760, centre: SECOND_TILE }, // the second tile's top edge
  { x0: 820, x1: 1540, centre: SECOND_TILE + OVERLAP / 2 }, // where the cores meet
  { x0: 1600, x1: 2360, centre: TILE_HEIGHT }, // the first tile's bottom edge
];
const FONT = 90; // capitals about 65 px high: under the overlap

function page(): Buffer {
  const texts = HEADLINES.map(
    (h) =>
      `<text x="${h.x0}" y="${h.centre + 0.36 * FONT}" font-family="DejaVu Sans, sans-serif" font-size="${FONT}" font-weight="bold">HEADS UP</text>`,
  ).join('');
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><rect width="100%" height="100%" fill="white"/>${texts}</svg>`,
  );
}

describe('text detection across tile seams', () => {
  it('finds each headline that crosses a seam whole, and once', async () => {
    const grey = await greyOf(sharp(page()));
    const detector = await TextDetector.create(ppOcrModels().detection, 1);
    try {
      const found = await detector.detect(grey, 1);
      for (const h of HEADLINES) {
        // The headline's ink rows, from the pixels.
        const rows: number[] = [];
        for (let y = 0; y < grey.height; y++)
          for (let x = h.x0; x < h.x1; x++)
            if (grey.data[y * grey.width + x]! < 128) {
              rows.push(y);
              break;
            }
        const top = rows[0]!;
        const bottom = rows.at(-1)!;
        // The seam or boundary it was set on runs through its ink.
        expect(top).toBeLessThan(h.centre);
        expect(bottom).toBeGreaterThan(h.centre);
        expect(bottom - top).toBeLessThan(OVERLAP);
        // DB may part a headline at its word spaces, and marks specks; every piece of a line
        // (taller than a speck) must be the line's whole height, and none found twice.
        const pieces = found
          .map(({ box }) => box)
          .filter((b) => b.x1 > h.x0 && b.x0 < h.x1 && b.y1 - b.y0 >= 0.4 * (bottom - top));
        expect(pieces.length).toBeGreaterThan(0);
        // DB's boxes fit the ink to a few pixels; half a line would miss it by half its height.
        const slack = 0.15 * (bottom - top);
        for (const b of pieces) {
          expect(b.y0).toBeLessThanOrEqual(top + slack);
          expect(b.y1).toBeGreaterThanOrEqual(bottom - slack);
        }
        const byX = pieces.sort((a, b) => a.x0 - b.x0);
        for (const [k, b] of byX.slice(1).entries()) expect(b.x0).toBeGreaterThanOrEqual(byX[k]!.x1 - 10);
        // Together they hold the headline's ink from end to end.
        expect(byX[0]!.x0).toBeLessThanOrEqual(h.x0 + 20);
        expect(byX.at(-1)!.x1).toBeGreaterThan(h.x0 + 0.6 * (h.x1 - h.x0));
      }
    } finally {
      await detector.release();
    }
  }, 60_000);
});

// Where `auto` reads a page to find its script: where the page has text lines, not on a photo
// (ink throughout) or in blank margins, and never cutting a line through.

import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { probeStrips } from '../../src/core/ocr/detect-page-script.ts';
import { tempDir } from '../fixtures/temp.ts';

const WIDTH = 2100;
const HEIGHT = 3000;
const PHOTO = { y0: 300, y1: 1500 };
const TEXT_TOP = 1800;
const PITCH = 60;
const LINES = 14;

async function pageWithPhoto(): Promise<string> {
  const lines = Array.from(
    { length: LINES },
    (_, i) =>
      `<text x="80" y="${TEXT_TOP + (i + 1) * PITCH}" font-family="DejaVu Serif" font-size="38">Members of the harbour board agreed to ask the town ${i}</text>`,
  ).join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><rect width="100%" height="100%" fill="white"/>` +
    `<rect x="80" y="${PHOTO.y0}" width="1900" height="${PHOTO.y1 - PHOTO.y0}" fill="#333"/>${lines}</svg>`;
  const file = path.join(tempDir(), 'page.png');
  await sharp(Buffer.from(svg), { density: 72 }).greyscale().png().toFile(file);
  return file;
}

describe('probe strips', () => {
  it('lie on the text, not on the photo, and begin and end between lines', async () => {
    const file = await pageWithPhoto();
    const strips = await probeStrips(file, { width: WIDTH, height: HEIGHT }, 1e8);
    expect(strips.length).toBeGreaterThan(0);
    const { data, info } = await sharp(file).greyscale().raw().toBuffer({ resolveWithObject: true });
    const inkInRow = (y: number) => {
      let dark = 0;
      for (let x = 0; x < info.width; x++) if (data[y * info.width + x]! < 128) dark++;
      return dark;
    };
    for (const strip of strips) {
      expect(strip.y0).toBeGreaterThanOrEqual(PHOTO.y1);
      expect(strip.y1).toBeLessThanOrEqual(TEXT_TOP + (LINES + 1) * PITCH + PITCH);
      expect(strip.x1 - strip.x0).toBe(WIDTH);
      // Nearly blank (the ink profile is measured at half the page's rows): a row through a line
      // of this text has hundreds of dark pixels.
      expect(inkInRow(Math.min(strip.y0, HEIGHT - 1))).toBeLessThan(WIDTH * 0.02);
      expect(inkInRow(Math.min(strip.y1, HEIGHT - 1))).toBeLessThan(WIDTH * 0.02);
    }
    // Two strips, apart.
    if (strips.length === 2)
      expect(strips[1]!.y0 >= strips[0]!.y1 || strips[0]!.y0 >= strips[1]!.y1).toBe(true);
  });
});

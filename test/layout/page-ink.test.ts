// The page's ink is read once for both layouts of a column re-read, from the pixels the OCR
// prepared (the page's grey turned upright): it must be the ink a read of the scan gives, cell
// for cell, on a skewed scan too, where the prepared image has grown to fit its turn.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { inkOfUpright, pageImageFeatures, readPageInk } from '../../src/core/layout/page-image.ts';
import { fromPgm, prepareForOcr } from '../../src/core/ocr/preprocess.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'page-ink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WIDTH = 1800;
const HEIGHT = 2400;
const BODY = 36;

/** A page at 300 dpi: a rule across under a headline, two columns of text bars, a gutter rule. */
async function scan(name: string, turn: number): Promise<string> {
  const bars: string[] = [];
  for (const x of [100, 950])
    for (let y = 500; y < 2200; y += 50) bars.push(`<rect x="${x}" y="${y}" width="750" height="26"/>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    <rect width="100%" height="100%" fill="#f2eee4"/>
    <g fill="#1a1a1a">
      <rect x="100" y="150" width="1600" height="110"/>
      <rect x="100" y="400" width="1600" height="5"/>
      <rect x="898" y="480" width="4" height="1750"/>
      ${bars.join('')}
    </g></svg>`;
  let image = sharp(Buffer.from(svg)).flatten({ background: '#ffffff' });
  if (turn !== 0) {
    // Turned and cut back to the page's size, as a scanner gives a page laid askew.
    const turned = await image
      .rotate(turn, { background: '#f2eee4' })
      .png()
      .toBuffer({ resolveWithObject: true });
    image = sharp(turned.data).extract({
      left: Math.floor((turned.info.width - WIDTH) / 2),
      top: Math.floor((turned.info.height - HEIGHT) / 2),
      width: WIDTH,
      height: HEIGHT,
    });
  }
  const file = path.join(dir, `${name}.png`);
  await image.png().toFile(file);
  return file;
}

describe('the page ink', () => {
  for (const turn of [0, 1.2])
    it(`read from the OCR's prepared pixels is the ink read from the scan (turned ${turn}°)`, async () => {
      const file = await scan(`turn-${turn}`, turn);
      const prepared = await prepareForOcr(file, { deskew: true, binarise: false, maxPixels: 1e8 });
      if (turn !== 0) expect(prepared.width).toBeGreaterThan(WIDTH);
      const fromPrepared = inkOfUpright(fromPgm(prepared.image), WIDTH, HEIGHT, 300, prepared.skew);
      const fromScan = await readPageInk(file, 300, 1e8, prepared.skew);
      expect(fromPrepared.skew).toBe(fromScan.skew);
      expect(fromPrepared.grid.width).toBe(fromScan.grid.width);
      expect(fromPrepared.grid.height).toBe(fromScan.grid.height);
      const differing = fromPrepared.grid.ink.filter((v, i) => v !== fromScan.grid.ink[i]).length;
      expect(differing).toBe(0);
      // And it is the page's ink: upright, the rule under the headline is one rule across the
      // page, and the rule in the gutter one rule down it, each where it was drawn.
      const features = pageImageFeatures(fromPrepared, { width: WIDTH, height: HEIGHT }, [], BODY);
      const across = features.rules.filter((r) => r.axis === 'h' && r.to - r.from > 1400);
      expect(across.map((r) => Math.round(r.at / 10))).toEqual([40]);
      const down = features.rules.filter((r) => r.axis === 'v' && r.to - r.from > 1500);
      expect(down.map((r) => Math.round(r.at / 10))).toEqual([90]);
    });

  it('measures the skew itself when none is known', async () => {
    const file = await scan('measure', 1.2);
    const ink = await readPageInk(file, 300, 1e8);
    expect(Math.abs(Math.abs(ink.skew) - 1.2)).toBeLessThan(0.2);
  });
});

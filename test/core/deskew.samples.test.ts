import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { estimateSkew } from '../../src/core/ocr/deskew.ts';
import { fromPgm, prepareForOcr } from '../../src/core/ocr/preprocess.ts';
import { SAMPLES, samplePage } from '../fixtures/samples.ts';

const manifest = JSON.parse(readFileSync(`${SAMPLES}/pages/manifest.json`, 'utf8')) as {
  pages: { degraded_angle_deg: number }[];
};

async function sample(file: string) {
  const s = await sharp(file).greyscale().resize({ width: 1000 }).raw().toBuffer({ resolveWithObject: true });
  return { width: s.info.width, height: s.info.height, data: s.data };
}

describe('deskew', () => {
  it.each([1, 2, 3])('finds the skew of degraded sample page %i within 0.2°', async (n) => {
    const angle = estimateSkew(await sample(samplePage(n, 'scan_degraded.png')));
    expect(Math.abs(angle - manifest.pages[n - 1]!.degraded_angle_deg)).toBeLessThan(0.2);
  });

  it('finds no skew on a straight page', async () => {
    expect(Math.abs(estimateSkew(await sample(samplePage(2, 'scan_300dpi.png'))))).toBeLessThan(0.15);
  });

  it('finds nothing on a blank page', () => {
    expect(estimateSkew({ width: 100, height: 100, data: new Uint8Array(100 * 100).fill(240) })).toBe(0);
  });

  it('maps boxes of the straightened image back onto the original page', async () => {
    const n = 1;
    const prepared = await prepareForOcr(samplePage(n, 'scan_degraded.png'), {
      deskew: true,
      binarise: false,
      maxPixels: 250e6,
    });
    expect(prepared.skew).toBeCloseTo(manifest.pages[n - 1]!.degraded_angle_deg, 0);
    // The centre of the straightened image is the centre of the page, and a box keeps its size.
    const meta = fromPgm(prepared.image);
    const centre = prepared.toPage({
      x0: meta.width / 2,
      y0: meta.height / 2,
      x1: meta.width / 2,
      y1: meta.height / 2,
    });
    expect(centre.x0).toBeCloseTo(2333 / 2, 0);
    expect(centre.y0).toBeCloseTo(3300 / 2, 0);
  });
});

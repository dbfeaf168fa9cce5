// Small print: a page scanned at 72 dpi (a column of body type about nine pixels tall) is read
// enlarged, by how large its print measures in the ink, not by what the file claims; the words
// come back in the scan's own pixels, on the printed lines.

import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadPageBlocks } from '../../src/core/archive/page-text.ts';
import { pageToPlainText } from '../../src/core/export/page-text-export.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { OcrRunner } from '../../src/core/jobs/ocr-runner.ts';
import { engineFactory } from '../../src/core/ocr/engines.ts';
import { enlargementFor, lineInkHeight, pageEnlargement } from '../../src/core/ocr/print-size.ts';
import { queueOcr } from '../../src/core/ocr/queue-ocr.ts';
import { bagOfWordsF1 } from '../../src/shared/text/error-rate.ts';
import { FONT_SIZE, LINE_PITCH, writeTextScan } from '../fixtures/text-scan.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

const LINES = [
  'The harbour board met on Tuesday to discuss the new',
  'quay and the cost of dredging the channel. Members',
  'agreed to ask the town for a loan, and the mayor said',
  'that it was time to act before the winter storms came.',
  'Rain fell over the valley all week and the river rose',
  'above the old bridge near the mill on Friday night.',
];
/** 300-dpi type brought down to 72 dpi. */
const SCALE = 72 / 300;

async function pages(): Promise<{ large: string; small: string }> {
  const dir = tempDir();
  const large = await writeTextScan(path.join(dir, 'large.png'), [{ x: 60, y: 60, lines: LINES }], 2100, 600);
  const small = path.join(dir, 'small.png');
  // The file claims 300 dpi, as rescanned microfilm often does: only the ink tells.
  await sharp(large)
    .resize({ width: Math.round(2100 * SCALE) })
    .withMetadata({ density: 300 })
    .png()
    .toFile(small);
  return { large, small };
}

const grey = async (file: string) => {
  const { data, info } = await sharp(file).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
};

describe('small print', () => {
  it('measures the height of a line of ink, and enlarges only small print', async () => {
    const { large, small } = await pages();
    const big = lineInkHeight(await grey(large))!;
    const little = lineInkHeight(await grey(small))!;
    // A slice of a line is its x-height to its whole body: about half the type size and up.
    expect(big).toBeGreaterThan(FONT_SIZE * 0.4);
    expect(big).toBeLessThan(FONT_SIZE * 1.3);
    expect(little / big).toBeGreaterThan(SCALE * 0.7);
    expect(little / big).toBeLessThan(SCALE * 1.4);
    expect(await pageEnlargement(large, 1e8)).toBe(1);
    expect(await pageEnlargement(small, 1e8)).toBeGreaterThanOrEqual(2);
    expect(enlargementFor(null)).toBe(1);
    expect(enlargementFor(2)).toBe(3); // never more than three times
  });

  it('reads a 72-dpi page enlarged, with its words in the scan’s own pixels, on their lines', async () => {
    const { small } = await pages();
    const archive = tempArchive();
    const { files } = await importScans(archive, [small]);
    const pageId = files[0]!.pageIds[0]!;
    queueOcr(archive, { scope: { all: true }, languages: 'eng' });
    const errors: string[] = [];
    const run = await new OcrRunner(archive, (name) => engineFactory(archive, name), {
      workers: 1,
      onJob: (e) => e.error && errors.push(e.error),
    }).run();
    expect(errors).toEqual([]);
    expect(run.done).toBe(1);
    const blocks = loadPageBlocks(archive.db, pageId);
    expect(bagOfWordsF1(pageToPlainText(blocks), LINES.join(' ')).f1).toBeGreaterThan(0.95);
    const lines = blocks.flatMap((b) => b.lines);
    expect(lines).toHaveLength(LINES.length);
    lines.forEach((line, i) => {
      // writeTextScan sets line i's baseline at y = 60 + (i + 1) × pitch, in the large page's pixels.
      const baseline = (60 + (i + 1) * LINE_PITCH) * SCALE;
      for (const word of line.words) {
        expect(word.box.y1).toBeGreaterThan(baseline - FONT_SIZE * SCALE * 0.5);
        expect(word.box.y0).toBeLessThan(baseline);
        expect(word.box.y0).toBeGreaterThan(baseline - FONT_SIZE * SCALE * 1.3);
        expect(word.box.x1).toBeLessThanOrEqual(2100 * SCALE + 1);
      }
    });
  });
});

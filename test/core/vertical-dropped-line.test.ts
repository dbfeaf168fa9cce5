// The recogniser, given a sheet of columns set across, may pass over one of its lines whole (a
// held-out page lost a column of 38 characters so). A column it read nothing of is read again
// on its own: the page keeps every column. The engine here is the real tesseract.js engine,
// passing over one line of each sheet as it was seen to.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OcrEngine, RecogniseRequest } from '../../src/core/ocr/engine.ts';
import { prepareLanguageFolder } from '../../src/core/ocr/language-data.ts';
import { tesseractFactory } from '../../src/core/ocr/tesseract-engine.ts';
import { readVerticalPage } from '../../src/core/ocr/vertical-reading.ts';
import { makeVerticalPage, PERIOD_ARTICLES, writeVerticalPage } from '../fixtures/vertical-page.ts';
import { tempDir } from '../fixtures/temp.ts';

/** The engine, passing over the third line of every sheet it reads as a column. */
function passingOver(engine: OcrEngine): OcrEngine {
  return Object.assign(Object.create(engine) as OcrEngine, {
    async recognise(request: RecogniseRequest) {
      const blocks = await engine.recognise(request);
      if (request.segmentation !== 'column') return blocks;
      const lines = blocks.flatMap((b) => b.lines).sort((a, b) => a.box.y0 - b.box.y0);
      const skipped = lines[2];
      return blocks.map((b) => ({ ...b, lines: b.lines.filter((l) => l !== skipped) }));
    },
  });
}

describe('a vertical page whose sheet loses a line', () => {
  it('reads the column it lost again, on its own', async () => {
    const dir = tempDir();
    const page = makeVerticalPage(PERIOD_ARTICLES, { seed: 7 });
    const image = readFileSync(await writeVerticalPage(page, path.join(dir, 'v.png')));
    const languages = await prepareLanguageFolder(path.join(dir, 'tessdata'), null);
    const engine = await tesseractFactory(languages.dir).create('chi_tra');
    try {
      const whole = (await readVerticalPage(engine, image, 'chi_tra_vert', 300)).flatMap((b) => b.lines);
      const lossy = (await readVerticalPage(passingOver(engine), image, 'chi_tra_vert', 300)).flatMap(
        (b) => b.lines,
      );
      const characters = (lines: typeof whole) => lines.reduce((n, l) => n + l.words.length, 0);
      expect(lossy).toHaveLength(whole.length);
      expect(characters(lossy)).toBeGreaterThanOrEqual(characters(whole) - 3);
    } finally {
      await engine.terminate();
    }
  }, 120_000);
});

// `auto` on the NZZ's real Fraktur front pages (1800 to 1943, 232 and 475 dpi): PP-OCR's reading of
// their strips is not mostly Chinese, and each is found to be Fraktur, and read with frk. The word accuracy this gives is measured by bench/scripts.ts.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { detectPageScript } from '../../src/core/ocr/detect-page-script.ts';
import type { OcrEngine } from '../../src/core/ocr/engine.ts';
import { prepareLanguageFolder } from '../../src/core/ocr/language-data.ts';
import { tesseractFactory } from '../../src/core/ocr/tesseract-engine.ts';
import { threadedPpOcrFactory } from '../../src/core/ocr/ppocr/ppocr-threaded.ts';
import { CHARACTER_PROBE } from '../../src/core/ocr/script-detect.ts';
import { SAMPLES } from '../fixtures/samples.ts';
import { tempDir } from '../fixtures/temp.ts';

const NZZ = path.join(SAMPLES, 'real', 'nzz');
const engines = new Map<string, OcrEngine>();
afterAll(async () => {
  for (const e of engines.values()) await e.terminate();
});

describe('auto on Fraktur', () => {
  it.each(readdirSync(NZZ).filter((f) => f.endsWith('.tif')))('finds %s to be Fraktur', async (name) => {
    const folder = await prepareLanguageFolder(path.join(tempDir(), 'tessdata'), null);
    const factory = tesseractFactory(folder.dir);
    const probe = async (language: string) => {
      if (!engines.has(language))
        engines.set(
          language,
          language === CHARACTER_PROBE
            ? await threadedPpOcrFactory(1).create(language)
            : await factory.create(language),
        );
      return engines.get(language)!;
    };
    const file = path.join(NZZ, name);
    const { width, height, density } = await sharp(file).metadata();
    const guess = await detectPageScript(file, { width, height, dpi: density ?? null }, probe, {
      maxPixels: 4e8,
      deskew: true,
    });
    expect(guess).toMatchObject({ script: 'fraktur', languages: 'frk' });
    // And by a clear margin over the Antiqua model, which reads Fraktur as something too.
    expect(guess.confidence.frk! - guess.confidence.eng!).toBeGreaterThan(0.1);
  });
});

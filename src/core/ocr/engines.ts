// The OCR engines an archive can use, with their language data prepared.

import path from 'node:path';
import type { Archive } from '../archive/archive.ts';
import { BackfileError } from '../../shared/errors.ts';
import type { OcrEngineFactory } from './engine.ts';
import { prepareLanguageFolder, type LanguageFolder } from './language-data.ts';
import { tesseractFactory } from './tesseract-engine.ts';
import { threadedPpOcrFactory } from './ppocr/ppocr-threaded.ts';

import { ENGINE_NAMES, type EngineName } from '../../shared/ocr.ts';

export { ENGINE_CHOICES, ENGINE_NAMES, type EngineChoice, type EngineName } from '../../shared/ocr.ts';

/** Below this resolution (dots per inch, claimed or estimated) a Chinese page counts as dense. */
export const PPOCR_BELOW_DPI = 150;

/**
 * The default engine, by script and resolution (docs/decisions/008-default-engine.md):
 * - simplified Chinese: PP-OCR at every resolution. It orders scans better than tesseract
 *   (bench/accuracy.ts, held-out pages), and since its models run in a thread of their own it
 *   reads about as many pages a minute as tesseract.js (bench/ocr.ts).
 * - traditional Chinese: tesseract's chi_tra, except on dense pages (under 150 dpi, where
 *   tesseract's ordered CER was 39 % against PP-OCR's 4.3 %): PP-OCRv4's dictionary lacks 8 %
 *   of the characters of the sample pages set in traditional script (黨, 貧, 堅 …), which it
 *   can then never read.
 * - Latin script: tesseract (the PP-OCRv4 model is a Chinese one).
 * A claimed 72 dpi or less is taken as unknown, and a page as about 12 inches wide.
 */
export function chooseEngine(languages: string, page: { dpi: number | null; width: number }): EngineName {
  const has = (language: string) => new RegExp(`(^|\\+)${language}(\\+|$)`).test(languages);
  const dpi = page.dpi && page.dpi > 75 ? page.dpi : page.width / 12;
  if (has('chi_sim')) return 'ppocr';
  return has('chi_tra') && dpi < PPOCR_BELOW_DPI ? 'ppocr' : 'tesseract';
}

export async function archiveLanguages(archive: Archive): Promise<LanguageFolder> {
  return prepareLanguageFolder(
    path.join(archive.dir, 'cache', 'tessdata'),
    path.join(archive.dir, 'tessdata'),
  );
}

export async function engineFactory(archive: Archive, name: string = 'tesseract'): Promise<OcrEngineFactory> {
  // One model thread per worker: the pool already runs one page per core.
  if (name === 'ppocr') return threadedPpOcrFactory(1);
  if (name !== 'tesseract') {
    throw new BackfileError(
      'invalid-input',
      `Unknown OCR engine "${name}"; available: ${ENGINE_NAMES.join(', ')}.`,
    );
  }
  const languages = await archiveLanguages(archive);
  return tesseractFactory(languages.dir);
}

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
 * The default engine, by script and resolution: PP-OCR for Chinese pages whose text is small
 * (under 150 dpi), tesseract otherwise. Measured with bench/ocr on the sample pages
 * (docs/decisions/004-ppocr.md): on 100-dpi dense pages PP-OCR has an ordered character error
 * rate of 4.3 % against tesseract's 39 %; on clean 300-dpi scans it is a little better (3.7 %
 * against 5.7 %) but 2.7× slower, and on degraded 200-dpi scans tesseract orders the page better
 * (8.8 % against 18 %), though PP-OCR still recovers more characters. Latin script: tesseract (the PP-OCRv4 model is a Chinese one).
 * A claimed 72 dpi or less is taken as unknown, and a page as about 12 inches wide.
 */
export function chooseEngine(languages: string, page: { dpi: number | null; width: number }): EngineName {
  const chinese = /(^|\+)chi_(sim|tra)(\+|$)/.test(languages);
  const dpi = page.dpi && page.dpi > 75 ? page.dpi : page.width / 12;
  return chinese && dpi < PPOCR_BELOW_DPI ? 'ppocr' : 'tesseract';
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

// The OCR engines an archive can use, with their language data prepared.

import path from 'node:path';
import type { Archive } from '../archive/archive.ts';
import { BackfileError } from '../../shared/errors.ts';
import type { OcrEngineFactory } from './engine.ts';
import { prepareLanguageFolder, type LanguageFolder } from './language-data.ts';
import { tesseractFactory } from './tesseract-engine.ts';
import { ppOcrFactory } from './ppocr/ppocr-engine.ts';

export const ENGINE_NAMES = ['tesseract', 'ppocr'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];
/** What a title, issue or page may ask for: an engine, or the default rule (chooseEngine). */
export const ENGINE_CHOICES = ['auto', ...ENGINE_NAMES] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

/**
 * The default engine, by script: PP-OCR for Chinese, tesseract otherwise. Measured with
 * bench/ocr on the sample pages (docs/decisions/004-ppocr.md): on Chinese pages PP-OCR reads
 * more characters in the right order than tesseract at every resolution measured, and the gap
 * grows as the text gets small (100-dpi pages); on Latin-script pages tesseract's own language
 * model stays the choice (the PP-OCRv4 model is a Chinese one).
 */
export function chooseEngine(languages: string): EngineName {
  return /(^|\+)chi_(sim|tra)(\+|$)/.test(languages) ? 'ppocr' : 'tesseract';
}

export async function archiveLanguages(archive: Archive): Promise<LanguageFolder> {
  return prepareLanguageFolder(
    path.join(archive.dir, 'cache', 'tessdata'),
    path.join(archive.dir, 'tessdata'),
  );
}

export async function engineFactory(archive: Archive, name: string = 'tesseract'): Promise<OcrEngineFactory> {
  // One model thread per worker: the pool already runs one page per core.
  if (name === 'ppocr') return ppOcrFactory(1);
  if (name !== 'tesseract') {
    throw new BackfileError(
      'invalid-input',
      `Unknown OCR engine "${name}"; available: ${ENGINE_NAMES.join(', ')}.`,
    );
  }
  const languages = await archiveLanguages(archive);
  return tesseractFactory(languages.dir);
}

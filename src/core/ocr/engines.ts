// The OCR engines an archive can use, with their language data prepared.

import path from 'node:path';
import type { Archive } from '../archive/archive.ts';
import { BackfileError } from '../../shared/errors.ts';
import type { OcrEngineFactory } from './engine.ts';
import { prepareLanguageFolder, type LanguageFolder } from './language-data.ts';
import { tesseractFactory } from './tesseract-engine.ts';

export const ENGINE_NAMES = ['tesseract'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export async function archiveLanguages(archive: Archive): Promise<LanguageFolder> {
  return prepareLanguageFolder(
    path.join(archive.dir, 'cache', 'tessdata'),
    path.join(archive.dir, 'tessdata'),
  );
}

export async function engineFactory(archive: Archive, name: string = 'tesseract'): Promise<OcrEngineFactory> {
  if (name !== 'tesseract') {
    throw new BackfileError(
      'invalid-input',
      `Unknown OCR engine "${name}"; available: ${ENGINE_NAMES.join(', ')}.`,
    );
  }
  const languages = await archiveLanguages(archive);
  return tesseractFactory(languages.dir);
}

// Tesseract language data, offline: chi_sim, chi_tra, chi_tra_vert (vertical traditional
// Chinese), eng, deu and frk (German Fraktur) come from the @tesseract.js-data packages (their
// 4.0.0_best_int models); more languages by dropping a .traineddata file into the
// archive's tessdata/ folder. tesseract.js takes one folder per worker, so all models are
// gathered (linked, or gzipped for dropped-in files) into one cache folder.

import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { acrossLanguages } from '../../shared/language.ts';
import { BackfileError } from '../../shared/errors.ts';

const require = createRequire(import.meta.url);
export const PACKAGED_LANGUAGES = ['chi_sim', 'chi_tra', 'chi_tra_vert', 'eng', 'deu', 'frk'] as const;
/** The default: each page's script found from the page itself (script-detect.ts). */
export const AUTO_LANGUAGES = 'auto';
export const DEFAULT_LANGUAGES = AUTO_LANGUAGES;
export const MODEL_NAME = '4.0.0_best_int';

function packagedModel(language: string): string {
  const dir = path.dirname(require.resolve(`@tesseract.js-data/${language}/package.json`));
  return path.join(dir, MODEL_NAME, `${language}.traineddata.gz`);
}

export interface LanguageFolder {
  dir: string;
  available: string[];
}

/** Builds (or refreshes) the folder of .traineddata.gz files tesseract.js reads from. */
export async function prepareLanguageFolder(
  cacheDir: string,
  extraDir: string | null,
): Promise<LanguageFolder> {
  mkdirSync(cacheDir, { recursive: true });
  const available: string[] = [];
  for (const language of PACKAGED_LANGUAGES) {
    const target = path.join(cacheDir, `${language}.traineddata.gz`);
    if (!existsSync(target)) {
      rmSync(target, { force: true });
      try {
        symlinkSync(packagedModel(language), target);
      } catch (error) {
        // Another process on the same archive made the same link a moment before.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    available.push(language);
  }
  if (extraDir && existsSync(extraDir)) {
    for (const name of readdirSync(extraDir)) {
      const m = /^([A-Za-z0-9_]+)\.traineddata(\.gz)?$/.exec(name);
      if (!m) continue;
      const target = path.join(cacheDir, `${m[1]}.traineddata.gz`);
      if (!existsSync(target)) {
        const partial = `${target}.partial`;
        const source = createReadStream(path.join(extraDir, name));
        if (m[2]) await pipeline(source, createWriteStream(partial));
        else await pipeline(source, createGzip(), createWriteStream(partial));
        renameSync(partial, target);
      }
      if (!available.includes(m[1]!)) available.push(m[1]!);
    }
  }
  return { dir: cacheDir, available };
}

/** Checks a language list such as 'chi_sim+eng' (or 'auto') against the models at hand. */
export function checkLanguages(languages: string, available: readonly string[]): string {
  if (languages === AUTO_LANGUAGES) return languages;
  const parts = languages.split('+').filter(Boolean);
  if (parts.length === 0) throw new BackfileError('invalid-input', 'No OCR language given.');
  // A vertical language is read with its horizontal model (vertical-reading.ts): chi_sim_vert
  // needs chi_sim, which is packaged, though no chi_sim_vert model is.
  const missing = parts.filter((p) => !available.includes(p) && !available.includes(acrossLanguages(p)));
  if (missing.length > 0) {
    throw new BackfileError(
      'invalid-input',
      `No OCR model for ${missing.join(', ')}; available: ${available.join(', ')}. ` +
        "Drop a .traineddata file into the archive's tessdata/ folder to add a language.",
    );
  }
  return parts.join('+');
}

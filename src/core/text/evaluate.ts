// `backfile eval`: how good is the archive's text? Character and word error rates of each page's
// text (in reading order) against a ground-truth text file named like the page's source file
// (scan.tif → scan.txt or scan.gt.txt), page by page and in total (weighted by length).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Archive } from '../archive/archive.ts';
import { listPages } from '../archive/pages.ts';
import { loadPageBlocks } from '../archive/page-text.ts';
import { pageToPlainText } from '../export/page-text-export.ts';
import { characterErrorRate, wordErrorRate } from '../../shared/text/error-rate.ts';

export interface PageEvaluation {
  pageId: number;
  source: string;
  truthFile: string;
  characters: number;
  cer: number;
  wer: number;
}

export interface Evaluation {
  pages: PageEvaluation[];
  unmatched: number[];
  cer: number;
  wer: number;
}

function truthFileFor(dir: string, sourceName: string, pageId: number): string | null {
  const stem = path.basename(sourceName, path.extname(sourceName));
  for (const name of [`${stem}.gt.txt`, `${stem}.txt`, `page-${pageId}.txt`]) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  return null;
}

export function evaluateArchive(archive: Archive, truthDir: string, pageIds?: readonly number[]): Evaluation {
  const pages: PageEvaluation[] = [];
  const unmatched: number[] = [];
  for (const page of listPages(archive.db)) {
    if (pageIds && !pageIds.includes(page.id)) continue;
    const truthFile = truthFileFor(truthDir, page.sourceName, page.id);
    if (!truthFile) {
      unmatched.push(page.id);
      continue;
    }
    const truth = readFileSync(truthFile, 'utf8');
    const read = pageToPlainText(loadPageBlocks(archive.db, page.id));
    pages.push({
      pageId: page.id,
      source: page.sourceName,
      truthFile,
      characters: truth.replace(/\s+/g, '').length,
      cer: characterErrorRate(read, truth),
      wer: wordErrorRate(read, truth),
    });
  }
  const total = pages.reduce((n, p) => n + p.characters, 0);
  const weighted = (key: 'cer' | 'wer') =>
    total === 0 ? 0 : pages.reduce((sum, p) => sum + p[key] * p.characters, 0) / total;
  return { pages, unmatched, cer: weighted('cer'), wer: weighted('wer') };
}

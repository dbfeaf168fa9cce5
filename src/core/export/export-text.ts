// Writes plain text per page into a folder.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Archive } from '../archive/archive.ts';
import { listPages } from '../archive/pages.ts';
import { loadPageBlocks } from '../archive/page-text.ts';
import { pageFileStem } from './file-names.ts';
import { pageToPlainText } from './page-text-export.ts';

export function exportPagesAsText(archive: Archive, outDir: string, pageIds?: readonly number[]): string[] {
  mkdirSync(outDir, { recursive: true });
  const wanted = pageIds ? new Set(pageIds) : null;
  const written: string[] = [];
  for (const page of listPages(archive.db)) {
    if (wanted && !wanted.has(page.id)) continue;
    const file = path.join(outDir, `${pageFileStem(page)}.txt`);
    writeFileSync(file, pageToPlainText(loadPageBlocks(archive.db, page.id)));
    written.push(file);
  }
  return written;
}

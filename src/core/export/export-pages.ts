// Page-level exports into a folder: plain text, ALTO, PAGE XML or hOCR, one file per page, named
// after the page's title, date and sequence; with the page images beside them when asked.

import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Archive } from '../archive/archive.ts';
import { listPages } from '../archive/pages.ts';
import { loadPageBlocks } from '../archive/page-text.ts';
import { pageFileStem } from './file-names.ts';
import { pageToAlto } from './formats/alto.ts';
import { pageToHocr } from './formats/hocr.ts';
import { pageToPageXml } from './formats/page-xml.ts';
import { loadExportPage } from './page-model.ts';
import { pageToPlainText } from './page-text-export.ts';
import type { PageFormat } from '../../shared/export.ts';

const SUFFIX: Record<PageFormat, string> = {
  txt: '.txt',
  alto: '.alto.xml',
  page: '.page.xml',
  hocr: '.hocr.html',
};

export interface PageExportOptions {
  pageIds?: readonly number[];
  withImages?: boolean;
}

export function exportPages(
  archive: Archive,
  format: PageFormat,
  outDir: string,
  options: PageExportOptions = {},
): string[] {
  mkdirSync(outDir, { recursive: true });
  const wanted = options.pageIds ? new Set(options.pageIds) : null;
  const written: string[] = [];
  for (const page of listPages(archive.db)) {
    if (wanted && !wanted.has(page.id)) continue;
    const stem = pageFileStem(page);
    const raster = archive.resolve(page.rasterPath);
    const imageFile = `${stem}${path.extname(raster).toLowerCase()}`;
    let content: string;
    if (format === 'txt') content = pageToPlainText(loadPageBlocks(archive.db, page.id));
    else {
      const model = loadExportPage(archive, page.id, imageFile);
      content =
        format === 'alto' ? pageToAlto(model) : format === 'page' ? pageToPageXml(model) : pageToHocr(model);
    }
    const file = path.join(outDir, `${stem}${SUFFIX[format]}`);
    writeFileSync(file, content);
    written.push(file);
    if (options.withImages) {
      copyFileSync(raster, path.join(outDir, imageFile));
      written.push(path.join(outDir, imageFile));
    }
  }
  return written;
}

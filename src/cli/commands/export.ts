// backfile export: pages (ALTO 4.4, PAGE XML 2019, hOCR, text) and articles (text, Markdown,
// JSON, CSV, photos) into a folder. Plain text covers both: per page, and per article when the
// archive has articles.

import path from 'node:path';
import { z } from 'zod';
import { openArchive } from '../../core/archive/archive.ts';
import { exportArticles } from '../../core/export/export-articles.ts';
import { exportPages } from '../../core/export/export-pages.ts';
import { BackfileError } from '../../shared/errors.ts';
import { ARCHIVE_OPTION, archiveFolder, check, parse } from '../args.ts';

const FORMATS = ['txt', 'alto', 'page', 'hocr', 'md', 'json', 'csv', 'photos'] as const;

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...ARCHIVE_OPTION,
    format: { type: 'string' },
    out: { type: 'string' },
    pages: { type: 'string' },
    images: { type: 'boolean', default: false },
  });
  const format = check(z.enum(FORMATS), values.format, '--format');
  if (!values.out) throw new BackfileError('invalid-input', 'Give the folder to write to with --out.');
  const pages =
    values.pages === undefined
      ? undefined
      : check(z.array(z.coerce.number().int().positive()), values.pages.split(','), '--pages');
  const out = path.resolve(values.out);
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const written: string[] = [];
    if (format === 'txt' || format === 'alto' || format === 'page' || format === 'hocr') {
      written.push(...exportPages(archive, format, out, { pageIds: pages, withImages: values.images }));
    }
    const hasArticles = (archive.db.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number) > 0;
    if (format === 'txt' && hasArticles)
      written.push(...exportArticles(archive, 'txt', path.join(out, 'articles')));
    if (format === 'md' || format === 'json' || format === 'csv' || format === 'photos') {
      written.push(...exportArticles(archive, format, out));
    }
    console.error(`${written.length} files written to ${out}.`);
    return 0;
  } finally {
    archive.close();
  }
}

// backfile export: pages (ALTO 4.4, PAGE XML 2019, hOCR, text), articles (text, Markdown, JSON,
// CSV, photos) and issues (METS with ALTO, IIIF manifest, searchable PDF), into a folder or a
// ZIP. Plain text covers pages and, when the archive has articles, articles too.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { z } from 'zod';
import { openArchive } from '../../core/archive/archive.ts';
import { filesBelow } from '../../core/archive/file-store.ts';
import { exportArticles } from '../../core/export/export-articles.ts';
import { exportIssues } from '../../core/export/export-issues.ts';
import { exportPages } from '../../core/export/export-pages.ts';
import { BackfileError } from '../../shared/errors.ts';
import { ARCHIVE_OPTION, archiveFolder, check, parse } from '../args.ts';

const FORMATS = [
  'txt',
  'alto',
  'page',
  'hocr',
  'md',
  'json',
  'csv',
  'photos',
  'mets',
  'iiif',
  'pdf',
] as const;
const ids = z.array(z.coerce.number().int().positive()).min(1);

function zipFolder(folder: string, target: string): void {
  const files: Record<string, Uint8Array> = {};
  for (const file of filesBelow(folder))
    files[path.relative(folder, file).split(path.sep).join('/')] = readFileSync(file);
  writeFileSync(target, zipSync(files, { level: 6 }));
}

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...ARCHIVE_OPTION,
    format: { type: 'string' },
    out: { type: 'string' },
    pages: { type: 'string' },
    issue: { type: 'string' },
    title: { type: 'string' },
    articles: { type: 'string' },
    images: { type: 'boolean', default: false },
    zip: { type: 'boolean', default: false },
    'base-url': { type: 'string' },
  });
  const format = check(z.enum(FORMATS), values.format, '--format');
  if (!values.out)
    throw new BackfileError(
      'invalid-input',
      'Give where to write with --out (a folder, or a .zip file with --zip).',
    );
  let pages = values.pages === undefined ? undefined : check(ids, values.pages.split(','), '--pages');
  let issues = values.issue === undefined ? undefined : check(ids, values.issue.split(','), '--issue');
  const titles = values.title === undefined ? undefined : check(ids, values.title.split(','), '--title');
  const selected =
    values.articles === undefined ? undefined : check(ids, values.articles.split(','), '--articles');
  const target = path.resolve(values.out);
  const out = values.zip ? mkdtempSync(path.join(os.tmpdir(), 'backfile-export-')) : target;
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    if (titles) {
      // A title is all its issues.
      issues = archive.db
        .prepare(`SELECT id FROM issues WHERE title_id IN (${titles.map(() => '?').join(',')})`)
        .pluck()
        .all(...titles) as number[];
    }
    if (issues && !pages) {
      pages = archive.db
        .prepare(`SELECT id FROM pages WHERE issue_id IN (${issues.map(() => '?').join(',')})`)
        .pluck()
        .all(...issues) as number[];
    }
    const written: string[] = [];
    if (format === 'txt' || format === 'alto' || format === 'page' || format === 'hocr') {
      written.push(...exportPages(archive, format, out, { pageIds: pages, withImages: values.images }));
    }
    const articleIds =
      selected ??
      ((issues
        ? archive.db
            .prepare(
              `SELECT id FROM articles WHERE issue_id IN (${issues.map(() => '?').join(',')}) ORDER BY id`,
            )
            .pluck()
            .all(...issues)
        : archive.db.prepare('SELECT id FROM articles ORDER BY issue_id, id').pluck().all()) as number[]);
    if (format === 'txt' && articleIds.length > 0)
      written.push(...exportArticles(archive, 'txt', path.join(out, 'articles'), articleIds));
    if (format === 'md' || format === 'json' || format === 'csv' || format === 'photos') {
      written.push(...exportArticles(archive, format, out, articleIds));
    }
    if (format === 'mets' || format === 'iiif' || format === 'pdf') {
      written.push(
        ...(await exportIssues(archive, format, out, { issueIds: issues, baseUrl: values['base-url'] })),
      );
    }
    if (values.zip) {
      zipFolder(out, target);
      console.error(`${written.length} files written to ${target}.`);
    } else console.error(`${written.length} files written to ${out}.`);
    return 0;
  } finally {
    archive.close();
    if (values.zip) rmSync(out, { recursive: true, force: true });
  }
}

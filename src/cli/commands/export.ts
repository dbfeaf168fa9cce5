// backfile export: pages (ALTO 4.4, PAGE XML 2019, hOCR, text), articles (text, Markdown, JSON,
// CSV, photos) and issues (METS with ALTO, IIIF manifest, searchable PDF), into a folder or a
// ZIP. Plain text covers pages and, when the archive has articles, articles too.

import { z } from 'zod';
import { openArchive } from '../../core/archive/archive.ts';
import { EXPORT_FORMATS, exportCollection } from '../../core/export/export-collection.ts';
import { BackfileError } from '../../shared/errors.ts';
import { ARCHIVE_OPTION, archiveFolder, check, parse } from '../args.ts';

const ids = z.array(z.coerce.number().int().positive()).min(1);

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
  const format = check(z.enum(EXPORT_FORMATS), values.format, '--format');
  if (!values.out)
    throw new BackfileError(
      'invalid-input',
      'Give where to write with --out (a folder, or a .zip file with --zip).',
    );
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const { files, target } = await exportCollection(archive, {
      format,
      out: values.out,
      pageIds: values.pages === undefined ? undefined : check(ids, values.pages.split(','), '--pages'),
      issueIds: values.issue === undefined ? undefined : check(ids, values.issue.split(','), '--issue'),
      titleIds: values.title === undefined ? undefined : check(ids, values.title.split(','), '--title'),
      articleIds:
        values.articles === undefined ? undefined : check(ids, values.articles.split(','), '--articles'),
      images: values.images,
      zip: values.zip,
      baseUrl: values['base-url'],
    });
    console.error(`${files} files written to ${target}.`);
    return 0;
  } finally {
    archive.close();
  }
}

// backfile export: pages as plain text, ALTO 4.4, PAGE XML 2019 or hOCR.

import path from 'node:path';
import { z } from 'zod';
import { openArchive } from '../../core/archive/archive.ts';
import { exportPages, PAGE_FORMATS } from '../../core/export/export-pages.ts';
import { BackfileError } from '../../shared/errors.ts';
import { ARCHIVE_OPTION, archiveFolder, check, parse } from '../args.ts';

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...ARCHIVE_OPTION,
    format: { type: 'string' },
    out: { type: 'string' },
    pages: { type: 'string' },
    images: { type: 'boolean', default: false },
  });
  const format = check(z.enum(PAGE_FORMATS), values.format, '--format');
  if (!values.out) throw new BackfileError('invalid-input', 'Give the folder to write to with --out.');
  const pages =
    values.pages === undefined
      ? undefined
      : check(z.array(z.coerce.number().int().positive()), values.pages.split(','), '--pages');
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const written = exportPages(archive, format, path.resolve(values.out), {
      pageIds: pages,
      withImages: values.images,
    });
    console.error(`${written.length} files written to ${path.resolve(values.out)}.`);
    return 0;
  } finally {
    archive.close();
  }
}

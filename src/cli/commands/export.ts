// backfile export: the archive's text in exchange formats (plain text per page for now).

import path from 'node:path';
import { z } from 'zod';
import { openArchive } from '../../core/archive/archive.ts';
import { exportPagesAsText } from '../../core/export/export-text.ts';
import { BackfileError } from '../../shared/errors.ts';
import { ARCHIVE_OPTION, archiveFolder, check, parse } from '../args.ts';

const FORMATS = ['txt'] as const;

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...ARCHIVE_OPTION,
    format: { type: 'string' },
    out: { type: 'string' },
    pages: { type: 'string' },
  });
  const format = check(z.enum(FORMATS), values.format, '--format');
  if (!values.out) throw new BackfileError('invalid-input', 'Give the folder to write to with --out.');
  const pages =
    values.pages === undefined
      ? undefined
      : check(z.array(z.coerce.number().int().positive()), values.pages.split(','), '--pages');
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const written = format === 'txt' ? exportPagesAsText(archive, path.resolve(values.out), pages) : [];
    console.error(`${written.length} files written to ${path.resolve(values.out)}.`);
    return 0;
  } finally {
    archive.close();
  }
}

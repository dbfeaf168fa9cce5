// backfile edit-page: correct a page's title, issue date, edition or printed page number.

import { z } from 'zod';
import { openArchive } from '../../core/archive/archive.ts';
import { localUser } from '../../core/archive/local-user.ts';
import { updatePageMetadata } from '../../core/archive/page-metadata.ts';
import { BackfileError } from '../../shared/errors.ts';
import { ARCHIVE_OPTION, archiveFolder, check, parse } from '../args.ts';
import { isoDate } from '../../shared/date.ts';

export async function editPageCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...ARCHIVE_OPTION,
    page: { type: 'string' },
    title: { type: 'string' },
    date: { type: 'string' },
    edition: { type: 'string' },
    number: { type: 'string' },
  });
  if (!values.page) throw new BackfileError('invalid-input', 'Name the page with --page ID.');
  const pageId = check(z.coerce.number().int().positive(), values.page, '--page');
  const title =
    values.title === undefined ? undefined : check(z.string().trim().min(1), values.title, '--title');
  const date =
    values.date === undefined || values.date === '' ? values.date : check(isoDate, values.date, '--date');
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    updatePageMetadata(
      archive.db,
      pageId,
      { title, date, edition: values.edition, printedNumber: values.number },
      localUser(archive.db),
    );
    console.error(`Page ${pageId} updated.`);
    return 0;
  } finally {
    archive.close();
  }
}

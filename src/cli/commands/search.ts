// backfile search: find text across the archive.

import { z } from 'zod';
import { openArchive } from '../../core/archive/archive.ts';
import { searchLines } from '../../core/archive/line-search.ts';
import { BackfileError } from '../../shared/errors.ts';
import { ARCHIVE_OPTION, JSON_OPTION, archiveFolder, check, parse } from '../args.ts';
import { isoDate } from '../../shared/date.ts';

export async function searchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...ARCHIVE_OPTION,
    ...JSON_OPTION,
    title: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    limit: { type: 'string' },
    'typed-form': { type: 'boolean' },
  });
  if (positionals.length === 0)
    throw new BackfileError('invalid-input', 'Give what to search for: backfile search QUERY.');
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const hits = searchLines(archive.db, positionals.join(' '), {
      title: values.title,
      from: values.from === undefined ? undefined : check(isoDate, values.from, '--from'),
      to: values.to === undefined ? undefined : check(isoDate, values.to, '--to'),
      limit:
        values.limit === undefined
          ? undefined
          : check(z.coerce.number().int().min(1).max(1000), values.limit, '--limit'),
      variants: !values['typed-form'],
    });
    if (values.json) console.log(JSON.stringify(hits, null, 2));
    else
      for (const h of hits)
        console.log(
          `${h.title} ${h.date || '(no date)'} p${h.sequence} [page ${h.pageId}, line ${h.lineId}]  ${h.marked}`,
        );
    if (!values.json) console.error(`${hits.length} hits`);
    return 0;
  } finally {
    archive.close();
  }
}

// backfile segment: suggest regions and articles for pages from their text and images.

import { z } from 'zod';
import { openArchive } from '../../core/archive/archive.ts';
import { suggestPages } from '../../core/layout/suggest-pages.ts';
import { pagesInScope } from '../../core/ocr/queue-ocr.ts';
import { ARCHIVE_OPTION, JSON_OPTION, archiveFolder, check, parse } from '../args.ts';

export async function segmentCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...ARCHIVE_OPTION, ...JSON_OPTION, pages: { type: 'string' } });
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const scope =
      values.pages === undefined
        ? { all: true as const }
        : {
            pages: check(
              z.array(z.coerce.number().int().positive()).min(1),
              values.pages.split(','),
              '--pages',
            ),
          };
    const run = await suggestPages(archive, pagesInScope(archive.db, scope), (result) => {
      if (values.json) console.log(JSON.stringify(result));
      else if ('error' in result) console.error(`page ${result.pageId}: ${result.error.message}`);
      else
        console.error(
          `page ${result.pageId}: ${result.articles} articles, ${result.regions} regions, ${result.photos} photos suggested`,
        );
    });
    if (run.linked > 0 && !values.json) console.error(`${run.linked} continued stories linked`);
    const failed = run.pages.filter((p) => 'error' in p).length;
    return failed > 0 ? 1 : 0;
  } finally {
    archive.close();
  }
}

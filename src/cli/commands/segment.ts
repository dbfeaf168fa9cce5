// backfile segment: suggest regions and articles for pages from their text and images.

import { z } from 'zod';
import { openArchive } from '../../core/archive/archive.ts';
import { segmentArchivePage } from '../../core/layout/segment-service.ts';
import { linkIssueJumps } from '../../core/layout/jumps.ts';
import { getPage } from '../../core/archive/pages.ts';
import { pagesInScope } from '../../core/ocr/queue-ocr.ts';
import { toErrorInfo } from '../../shared/errors.ts';
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
    let failed = 0;
    const issues = new Set<number>();
    for (const pageId of pagesInScope(archive.db, scope)) {
      const page = getPage(archive.db, pageId);
      if (page) issues.add(page.issueId);
      try {
        const summary = await segmentArchivePage(archive, pageId);
        if (values.json) console.log(JSON.stringify(summary));
        else
          console.error(
            `page ${pageId}: ${summary.articles} articles, ${summary.regions} regions, ${summary.photos} photos suggested`,
          );
      } catch (error) {
        failed++;
        const info = toErrorInfo(error);
        if (values.json) console.log(JSON.stringify({ pageId, error: info }));
        else console.error(`page ${pageId}: ${info.message}`);
      }
    }
    // Stories that jump between pages of an issue become one article.
    for (const issueId of issues) {
      const linked = linkIssueJumps(archive, issueId);
      if (linked > 0 && !values.json) console.error(`issue ${issueId}: ${linked} continued stories linked`);
    }
    return failed > 0 ? 1 : 0;
  } finally {
    archive.close();
  }
}

// backfile articles: the archive's articles, assembled from their regions.

import { openArchive } from '../../core/archive/archive.ts';
import { listArticles } from '../../core/articles/articles.ts';
import { assembleArticle } from '../../core/articles/assemble.ts';
import { ARCHIVE_OPTION, JSON_OPTION, archiveFolder, parse } from '../args.ts';

export async function articlesCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...ARCHIVE_OPTION, ...JSON_OPTION });
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const articles = listArticles(archive.db).map((a) => ({
      ...assembleArticle(archive.db, a.id),
      origin: a.origin,
      accepted: a.accepted,
    }));
    if (values.json) console.log(JSON.stringify(articles, null, 2));
    else {
      for (const a of articles) {
        const chars = a.paragraphs.join('').replace(/\s+/g, '').length;
        console.log(
          [
            a.id,
            a.headline ?? '(untitled)',
            a.byline ?? '',
            `pages ${a.pages.join(',')}`,
            `${chars} characters`,
            `${a.photos.length} photos`,
            a.accepted ? '' : 'suggested',
          ].join('\t'),
        );
      }
    }
    return 0;
  } finally {
    archive.close();
  }
}

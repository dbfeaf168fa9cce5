// What the page view shows: the page's lines with their words (boxes, confidence) and original
// text, its regions with the article each belongs to, and the articles on it, assembled.

import type { ReadableDB } from '../archive/db-handles.ts';
import { BackfileError } from '../../shared/errors.ts';
import type { ArticleView, PageLines, RegionView } from '../../shared/api/contract.ts';
import { pageRegions, pageSize } from '../archive/region-rows.ts';
import { articleOfRegion, articleRow, pageArticleIds, partRegionIds } from '../archive/article-rows.ts';
import { reviewLines } from '../archive/line-rows.ts';
import { assembleArticle } from '../articles/assemble.ts';
import type { ArticleStatus } from '../../shared/model.ts';
import { wordsOfLine } from '../text/line-words.ts';
import { printedPages } from '../archive/pages.ts';

/** A page's lines for the editor; only `lineIds` of them when given. */
export function pageLinesView(db: ReadableDB, pageId: number, lineIds?: readonly number[]): PageLines {
  const page = pageSize(db, pageId);
  if (!page) throw new BackfileError('not-found', `Page ${pageId} is not in the archive.`);
  return {
    pageId,
    ...page,
    lines: reviewLines(db, pageId, lineIds).map((l) => ({
      ...l,
      // The words as the current text has them: a corrected word is no longer uncertain, and
      // a search hit in corrected text is highlighted where it now stands.
      words: wordsOfLine(l.text, l.words, l.box),
    })),
  };
}

export function pageRegionsView(db: ReadableDB, pageId: number): RegionView[] {
  return pageRegions(db, pageId).map((r) => ({
    id: r.id,
    role: r.role,
    polygon: r.polygon.map(([x, y]) => [x, y] as [number, number]),
    box: r.box,
    readingOrder: r.readingOrder,
    articleId: articleOfRegion(db, r.id),
  }));
}

export function pageArticlesView(db: ReadableDB, pageId: number): ArticleView[] {
  return pageArticleIds(db, pageId).map((id) => articleView(db, id));
}

/** One article as a reader gets it, with its review status and whether it still waits as a suggestion. */
export function articleView(db: ReadableDB, id: number): ArticleView {
  const row = articleRow(db, id);
  if (!row) throw new BackfileError('not-found', `No article ${id}.`);
  const article = assembleArticle(db, id);
  return {
    ...article,
    printedOn: printedPages(db, article.pages),
    status: row.status as ArticleStatus,
    statusReason: row.statusReason,
    suggested: row.origin === 'suggested' && !row.accepted,
    regionIds: partRegionIds(db, id),
  };
}

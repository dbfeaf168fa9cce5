// The collection's articles as the Articles view lists them: headline, newspaper and date, the
// pages each is printed on, review status, whether it still waits as a suggestion, and its length.

import type { ReadableDB } from '../archive/db-handles.ts';
import { articleIds, articleRow } from '../archive/article-rows.ts';
import { printedPages } from '../archive/pages.ts';
import { issueLabel } from '../archive/catalogue.ts';
import { assembleArticle } from '../articles/assemble.ts';
import type { ArticleSummary } from '../../shared/api/contract.ts';
import type { ArticleStatus } from '../../shared/model.ts';

const characters = (texts: readonly (string | null)[]) =>
  texts.reduce((n, t) => n + (t ?? '').replace(/\s+/gu, '').length, 0);

export function articleSummaries(db: ReadableDB, filter: { status?: ArticleStatus } = {}): ArticleSummary[] {
  const out: ArticleSummary[] = [];
  for (const id of articleIds(db)) {
    const row = articleRow(db, id)!;
    if (filter.status !== undefined && row.status !== filter.status) continue;
    const article = assembleArticle(db, id);
    const issue = issueLabel(db, row.issueId)!;
    out.push({
      id,
      headline: article.headline,
      title: issue.title,
      date: issue.date,
      pages: printedPages(db, article.pages),
      status: row.status as ArticleStatus,
      suggested: row.origin === 'suggested' && !row.accepted,
      characters: characters([
        article.kicker,
        article.headline,
        article.subhead,
        article.byline,
        ...article.paragraphs,
        ...article.photos.map((p) => p.caption),
      ]),
    });
  }
  return out;
}

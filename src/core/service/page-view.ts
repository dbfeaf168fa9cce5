// What the page view shows: the page's lines with their words (boxes, confidence) and original
// text, its regions with the article each belongs to, and the articles on it, assembled.

import type { ReadableDB } from '../archive/db-handles.ts';
import { BackfileError } from '../../shared/errors.ts';
import type { ArticleView, PageLines, RegionView } from '../../shared/api/contract.ts';
import { pageRegions } from '../archive/region-rows.ts';
import { assembleArticle } from '../articles/assemble.ts';
import { getArticle } from '../articles/articles.ts';
import { originalLineTextSql } from '../archive/history.ts';
import type { ArticleStatus } from '../../shared/model.ts';
import { wordsOfLine } from '../text/line-words.ts';

interface LineRow {
  id: number;
  text: string;
  confidence: number | null;
  corrected: number;
  region_id: number | null;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  original: string;
}

interface WordRow {
  line_id: number;
  text: string;
  confidence: number | null;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function pageLinesView(db: ReadableDB, pageId: number): PageLines {
  const page = db.prepare('SELECT width, height FROM pages WHERE id = ?').get(pageId) as
    { width: number; height: number } | undefined;
  if (!page) throw new BackfileError('not-found', `Page ${pageId} is not in the archive.`);
  const lines = db
    .prepare(
      `SELECT l.id, l.text, l.confidence, l.corrected, l.region_id, l.x0, l.y0, l.x1, l.y1,
        ${originalLineTextSql('l')} AS original
       FROM lines l WHERE l.page_id = ? ORDER BY l.position, l.id`,
    )
    .all(pageId) as LineRow[];
  const words = new Map<number, PageLines['lines'][number]['words']>();
  for (const w of db
    .prepare(
      `SELECT w.line_id, w.text, w.confidence, w.x0, w.y0, w.x1, w.y1 FROM words w
       JOIN lines l ON l.id = w.line_id WHERE l.page_id = ? ORDER BY w.line_id, w.position`,
    )
    .all(pageId) as WordRow[]) {
    const list = words.get(w.line_id) ?? [];
    list.push({ text: w.text, confidence: w.confidence, box: { x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1 } });
    words.set(w.line_id, list);
  }
  return {
    pageId,
    ...page,
    lines: lines.map((l) => ({
      id: l.id,
      text: l.text,
      original: l.original,
      corrected: l.corrected === 1,
      confidence: l.confidence,
      regionId: l.region_id,
      box: { x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1 },
      // The words as the current text has them: a corrected word is no longer uncertain, and
      // a search hit in corrected text is highlighted where it now stands.
      words: wordsOfLine(l.text, words.get(l.id) ?? [], { x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1 }),
    })),
  };
}

export function pageRegionsView(db: ReadableDB, pageId: number): RegionView[] {
  const articleOf = db.prepare('SELECT article_id FROM article_parts WHERE region_id = ?').pluck();
  return pageRegions(db, pageId).map((r) => ({
    id: r.id,
    role: r.role,
    polygon: r.polygon.map(([x, y]) => [x, y] as [number, number]),
    box: r.box,
    readingOrder: r.readingOrder,
    articleId: (articleOf.get(r.id) as number | undefined) ?? null,
  }));
}

export function pageArticlesView(db: ReadableDB, pageId: number): ArticleView[] {
  const ids = db
    .prepare(
      `SELECT DISTINCT ap.article_id FROM article_parts ap JOIN regions r ON r.id = ap.region_id
       WHERE r.page_id = ? ORDER BY ap.article_id`,
    )
    .pluck()
    .all(pageId) as number[];
  const reasonOf = db.prepare('SELECT status_reason FROM articles WHERE id = ?').pluck();
  return ids.map((id) => {
    const { status, regionIds } = getArticle(db, id);
    return {
      ...assembleArticle(db, id),
      status: status as ArticleStatus,
      statusReason: reasonOf.get(id) as string | null,
      regionIds,
    };
  });
}

// What the quality report reads: pages with their place in the catalogue and their status, and
// each line's current and original text with its words' confidences.

import type { ReadableDB } from './db-handles.ts';
import type { PageStatus } from '../../shared/model.ts';
import { originalLineTextSql } from './history.ts';

export interface QualityPageRow {
  pageId: number;
  status: PageStatus;
  statusReason: string | null;
  sequence: number;
  issueDate: string;
  edition: string;
  title: string;
}

/** Pages (of one title, or all) in catalogue order. */
export function qualityPages(db: ReadableDB, title: string | null): QualityPageRow[] {
  return db
    .prepare(
      `SELECT p.id AS pageId, p.status, p.status_reason AS statusReason, p.sequence, i.issue_date AS issueDate,
         i.edition, t.name AS title
       FROM pages p JOIN issues i ON i.id = p.issue_id JOIN titles t ON t.id = i.title_id
       WHERE @title IS NULL OR t.name = @title
       ORDER BY t.name, i.issue_date, i.edition, p.sequence`,
    )
    .all({ title }) as QualityPageRow[];
}

export interface QualityLineRow {
  pageId: number;
  text: string;
  original: string;
  /** The confidences of the line's words, 0–100. */
  scores: number[];
}

const LINE_QUERY = `SELECT l.page_id AS pageId, l.text, ${originalLineTextSql('l')} AS original,
  (SELECT group_concat(w.confidence) FROM words w WHERE w.line_id = l.id AND w.confidence IS NOT NULL) AS scores
  FROM lines l`;

const toLine = (r: Omit<QualityLineRow, 'scores'> & { scores: string | null }): QualityLineRow => ({
  ...r,
  scores: r.scores ? r.scores.split(',').map(Number) : [],
});

/** Lines of one title's pages (or all), or of one article's regions. */
export function qualityLines(
  db: ReadableDB,
  of: { title: string | null } | { articleId: number },
): QualityLineRow[] {
  const rows =
    'articleId' in of
      ? db
          .prepare(
            `${LINE_QUERY} JOIN article_parts ap ON ap.region_id = l.region_id WHERE ap.article_id = ?`,
          )
          .all(of.articleId)
      : db
          .prepare(
            `${LINE_QUERY} JOIN pages p ON p.id = l.page_id JOIN issues i ON i.id = p.issue_id
             JOIN titles t ON t.id = i.title_id WHERE @title IS NULL OR t.name = @title`,
          )
          .all({ title: of.title });
  return (rows as Parameters<typeof toLine>[0][]).map(toLine);
}

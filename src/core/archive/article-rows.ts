// The articles and article_parts tables as the rest of the core sees them: an article's row
// mapped to its fields, and its parts as the ordered list of region ids.

import type { ReadableDB, WritableDB } from './db-handles.ts';
import { nowIso } from './archive.ts';
import type { Box } from '../../shared/geometry.ts';
import type { RegionRole } from '../../shared/model.ts';

export const ARTICLE_FIELDS = [
  'headline',
  'kicker',
  'subhead',
  'byline',
  'dateline',
  'section',
  'bodyOverride',
] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];
export type ArticleFields = Partial<Record<ArticleField, string | null>>;
export type ArticleOrigin = 'user' | 'suggested';

/** The column each field is stored in (the only field whose name differs is bodyOverride). */
const COLUMN: Record<ArticleField, string> = {
  headline: 'headline',
  kicker: 'kicker',
  subhead: 'subhead',
  byline: 'byline',
  dateline: 'dateline',
  section: 'section',
  bodyOverride: 'body_override',
};

export interface ArticleRow {
  id: number;
  issueId: number;
  fields: Record<ArticleField, string | null>;
  origin: ArticleOrigin;
  accepted: boolean;
  status: string;
  statusReason: string | null;
}

export function articleRow(db: ReadableDB, id: number): ArticleRow | undefined {
  const row = db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as
    Record<string, unknown> | undefined;
  if (!row) return undefined;
  return {
    id,
    issueId: row.issue_id as number,
    fields: Object.fromEntries(
      ARTICLE_FIELDS.map((f) => [f, (row[COLUMN[f]] as string | null) ?? null]),
    ) as Record<ArticleField, string | null>,
    origin: row.origin as ArticleOrigin,
    accepted: row.accepted === 1,
    status: row.status as string,
    statusReason: (row.status_reason as string | null) ?? null,
  };
}

/** Article ids of one issue, or of the whole archive in issue order. */
export function articleIds(db: ReadableDB, issueIds?: readonly number[]): number[] {
  if (issueIds === undefined)
    return db.prepare('SELECT id FROM articles ORDER BY issue_id, id').pluck().all() as number[];
  if (issueIds.length === 0) return [];
  return db
    .prepare(
      `SELECT id FROM articles WHERE issue_id IN (${issueIds.map(() => '?').join(',')}) ORDER BY issue_id, id`,
    )
    .pluck()
    .all(...issueIds) as number[];
}

/** Articles with a part on a page, in id order. */
export function pageArticleIds(db: ReadableDB, pageId: number): number[] {
  return db
    .prepare(
      `SELECT DISTINCT ap.article_id FROM article_parts ap JOIN regions r ON r.id = ap.region_id
       WHERE r.page_id = ? ORDER BY ap.article_id`,
    )
    .pluck()
    .all(pageId) as number[];
}

/** The article a region is a part of, if any. */
export function articleOfRegion(db: ReadableDB, regionId: number): number | null {
  return (
    (db.prepare('SELECT article_id FROM article_parts WHERE region_id = ?').pluck().get(regionId) as
      number | undefined) ?? null
  );
}

export function partRegionIds(db: ReadableDB, articleId: number): number[] {
  return db
    .prepare('SELECT region_id FROM article_parts WHERE article_id = ? ORDER BY position')
    .pluck()
    .all(articleId) as number[];
}

/** Which of these regions already belong to an article other than this one. */
export function regionsInOtherArticles(
  db: ReadableDB,
  articleId: number,
  regionIds: readonly number[],
): number[] {
  if (regionIds.length === 0) return [];
  return db
    .prepare(
      `SELECT region_id FROM article_parts WHERE article_id != ? AND region_id IN (${regionIds.map(() => '?').join(',')})`,
    )
    .pluck()
    .all(articleId, ...regionIds) as number[];
}

export function replaceParts(db: WritableDB, articleId: number, regionIds: readonly number[]): void {
  db.prepare('DELETE FROM article_parts WHERE article_id = ?').run(articleId);
  const insert = db.prepare('INSERT INTO article_parts (article_id, position, region_id) VALUES (?, ?, ?)');
  regionIds.forEach((regionId, i) => insert.run(articleId, i, regionId));
}

/** A new article row; with `restore`, the row an undo brings back under its old id and status. */
export function insertArticle(
  db: WritableDB,
  article: { issueId: number; origin: ArticleOrigin; fields?: ArticleFields },
  restore?: { id: number; accepted: boolean; status: string },
): number {
  const now = nowIso();
  // A person's article is accepted as made; a suggestion waits for someone to accept it.
  const accepted = restore ? restore.accepted : article.origin === 'user';
  const id = Number(
    db
      .prepare(
        'INSERT INTO articles (id, issue_id, origin, accepted, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        restore?.id ?? null,
        article.issueId,
        article.origin,
        accepted ? 1 : 0,
        restore?.status ?? 'new',
        now,
        now,
      ).lastInsertRowid,
  );
  for (const f of ARTICLE_FIELDS)
    if (article.fields?.[f] !== undefined) setArticleField(db, id, f, article.fields[f]!);
  return id;
}

export function setArticleField(db: WritableDB, id: number, field: ArticleField, value: string | null): void {
  db.prepare(`UPDATE articles SET ${COLUMN[field]} = ? WHERE id = ?`).run(value, id);
}

/** Marks an article changed now; a person's edit also accepts a suggestion. */
export function touchArticle(db: WritableDB, id: number, accept: boolean): void {
  db.prepare(`UPDATE articles SET updated_at = ?${accept ? ', accepted = 1' : ''} WHERE id = ?`).run(
    nowIso(),
    id,
  );
}

/** Sets whether a person accepted the article (a suggestion until then). */
export function setArticleAccepted(db: WritableDB, id: number, accepted: boolean): void {
  db.prepare('UPDATE articles SET accepted = ?, updated_at = ? WHERE id = ?').run(
    accepted ? 1 : 0,
    nowIso(),
    id,
  );
}

/** The article's regions nobody accepted yet (suggested by the layout step), in part order. */
export function unacceptedPartRegionIds(db: ReadableDB, articleId: number): number[] {
  return db
    .prepare(
      `SELECT ap.region_id FROM article_parts ap JOIN regions r ON r.id = ap.region_id
       WHERE ap.article_id = ? AND r.accepted = 0 ORDER BY ap.position`,
    )
    .pluck()
    .all(articleId) as number[];
}

export function deleteArticleRow(db: WritableDB, id: number): void {
  db.prepare('DELETE FROM articles WHERE id = ?').run(id);
}

/** Removes a page's suggestions that nobody accepted, before the layout step suggests again. */
export function deleteUnacceptedSuggestions(db: WritableDB, pageId: number): void {
  db.prepare(
    `DELETE FROM articles WHERE origin = 'suggested' AND accepted = 0 AND id IN
       (SELECT ap.article_id FROM article_parts ap JOIN regions r ON r.id = ap.region_id WHERE r.page_id = ?)`,
  ).run(pageId);
  db.prepare(
    "DELETE FROM regions WHERE page_id = ? AND origin = 'suggested' AND accepted = 0 AND id NOT IN (SELECT region_id FROM article_parts)",
  ).run(pageId);
}

/** An article's parts in order, each its region's role, page and box. */
export interface ArticlePart {
  regionId: number;
  role: RegionRole;
  pageId: number;
  box: Box;
}

export function articleParts(db: ReadableDB, articleId: number): ArticlePart[] {
  return (
    db
      .prepare(
        `SELECT ap.region_id, r.role, r.page_id, r.x0, r.y0, r.x1, r.y1 FROM article_parts ap
         JOIN regions r ON r.id = ap.region_id WHERE ap.article_id = ? ORDER BY ap.position`,
      )
      .all(articleId) as {
      region_id: number;
      role: RegionRole;
      page_id: number;
      x0: number;
      y0: number;
      x1: number;
      y1: number;
    }[]
  ).map((r) => ({
    regionId: r.region_id,
    role: r.role,
    pageId: r.page_id,
    box: { x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1 },
  }));
}

/**
 * The headline and jump-line regions of an issue's suggestions nobody accepted, with the printed
 * number of their page (its place in the issue where none was printed): what jumps are linked by.
 */
export function suggestedJumpRegions(
  db: ReadableDB,
  issueId: number,
): { article: number; page: number; role: 'jump' | 'headline'; region: number }[] {
  return db
    .prepare(
      `SELECT a.id AS article, COALESCE(CAST(p.printed_number AS INTEGER), p.sequence) AS page, r.role, r.id AS region
       FROM articles a JOIN article_parts ap ON ap.article_id = a.id JOIN regions r ON r.id = ap.region_id
       JOIN pages p ON p.id = r.page_id
       WHERE a.issue_id = ? AND a.origin = 'suggested' AND a.accepted = 0 AND r.role IN ('jump', 'headline')
       ORDER BY a.id, ap.position`,
    )
    .all(issueId) as { article: number; page: number; role: 'jump' | 'headline'; region: number }[];
}

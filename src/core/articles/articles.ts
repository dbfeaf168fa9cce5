// Articles: an ordered list of regions, on one page or continued on later pages, with fields the
// user can set (headline, kicker, subhead, byline, dateline, section, body override), and photos
// saved as full-resolution crops beside their captions.

import type { ReadableDB, WritableDB } from '../archive/db-handles.ts';
import sharp from 'sharp';
import type { Archive } from '../archive/archive.ts';
import { nowIso } from '../archive/archive.ts';
import { recordChange, type Edit } from '../archive/history.ts';
import { getPage } from '../archive/pages.ts';
import { BackfileError } from '../../shared/errors.ts';
import { getRegion } from '../archive/region-rows.ts';

export const ARTICLE_FIELDS = [
  'headline',
  'kicker',
  'subhead',
  'byline',
  'dateline',
  'section',
  'body_override',
] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];
export type ArticleFields = Partial<Record<ArticleField, string | null>>;

export interface ArticleRecord {
  id: number;
  issueId: number;
  fields: Record<ArticleField, string | null>;
  regionIds: number[];
  origin: 'user' | 'suggested';
  accepted: boolean;
  status: string;
}

export function getArticle(db: ReadableDB, id: number): ArticleRecord {
  const row = db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as
    Record<string, unknown> | undefined;
  if (!row) throw new BackfileError('not-found', `No article ${id}.`);
  const regionIds = db
    .prepare('SELECT region_id FROM article_parts WHERE article_id = ? ORDER BY position')
    .pluck()
    .all(id) as number[];
  return {
    id,
    issueId: row.issue_id as number,
    fields: Object.fromEntries(ARTICLE_FIELDS.map((f) => [f, (row[f] as string | null) ?? null])) as Record<
      ArticleField,
      string | null
    >,
    regionIds,
    origin: row.origin as 'user' | 'suggested',
    accepted: row.accepted === 1,
    status: row.status as string,
  };
}

export function listArticles(db: ReadableDB, issueId?: number): ArticleRecord[] {
  const ids = (
    issueId === undefined
      ? db.prepare('SELECT id FROM articles ORDER BY issue_id, id').pluck().all()
      : db.prepare('SELECT id FROM articles WHERE issue_id = ? ORDER BY id').pluck().all(issueId)
  ) as number[];
  return ids.map((id) => getArticle(db, id));
}

function issueOfRegion(db: WritableDB, regionId: number): number {
  return db
    .prepare('SELECT p.issue_id FROM regions r JOIN pages p ON p.id = r.page_id WHERE r.id = ?')
    .pluck()
    .get(regionId) as number;
}

function setParts(db: WritableDB, articleId: number, regionIds: readonly number[]): void {
  const issues = new Set(regionIds.map((id) => (getRegion(db, id), issueOfRegion(db, id))));
  if (issues.size > 1)
    throw new BackfileError('invalid-input', 'An article continues across pages of one issue only.');
  const taken = db
    .prepare(
      `SELECT region_id FROM article_parts WHERE article_id != ? AND region_id IN (${regionIds.map(() => '?').join(',') || 'NULL'})`,
    )
    .pluck()
    .all(articleId, ...regionIds) as number[];
  if (taken.length > 0)
    throw new BackfileError(
      'invalid-input',
      `Region ${taken.join(', ')} already belongs to another article.`,
    );
  db.prepare('DELETE FROM article_parts WHERE article_id = ?').run(articleId);
  const insert = db.prepare('INSERT INTO article_parts (article_id, position, region_id) VALUES (?, ?, ?)');
  regionIds.forEach((regionId, i) => insert.run(articleId, i, regionId));
}

export function createArticle(
  db: WritableDB,
  regionIds: readonly number[],
  fields: ArticleFields,
  user: string,
  origin: 'user' | 'suggested' = 'user',
): number {
  if (regionIds.length === 0)
    throw new BackfileError('invalid-input', 'An article needs at least one region.');
  return db
    .transaction(() => {
      const issueId = issueOfRegion(db, regionIds[0]!);
      const now = nowIso();
      const id = Number(
        db
          .prepare(
            'INSERT INTO articles (issue_id, origin, accepted, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(issueId, origin, origin === 'user' ? 1 : 0, now, now).lastInsertRowid,
      );
      setParts(db, id, regionIds);
      for (const f of ARTICLE_FIELDS)
        if (fields[f] !== undefined)
          db.prepare(`UPDATE articles SET ${f} = ? WHERE id = ?`).run(fields[f], id);
      recordChange(db, 'make article', user, [
        { entity: 'article', entityId: id, field: 'parts', before: null, after: JSON.stringify(regionIds) },
      ]);
      return id;
    })
    .immediate();
}

/** Sets fields and/or the ordered regions (continuing the article on another page = adding its regions). */
export function updateArticle(
  db: WritableDB,
  id: number,
  change: { fields?: ArticleFields; regionIds?: number[] },
  user: string,
): void {
  db.transaction(() => {
    const article = getArticle(db, id);
    const edits: Edit[] = [];
    for (const f of ARTICLE_FIELDS) {
      const value = change.fields?.[f];
      if (value === undefined || value === article.fields[f]) continue;
      db.prepare(`UPDATE articles SET ${f} = ? WHERE id = ?`).run(value, id);
      edits.push({ entity: 'article', entityId: id, field: f, before: article.fields[f], after: value });
    }
    if (change.regionIds) {
      setParts(db, id, change.regionIds);
      edits.push({
        entity: 'article',
        entityId: id,
        field: 'parts',
        before: JSON.stringify(article.regionIds),
        after: JSON.stringify(change.regionIds),
      });
    }
    if (edits.length === 0) return;
    db.prepare('UPDATE articles SET updated_at = ?, accepted = 1 WHERE id = ?').run(nowIso(), id);
    recordChange(db, 'edit article', user, edits);
  }).immediate();
}

/**
 * Appends the continued part of a story (another suggested article) to the article it
 * continues: one article over both pages, still a suggestion until someone accepts it.
 */
export function joinSuggestedArticles(
  db: WritableDB,
  articleId: number,
  continuedId: number,
  user: string,
): void {
  db.transaction(() => {
    const article = getArticle(db, articleId);
    const continued = getArticle(db, continuedId);
    if (
      article.origin !== 'suggested' ||
      continued.origin !== 'suggested' ||
      article.accepted ||
      continued.accepted
    )
      throw new BackfileError(
        'invalid-input',
        'Only suggested articles nobody accepted are linked automatically.',
      );
    const regionIds = [...article.regionIds, ...continued.regionIds];
    db.prepare('UPDATE photos SET article_id = ? WHERE article_id = ?').run(articleId, continuedId);
    db.prepare('DELETE FROM articles WHERE id = ?').run(continuedId);
    setParts(db, articleId, regionIds);
    db.prepare('UPDATE articles SET updated_at = ? WHERE id = ?').run(nowIso(), articleId);
    recordChange(db, 'link continued article', user, [
      {
        entity: 'article',
        entityId: continuedId,
        field: 'record',
        before: JSON.stringify(continued),
        after: null,
      },
      {
        entity: 'article',
        entityId: articleId,
        field: 'parts',
        before: JSON.stringify(article.regionIds),
        after: JSON.stringify(regionIds),
      },
    ]);
  }).immediate();
}

export function deleteArticle(db: WritableDB, id: number, user: string): void {
  db.transaction(() => {
    const article = getArticle(db, id);
    db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    recordChange(db, 'delete article', user, [
      { entity: 'article', entityId: id, field: 'record', before: JSON.stringify(article), after: null },
    ]);
  }).immediate();
}

/**
 * Attaches a photo to an article: the photo region is cut from the page's master raster at full
 * resolution and stored in the database with its caption region and text.
 */
export async function attachPhoto(
  archive: Archive,
  articleId: number,
  photoRegionId: number,
  captionRegionId: number | null,
  user: string,
): Promise<number> {
  getArticle(archive.db, articleId);
  const region = getRegion(archive.db, photoRegionId);
  const page = getPage(archive.db, region.pageId);
  if (!page) throw new BackfileError('not-found', `Page ${region.pageId} is not in the archive.`);
  const { x0, y0, x1, y1 } = region.box;
  const image = await sharp(archive.resolve(page.rasterPath), { limitInputPixels: false })
    .extract({ left: x0, top: y0, width: x1 - x0, height: y1 - y0 })
    .jpeg({ quality: 92 })
    .toBuffer();
  const caption = captionRegionId === null ? null : regionText(archive.db, captionRegionId);
  return archive.db
    .transaction(() => {
      const position =
        ((archive.db
          .prepare('SELECT MAX(position) FROM photos WHERE article_id = ?')
          .pluck()
          .get(articleId) as number | null) ?? -1) + 1;
      const id = Number(
        archive.db
          .prepare(
            `INSERT INTO photos (article_id, position, region_id, caption_region_id, caption, media_type, width, height, image)
           VALUES (?, ?, ?, ?, ?, 'image/jpeg', ?, ?, ?)`,
          )
          .run(articleId, position, photoRegionId, captionRegionId, caption, x1 - x0, y1 - y0, image)
          .lastInsertRowid,
      );
      recordChange(archive.db, 'attach photo', user, [
        { entity: 'photo', entityId: id, field: 'record', before: null, after: String(photoRegionId) },
      ]);
      return id;
    })
    .immediate();
}

/** A region's current text, its lines joined as paragraphs. */
export function regionText(db: WritableDB, regionId: number): string {
  return (
    db
      .prepare('SELECT text FROM lines WHERE region_id = ? ORDER BY position, id')
      .pluck()
      .all(regionId) as string[]
  ).join('\n');
}

export function revertArticleEdit(db: WritableDB, edit: Edit): void {
  if (edit.field === 'parts') {
    if (edit.before === null) db.prepare('DELETE FROM articles WHERE id = ?').run(edit.entityId);
    else setParts(db, edit.entityId, JSON.parse(edit.before) as number[]);
  } else if ((ARTICLE_FIELDS as readonly string[]).includes(edit.field)) {
    db.prepare(`UPDATE articles SET ${edit.field} = ? WHERE id = ?`).run(edit.before, edit.entityId);
  } else if (edit.field === 'record' && edit.before) {
    const a = JSON.parse(edit.before) as ArticleRecord;
    const now = nowIso();
    db.prepare(
      'INSERT INTO articles (id, issue_id, origin, accepted, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(a.id, a.issueId, a.origin, a.accepted ? 1 : 0, a.status, now, now);
    for (const f of ARTICLE_FIELDS)
      db.prepare(`UPDATE articles SET ${f} = ? WHERE id = ?`).run(a.fields[f], a.id);
    setParts(db, a.id, a.regionIds);
  }
}

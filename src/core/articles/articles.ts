// Articles: an ordered list of regions, on one page or continued on later pages, with fields the
// user can set (headline, kicker, subhead, byline, dateline, section, body override), and photos
// saved as full-resolution crops beside their captions.

import type { ReadableDB, WritableDB } from '../archive/db-handles.ts';
import sharp from 'sharp';
import type { Archive } from '../archive/archive.ts';
import { recordChange, type Edit } from '../archive/history.ts';
import { getPage } from '../archive/pages.ts';
import { BackfileError } from '../../shared/errors.ts';
import { getRegion, issueOfRegion } from '../archive/region-rows.ts';
import {
  ARTICLE_FIELDS,
  articleIds,
  articleRow,
  deleteArticleRow,
  insertArticle,
  partRegionIds,
  regionsInOtherArticles,
  replaceParts,
  setArticleAccepted,
  setArticleField,
  touchArticle,
  type ArticleField,
  type ArticleFields,
  type ArticleOrigin,
} from '../archive/article-rows.ts';
import { insertPhoto, movePhotos } from '../archive/photo-rows.ts';
import { regionText } from '../archive/line-rows.ts';

export { ARTICLE_FIELDS, type ArticleField, type ArticleFields } from '../archive/article-rows.ts';

export interface ArticleRecord {
  id: number;
  issueId: number;
  fields: Record<ArticleField, string | null>;
  regionIds: number[];
  origin: ArticleOrigin;
  accepted: boolean;
  status: string;
}

export function getArticle(db: ReadableDB, id: number): ArticleRecord {
  const row = articleRow(db, id);
  if (!row) throw new BackfileError('not-found', `No article ${id}.`);
  const { statusReason: _reason, ...record } = row;
  return { ...record, regionIds: partRegionIds(db, id) };
}

export function listArticles(db: ReadableDB, issueId?: number): ArticleRecord[] {
  return articleIds(db, issueId === undefined ? undefined : [issueId]).map((id) => getArticle(db, id));
}

function setParts(db: WritableDB, articleId: number, regionIds: readonly number[]): void {
  const issues = new Set(regionIds.map((id) => (getRegion(db, id), issueOfRegion(db, id))));
  if (issues.size > 1)
    throw new BackfileError('invalid-input', 'An article continues across pages of one issue only.', {
      reason: 'article-one-issue',
    });
  const taken = regionsInOtherArticles(db, articleId, regionIds);
  if (taken.length > 0)
    throw new BackfileError(
      'invalid-input',
      `Region ${taken.join(', ')} already belongs to another article.`,
      {
        reason: 'region-in-other-article',
      },
    );
  replaceParts(db, articleId, regionIds);
}

export function createArticle(
  db: WritableDB,
  regionIds: readonly number[],
  fields: ArticleFields,
  user: string,
  origin: ArticleOrigin = 'user',
): number {
  if (regionIds.length === 0)
    throw new BackfileError('invalid-input', 'An article needs at least one region.', {
      reason: 'article-needs-region',
    });
  return db
    .transaction(() => {
      const issueId = issueOfRegion(db, getRegion(db, regionIds[0]!).id)!;
      const id = insertArticle(db, { issueId, origin, fields });
      setParts(db, id, regionIds);
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
      setArticleField(db, id, f, value);
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
    touchArticle(db, id, true);
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
    movePhotos(db, continuedId, articleId);
    deleteArticleRow(db, continuedId);
    setParts(db, articleId, regionIds);
    touchArticle(db, articleId, false);
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
    deleteArticleRow(db, id);
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
      const id = insertPhoto(archive.db, {
        articleId,
        regionId: photoRegionId,
        captionRegionId,
        caption,
        mediaType: 'image/jpeg',
        width: x1 - x0,
        height: y1 - y0,
        image,
      });
      recordChange(archive.db, 'attach photo', user, [
        { entity: 'photo', entityId: id, field: 'record', before: null, after: String(photoRegionId) },
      ]);
      return id;
    })
    .immediate();
}

export function revertArticleEdit(db: WritableDB, edit: Edit): void {
  if (edit.field === 'parts') {
    if (edit.before === null) deleteArticleRow(db, edit.entityId);
    else setParts(db, edit.entityId, JSON.parse(edit.before) as number[]);
  } else if ((ARTICLE_FIELDS as readonly string[]).includes(edit.field)) {
    setArticleField(db, edit.entityId, edit.field as ArticleField, edit.before);
  } else if (edit.field === 'accepted') {
    setArticleAccepted(db, edit.entityId, edit.before === '1');
  } else if (edit.field === 'record') {
    if (edit.before) {
      const a = JSON.parse(edit.before) as ArticleRecord;
      insertArticle(db, { issueId: a.issueId, origin: a.origin, fields: a.fields }, a);
      setParts(db, a.id, a.regionIds);
      // A redo of a deletion: the article goes again.
    } else deleteArticleRow(db, edit.entityId);
  }
}

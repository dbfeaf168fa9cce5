// A suggested article (from the layout step, `backfile segment`) waits for a person. Accepting it
// keeps the article and its regions as they are, safe from the next suggestion run, which
// replaces only what nobody accepted. Rejecting it removes the article and the regions it
// suggested, so the page's lines fall back to no region. Each is one recorded change: undo
// brings the suggestion back, all but the photo crops a rejection dropped with it (they are
// copies cut from the page image; the next suggestion run cuts them again).

import type { WritableDB } from '../archive/db-handles.ts';
import { recordChange, type Edit } from '../archive/history.ts';
import { assignLinesToRegions } from '../archive/line-regions.ts';
import { deleteArticleRow, setArticleAccepted, unacceptedPartRegionIds } from '../archive/article-rows.ts';
import { acceptRegionRow, deleteRegionRow, getRegion, regionSnapshot } from '../archive/region-rows.ts';
import { BackfileError } from '../../shared/errors.ts';
import { getArticle, type ArticleRecord } from './articles.ts';

function suggestion(db: WritableDB, articleId: number): ArticleRecord {
  const article = getArticle(db, articleId);
  if (article.origin !== 'suggested' || article.accepted)
    throw new BackfileError(
      'invalid-input',
      `Article ${articleId} is not a suggestion waiting for a decision: it was made or accepted by a person.`,
    );
  return article;
}

export function acceptSuggestion(db: WritableDB, articleId: number, user: string): void {
  db.transaction(() => {
    suggestion(db, articleId);
    const edits: Edit[] = [];
    for (const regionId of unacceptedPartRegionIds(db, articleId)) {
      const before = regionSnapshot(db, regionId);
      acceptRegionRow(db, regionId);
      edits.push({
        entity: 'region',
        entityId: regionId,
        field: 'row',
        before,
        after: regionSnapshot(db, regionId),
      });
    }
    setArticleAccepted(db, articleId, true);
    edits.push({ entity: 'article', entityId: articleId, field: 'accepted', before: '0', after: '1' });
    recordChange(db, 'accept suggested article', user, edits);
  }).immediate();
}

export function rejectSuggestion(db: WritableDB, articleId: number, user: string): void {
  db.transaction(() => {
    const article = suggestion(db, articleId);
    // Regions a person has since accepted or reshaped stay; only the suggestion's own go.
    const regions = unacceptedPartRegionIds(db, articleId).map((id) => ({
      id,
      pageId: getRegion(db, id).pageId,
      before: regionSnapshot(db, id),
    }));
    deleteArticleRow(db, articleId);
    for (const r of regions) deleteRegionRow(db, r.id);
    for (const pageId of new Set(regions.map((r) => r.pageId))) assignLinesToRegions(db, pageId);
    recordChange(db, 'reject suggested article', user, [
      {
        entity: 'article',
        entityId: articleId,
        field: 'record',
        before: JSON.stringify(article),
        after: null,
      },
      ...regions.map((r): Edit => ({
        entity: 'region',
        entityId: r.id,
        field: 'row',
        before: r.before,
        after: null,
      })),
    ]);
  }).immediate();
}

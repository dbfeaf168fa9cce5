// A clean article from its regions: title, kicker, subhead, byline and dateline from the regions
// with those roles, the body in reading order (wrapped lines joined, paragraphs kept, jump lines
// left out), photos with their captions. Fields the user set win over what the regions say.

import type { ReadableDB } from '../archive/db-handles.ts';
import { pairCaptions } from './photo-captions.ts';
import { linesToParagraphs } from '../../shared/text/paragraphs.ts';
import { joinLines } from '../../shared/text/normalise.ts';
import type { RegionRole } from '../../shared/model.ts';
import { getArticle, type ArticleField } from './articles.ts';
import { articleParts, type ArticlePart } from '../archive/article-rows.ts';
import { articlePhotos } from '../archive/photo-rows.ts';
import { regionLines } from '../archive/line-rows.ts';
import type { AssembledArticle, AssembledPhoto } from '../../shared/article.ts';

export type { AssembledArticle, AssembledPhoto };

export interface AssembleOptions {
  /** Only the article's part on this page (a story that jumps has one part per page). */
  pageId?: number;
}

export function assembleArticle(
  db: ReadableDB,
  articleId: number,
  options: AssembleOptions = {},
): AssembledArticle {
  const article = getArticle(db, articleId);
  const all = articleParts(db, articleId);
  const parts = options.pageId === undefined ? all : all.filter((p) => p.pageId === options.pageId);
  // A story continued on another page repeats its headline (and kicker) there, smaller: the
  // article has one headline, the one on the page where it starts.
  const firstPage = parts[0]?.pageId;
  const repeated = (part: ArticlePart) =>
    part.pageId !== firstPage && (part.role === 'headline' || part.role === 'kicker');
  const linesOf = (id: number) => regionLines(db, id);
  const single: Partial<Record<RegionRole, string[]>> = {};
  const paragraphs: string[] = [];
  const photos: AssembledPhoto[] = [];
  const trailingByline: string[] = [];
  const captionPhoto = pairCaptions(
    parts.filter((p) => p.role === 'photo'),
    parts.filter((p) => p.role === 'caption'),
  );
  const captionOf = new Map<number, string>();
  for (const part of parts)
    if (part.role === 'caption' && captionPhoto.has(part.regionId))
      captionOf.set(captionPhoto.get(part.regionId)!, joinLines(linesOf(part.regionId).map((l) => l.text)));
  for (const part of parts) {
    if (repeated(part)) continue;
    const lines = linesOf(part.regionId);
    if (part.role === 'body' || part.role === 'other') {
      // A column that starts mid-paragraph continues the previous column's last paragraph.
      const columnParagraphs = linesToParagraphs(lines);
      const first = lines[0];
      const indented =
        first &&
        lines.length > 1 &&
        first.box.x0 - Math.min(...lines.map((l) => l.box.x0)) > 0.8 * (first.box.y1 - first.box.y0);
      if (paragraphs.length > 0 && columnParagraphs.length > 0 && !indented) {
        paragraphs[paragraphs.length - 1] = joinLines([paragraphs.at(-1)!, columnParagraphs.shift()!]);
      }
      paragraphs.push(...columnParagraphs);
    } else if (part.role === 'photo') {
      photos.push({
        photoId: null,
        regionId: part.regionId,
        pageId: part.pageId,
        caption: captionOf.get(part.regionId) ?? null,
      });
    } else if (part.role === 'caption') {
      // Paired with its photo above; a caption with no photo of its own stands alone.
      if (!captionPhoto.has(part.regionId))
        photos.push({
          photoId: null,
          regionId: null,
          pageId: part.pageId,
          caption: joinLines(lines.map((l) => l.text)),
        });
    } else if (part.role === 'subhead' && paragraphs.length > 0) {
      // A subhead inside the body is an intertitle: it stays in place among the paragraphs.
      paragraphs.push(joinLines(lines.map((l) => l.text)));
    } else if (part.role === 'byline' && paragraphs.length > 0) {
      // A byline after the body is printed at its end, e.g. a trailing "（路小飞）".
      trailingByline.push(joinLines(lines.map((l) => l.text)));
    } else if (part.role !== 'jump') {
      (single[part.role] ??= []).push(joinLines(lines.map((l) => l.text)));
    }
  }
  // Photos saved with the article (crops) carry their own caption.
  const saved = articlePhotos(db, articleId);
  const onPage = new Set(parts.map((p) => p.regionId));
  for (const s of saved) {
    // A part on one page holds the photos of that page only.
    if (options.pageId !== undefined && (s.regionId === null || !onPage.has(s.regionId))) continue;
    const match = photos.find((p) => p.regionId !== null && p.regionId === s.regionId);
    if (match) {
      match.photoId = s.id;
      match.caption ??= s.caption;
    } else
      photos.push({
        photoId: s.id,
        regionId: s.regionId,
        pageId: parts[0]?.pageId ?? 0,
        caption: s.caption,
      });
  }
  const field = (name: ArticleField, role: RegionRole) =>
    article.fields[name] ?? (single[role] ? single[role]!.join(' ') : null);
  const body = article.fields.bodyOverride;
  return {
    id: article.id,
    issueId: article.issueId,
    pages: [...new Set(parts.map((p) => p.pageId))],
    headline: field('headline', 'headline'),
    kicker: field('kicker', 'kicker'),
    subhead: field('subhead', 'subhead'),
    byline: article.fields.byline ?? ([...(single.byline ?? []), ...trailingByline].join(' ') || null),
    bylineAtEnd: !single.byline && trailingByline.length > 0,
    dateline: field('dateline', 'dateline'),
    section: article.fields.section,
    paragraphs: body !== null ? body.split(/\n+/).filter(Boolean) : paragraphs,
    photos,
  };
}

// A clean article from its regions: title, kicker, subhead, byline and dateline from the regions
// with those roles, the body in reading order (wrapped lines joined, paragraphs kept, jump lines
// left out), photos with their captions. Fields the user set win over what the regions say.

import type { ReadableDB } from '../archive/db-handles.ts';
import { pairCaptions } from './photo-captions.ts';
import { linesToParagraphs } from '../../shared/text/paragraphs.ts';
import { joinLines } from '../../shared/text/normalise.ts';
import type { RegionRole } from '../../shared/model.ts';
import { getArticle, type ArticleField } from './articles.ts';
import type { AssembledArticle, AssembledPhoto } from '../../shared/article.ts';

export type { AssembledArticle, AssembledPhoto };

interface PartRow {
  region_id: number;
  role: RegionRole;
  page_id: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface LineRow {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

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
  const all = db
    .prepare(
      `SELECT ap.region_id, r.role, r.page_id, r.x0, r.y0, r.x1, r.y1 FROM article_parts ap JOIN regions r ON r.id = ap.region_id
       WHERE ap.article_id = ? ORDER BY ap.position`,
    )
    .all(articleId) as PartRow[];
  const parts = options.pageId === undefined ? all : all.filter((p) => p.page_id === options.pageId);
  // A story continued on another page repeats its headline (and kicker) there, smaller: the
  // article has one headline, the one on the page where it starts.
  const firstPage = parts[0]?.page_id;
  const repeated = (part: PartRow) =>
    part.page_id !== firstPage && (part.role === 'headline' || part.role === 'kicker');
  const linesOf = db.prepare(
    'SELECT text, x0, y0, x1, y1 FROM lines WHERE region_id = ? ORDER BY position, id',
  );
  const regionLines = (id: number) =>
    (linesOf.all(id) as LineRow[]).map((l) => ({
      text: l.text,
      box: { x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1 },
    }));
  const single: Partial<Record<RegionRole, string[]>> = {};
  const paragraphs: string[] = [];
  const photos: AssembledPhoto[] = [];
  const trailingByline: string[] = [];
  const placed = (p: PartRow) => ({
    regionId: p.region_id,
    pageId: p.page_id,
    box: { x0: p.x0, y0: p.y0, x1: p.x1, y1: p.y1 },
  });
  const captionPhoto = pairCaptions(
    parts.filter((p) => p.role === 'photo').map(placed),
    parts.filter((p) => p.role === 'caption').map(placed),
  );
  const captionOf = new Map<number, string>();
  for (const part of parts)
    if (part.role === 'caption' && captionPhoto.has(part.region_id))
      captionOf.set(
        captionPhoto.get(part.region_id)!,
        joinLines(regionLines(part.region_id).map((l) => l.text)),
      );
  for (const part of parts) {
    if (repeated(part)) continue;
    const lines = regionLines(part.region_id);
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
        regionId: part.region_id,
        pageId: part.page_id,
        caption: captionOf.get(part.region_id) ?? null,
      });
    } else if (part.role === 'caption') {
      // Paired with its photo above; a caption with no photo of its own stands alone.
      if (!captionPhoto.has(part.region_id))
        photos.push({
          photoId: null,
          regionId: null,
          pageId: part.page_id,
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
  const saved = db
    .prepare('SELECT id, region_id, caption FROM photos WHERE article_id = ? ORDER BY position')
    .all(articleId) as {
    id: number;
    region_id: number | null;
    caption: string | null;
  }[];
  const onPage = new Set(parts.map((p) => p.region_id));
  for (const s of saved) {
    // A part on one page holds the photos of that page only.
    if (options.pageId !== undefined && (s.region_id === null || !onPage.has(s.region_id))) continue;
    const match = photos.find((p) => p.regionId !== null && p.regionId === s.region_id);
    if (match) {
      match.photoId = s.id;
      match.caption ??= s.caption;
    } else
      photos.push({
        photoId: s.id,
        regionId: s.region_id,
        pageId: parts[0]?.page_id ?? 0,
        caption: s.caption,
      });
  }
  const field = (name: ArticleField, role: RegionRole) =>
    article.fields[name] ?? (single[role] ? single[role]!.join(' ') : null);
  const body = article.fields.body_override;
  return {
    id: article.id,
    issueId: article.issueId,
    pages: [...new Set(parts.map((p) => p.page_id))],
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

// `backfile segment`: suggests regions and articles for pages and stores them marked as
// suggestions (origin 'suggested', not accepted) until a user accepts or edits them. Running it
// again replaces earlier suggestions nobody accepted; accepted and user-drawn work is kept.

import type { Archive } from '../archive/archive.ts';
import { getPage } from '../archive/pages.ts';
import { loadPageBlocks } from '../archive/page-text.ts';
import { attachPhoto, createArticle } from '../articles/articles.ts';
import { deleteUnacceptedSuggestions } from '../archive/article-rows.ts';
import { assignLinesToRegions } from '../archive/line-regions.ts';
import { BackfileError } from '../../shared/errors.ts';
import { boxArea, boxToPolygon, intersectBoxes, roundBox, type Box } from '../../shared/geometry.ts';
import { layOutPage } from './page-layout.ts';
import { insertRegion, nextReadingOrder, pageRegions } from '../archive/region-rows.ts';

export interface SegmentSummary {
  pageId: number;
  regions: number;
  articles: number;
  photos: number;
}

const SUGGESTER = 'backfile segment';

/** More than half of the box lies under boxes already on the page. */
function alreadyThere(box: Box, kept: readonly Box[]): boolean {
  const covered = kept.reduce((n, k) => {
    const common = intersectBoxes(box, k);
    return n + (common ? boxArea(common) : 0);
  }, 0);
  return covered > boxArea(box) / 2;
}

export async function segmentArchivePage(
  archive: Archive,
  pageId: number,
  maxPixels = 250_000_000,
): Promise<SegmentSummary> {
  const page = getPage(archive.db, pageId);
  if (!page) throw new BackfileError('not-found', `Page ${pageId} is not in the archive.`);
  const lines = loadPageBlocks(archive.db, pageId).flatMap((b) => b.lines);
  if (lines.length === 0)
    throw new BackfileError(
      'invalid-input',
      `Page ${pageId} has no text yet: run OCR first (or import a PDF with a text layer).`,
    );
  const { layout, boxes } = await layOutPage(archive.resolve(page.rasterPath), page, lines, maxPixels);
  const regions = layout.blocks.map((b, i) => ({ role: b.role, box: boxes[i]! }));
  const db = archive.db;
  let suggested: number[] = [];
  const articleIds: number[] = [];
  const photoLinks: { article: number; photo: number; caption: number | null }[] = [];
  db.transaction(() => {
    // Earlier suggestions nobody accepted go; a region in an accepted article stays.
    deleteUnacceptedSuggestions(db, pageId);
    // What stays is not suggested again: a region mostly under one kept is already there.
    const kept = pageRegions(db, pageId).map((r) => r.box);
    const fresh = (i: number) => !alreadyThere(regions[i]!.box, kept);
    const result = {
      regions,
      header: layout.header.filter(fresh),
      articles: layout.articles.map((a) => a.filter(fresh)),
    };
    const first = nextReadingOrder(db, pageId);
    const order = [
      ...result.header,
      ...result.articles.flat(),
      ...result.regions
        .map((_, i) => i)
        .filter((i) => fresh(i) && !result.header.includes(i) && !result.articles.flat().includes(i)),
    ];
    suggested = order;
    const ids = new Map<number, number>();
    order.forEach((index, position) => {
      const r = result.regions[index]!;
      const b = roundBox(r.box);
      ids.set(
        index,
        insertRegion(db, {
          pageId,
          role: r.role,
          polygon: boxToPolygon(b),
          readingOrder: first + position,
          origin: 'suggested',
        }),
      );
    });
    assignLinesToRegions(db, pageId);
    for (const article of result.articles) {
      if (article.length === 0) continue;
      const id = createArticle(
        db,
        article.map((i) => ids.get(i)!),
        {},
        SUGGESTER,
        'suggested',
      );
      articleIds.push(id);
      article.forEach((index, k) => {
        if (result.regions[index]!.role !== 'photo') return;
        const next = article[k + 1];
        const caption =
          next !== undefined && result.regions[next]!.role === 'caption' ? ids.get(next)! : null;
        photoLinks.push({ article: id, photo: ids.get(index)!, caption });
      });
    }
  }).immediate();
  for (const link of photoLinks)
    await attachPhoto(archive, link.article, link.photo, link.caption, SUGGESTER);
  return {
    pageId,
    regions: suggested.length,
    articles: articleIds.length,
    photos: suggested.filter((i) => regions[i]!.role === 'photo').length,
  };
}

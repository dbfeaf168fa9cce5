// What issue-level exports (METS, IIIF, searchable PDF) write from: the issue's metadata, its
// pages in order with their export models, and its articles with the regions (and so the ALTO
// blocks) they are made of.

import type { Archive } from '../archive/archive.ts';
import { listPages, type PageListing } from '../archive/pages.ts';
import { issueLabel } from '../archive/catalogue.ts';
import { articleIds, partRegionIds } from '../archive/article-rows.ts';
import { assembleArticle, type AssembledArticle } from '../articles/assemble.ts';
import { BackfileError } from '../../shared/errors.ts';
import { pageFileStem } from './file-names.ts';
import { hasAltoBlock, loadExportPage, type ExportPage } from './page-model.ts';

export interface IssuePage {
  listing: PageListing;
  stem: string;
  imageFile: string;
  model: ExportPage;
}

export interface IssueArticle {
  article: AssembledArticle;
  /** For each part: the page's index in `pages` and the region's index in that page's model. */
  parts: { page: number; region: number }[];
}

export interface IssueExport {
  issueId: number;
  title: string;
  date: string;
  edition: string;
  /** As printed on the issue ("第1186期" is number 1186), when known. */
  volume: string | null;
  number: string | null;
  pages: IssuePage[];
  articles: IssueArticle[];
}

/** The name of a page's image in an issue's folder (and in a served manifest). */
export const pageImageFileName = (listing: PageListing, extension: string) =>
  `${pageFileStem(listing)}${extension}`;

export function loadIssueExport(
  archive: Archive,
  issueId: number,
  imageExtension: (listing: PageListing) => string,
): IssueExport {
  const issue = issueLabel(archive.db, issueId);
  if (!issue) throw new BackfileError('not-found', `No issue ${issueId}.`);
  const pages = listPages(archive.db)
    .filter((p) => p.issueId === issueId)
    .map((listing) => {
      const stem = pageFileStem(listing);
      const imageFile = pageImageFileName(listing, imageExtension(listing));
      return { listing, stem, imageFile, model: loadExportPage(archive, listing.id, imageFile) };
    });
  const articles = articleIds(archive.db, [issueId]).map((id) => {
    const parts = partRegionIds(archive.db, id).flatMap((regionId) => {
      const page = pages.findIndex((p) => p.model.regions.some((r) => r.id === regionId));
      if (page < 0) return [];
      const region = pages[page]!.model.regions.findIndex((r) => r.id === regionId);
      if (!hasAltoBlock(pages[page]!.model.regions[region]!)) return [];
      return [{ page, region }];
    });
    return { article: assembleArticle(archive.db, id), parts };
  });
  return { issueId, ...issue, pages, articles };
}

/** The ID the ALTO writer gives a region's block: p<page id>_r<index + 1>. */
export function altoBlockId(page: IssuePage, regionIndex: number): string {
  return `p${page.listing.id}_r${regionIndex + 1}`;
}

// IIIF straight from the archive, as `backfile serve` offers it: each issue's manifest (the one
// the IIIF export writes, with every id under the server's own URL) and its page images, and a
// collection of all issues, so that a IIIF viewer opens an issue without anything published.

import path from 'node:path';
import type { Archive } from '../archive/archive.ts';
import { listPages, type PageListing } from '../archive/pages.ts';
import { loadIssueExport, pageImageFileName } from '../export/issue-model.ts';
import { issueToIiif } from '../export/formats/iiif.ts';

const imageExtension = (listing: PageListing) => path.extname(listing.rasterPath).toLowerCase();
const issueBase = (base: string, issueId: number) => `${base.replace(/\/$/, '')}/issues/${issueId}`;

/** The issue's manifest with every id under `base`; null when there is no such issue. */
export function servedManifest(archive: Archive, issueId: number, base: string): object | null {
  if (!listPages(archive.reader).some((p) => p.issueId === issueId)) return null;
  return issueToIiif(loadIssueExport(archive, issueId, imageExtension), issueBase(base, issueId));
}

/** The page image a served manifest names `name`, as a file in the archive; null when none. */
export function servedImage(archive: Archive, issueId: number, name: string): string | null {
  const page = listPages(archive.reader).find(
    (p) => p.issueId === issueId && pageImageFileName(p, imageExtension(p)) === name,
  );
  return page ? archive.resolve(page.rasterPath) : null;
}

/** A IIIF collection of every issue in the archive, by title and date. */
export function servedCollection(archive: Archive, base: string): object {
  const issues = new Map<number, PageListing>();
  for (const p of listPages(archive.reader)) if (!issues.has(p.issueId)) issues.set(p.issueId, p);
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${base.replace(/\/$/, '')}/collection.json`,
    type: 'Collection',
    label: { none: ['Backfile'] },
    items: [...issues.values()].map((p) => ({
      id: `${issueBase(base, p.issueId)}/manifest.json`,
      type: 'Manifest',
      label: { none: [`${p.title} ${p.date}`.trim()] },
    })),
  };
}

// Regions and articles suggested for a set of pages, as `backfile segment` and the app's
// "Suggest regions and articles" ask for them: page by page (a page that cannot be laid out, for
// one without text, says why and the rest go on), then the stories that jump between pages of
// each issue touched are linked into one article.

import type { Archive } from '../archive/archive.ts';
import { getPage } from '../archive/pages.ts';
import { toErrorInfo, type ErrorInfo } from '../../shared/errors.ts';
import { linkIssueJumps } from './jumps.ts';
import { segmentArchivePage, type SegmentSummary } from './segment-service.ts';

export type PageSuggestion = SegmentSummary | { pageId: number; error: ErrorInfo };

export interface SuggestionRun {
  pages: PageSuggestion[];
  /** Continued stories linked into one article, over all issues touched. */
  linked: number;
}

export async function suggestPages(
  archive: Archive,
  pageIds: readonly number[],
  onPage: (result: PageSuggestion) => void = () => {},
): Promise<SuggestionRun> {
  const pages: PageSuggestion[] = [];
  const issues = new Set<number>();
  for (const pageId of pageIds) {
    const page = getPage(archive.db, pageId);
    if (page) issues.add(page.issueId);
    let result: PageSuggestion;
    try {
      result = await segmentArchivePage(archive, pageId);
    } catch (error) {
      result = { pageId, error: toErrorInfo(error) };
    }
    pages.push(result);
    onPage(result);
  }
  let linked = 0;
  for (const issueId of issues) linked += linkIssueJumps(archive, issueId);
  return { pages, linked };
}

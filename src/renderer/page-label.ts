// How a page is named wherever the app shows it (its card in the library, its job in the
// background work, the page view's heading, a group of search hits): newspaper · issue date (in
// the reader's way of writing dates) ·
// printed page number (its place in the issue where none is known), never the archive's page id.

import type { TFunction } from 'i18next';
import type { PageSummary } from '../shared/api/contract.ts';
import { issueDate } from './i18n/dates.ts';

export function pageLabel(
  page: Pick<PageSummary, 'title' | 'date' | 'sequence'> & { printedNumber?: string | null },
  t: TFunction,
): string {
  return `${page.title} · ${page.date ? issueDate(page.date) : t('undated')} · ${t('page', { n: page.printedNumber ?? page.sequence })}`;
}

// How a page is named wherever the app lists it (its card in the library, its job in the
// background work): newspaper · issue date · printed page number, never the archive's page id.

import type { TFunction } from 'i18next';
import type { PageSummary } from '../../shared/api/contract.ts';

export function pageLabel(page: PageSummary, t: TFunction): string {
  return `${page.title} · ${page.date || t('undated')} · ${t('page', { n: page.printedNumber ?? page.sequence })}`;
}

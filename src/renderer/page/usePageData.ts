// The page view's data: the page, its lines, regions and articles, loaded together and loaded
// again whenever the archive changes (an edit here, OCR finishing, another window). The page
// view is keyed by page, so another page starts from nothing.

import { useCallback } from 'react';
import { useArchiveData } from '../useArchiveData.ts';
import type {
  ArticleView,
  BackfileApi,
  PageLines,
  PageDetail,
  RegionView,
} from '../../shared/api/contract.ts';

export interface PageData {
  page: PageDetail;
  lines: PageLines['lines'];
  regions: RegionView[];
  articles: ArticleView[];
}

async function loadPage(api: BackfileApi, pageId: number): Promise<PageData> {
  const [page, lines, regions, articles] = await Promise.all([
    api.call('getPage', { pageId }),
    api.call('pageLines', { pageId }),
    api.call('pageRegions', { pageId }),
    api.call('pageArticles', { pageId }),
  ]);
  return { page, lines: lines.lines, regions, articles };
}

export function usePageData(api: BackfileApi, pageId: number) {
  const load = useCallback(() => loadPage(api, pageId), [api, pageId]);
  return useArchiveData(api, load);
}

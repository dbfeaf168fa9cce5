// The page view's data: the page, its lines, regions and articles, loaded together and loaded
// again whenever the archive changes (an edit here, OCR finishing, another window). The page
// view is keyed by page, so another page starts from nothing.

import { useEffect, useState } from 'react';
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
  const [data, setData] = useState<PageData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      loadPage(api, pageId).then(
        (d) => {
          if (!live) return;
          setData(d);
          setError(null);
        },
        (e: Error) => live && setError(e.message),
      );
    void load();
    const unsubscribe = api.subscribe((event) => {
      if (event.type === 'archive-changed') void load();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, pageId]);
  return { data, error, setError };
}

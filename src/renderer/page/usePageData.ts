// The page view's data: the page, its lines, regions and articles. Loaded whole when the view
// opens (and after a change the core cannot place); after a change it can place, only the parts
// of this page it reached, and of the lines only those a correction touched: proofreading a
// 300-line page reads one line back per saved line, not the page four times over. A change on
// another page costs this view nothing. The page view is keyed by page, so another page starts
// from nothing.

import { useEffect, useState } from 'react';
import { PAGE_PARTS } from '../../shared/model.ts';
import type {
  ArticleView,
  BackfileApi,
  ChangeReach,
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

/** The parts a change reached, read afresh; null for a part it did not reach. */
async function loadReached(api: BackfileApi, pageId: number, reach: ChangeReach) {
  const parts = new Set(reach.parts);
  const [page, lines, regions, articles] = await Promise.all([
    parts.has('page') ? api.call('getPage', { pageId }) : null,
    parts.has('lines')
      ? api.call('pageLines', reach.lines.length > 0 ? { pageId, lineIds: reach.lines } : { pageId })
      : null,
    parts.has('regions') ? api.call('pageRegions', { pageId }) : null,
    parts.has('articles') ? api.call('pageArticles', { pageId }) : null,
  ]);
  return { page, lines: lines?.lines ?? null, someLines: reach.lines.length > 0, regions, articles };
}

/** The whole page: every part reached. */
async function loadPage(api: BackfileApi, pageId: number): Promise<PageData> {
  const r = await loadReached(api, pageId, { pages: [pageId], parts: [...PAGE_PARTS], lines: [] });
  return { page: r.page!, lines: r.lines!, regions: r.regions!, articles: r.articles! };
}

/** The lines with those read afresh put in their places. */
export function patchLines(lines: PageData['lines'], fresh: PageData['lines']): PageData['lines'] {
  const byId = new Map(fresh.map((l) => [l.id, l]));
  return lines.map((l) => byId.get(l.id) ?? l);
}

export function usePageData(api: BackfileApi, pageId: number) {
  const [data, setData] = useState<PageData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const fail = (e: Error) => live && setError(e.message);
    const loadAll = () =>
      loadPage(api, pageId).then((d) => {
        if (!live) return;
        setData(d);
        setError(null);
      }, fail);
    void loadAll();
    const unsubscribe = api.subscribe((event) => {
      if (event.type !== 'archive-changed') return;
      if (!event.reach) return void loadAll();
      if (!event.reach.pages.includes(pageId)) return;
      loadReached(api, pageId, event.reach).then((r) => {
        if (!live) return;
        setData(
          (current) =>
            current && {
              page: r.page ?? current.page,
              lines: r.lines ? (r.someLines ? patchLines(current.lines, r.lines) : r.lines) : current.lines,
              regions: r.regions ?? current.regions,
              articles: r.articles ?? current.articles,
            },
        );
      }, fail);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, pageId]);
  return { data, error, setError };
}

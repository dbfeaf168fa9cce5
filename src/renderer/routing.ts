// Where the app is, kept in the URL's hash so a reload (or a search hit's link) lands on the same
// page and line: #/ (library), #/page/12?line=345&q=交城 (page view), #/search?q=交城,
// #/articles?status=new (the collection's articles), #/article/7 (one article's reading view).

import { ARTICLE_STATUSES, type ArticleStatus } from '../shared/model.ts';

export type Route =
  | { view: 'library' }
  | { view: 'page'; pageId: number; lineId: number | null; query: string | null }
  | { view: 'search'; query: string }
  | { view: 'articles'; status: ArticleStatus | null }
  | { view: 'article'; articleId: number };

const isArticleStatus = (s: string | null): s is ArticleStatus =>
  (ARTICLE_STATUSES as readonly (string | null)[]).includes(s);

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(search);
  const page = /^\/page\/(\d+)$/.exec(path);
  if (page) {
    const line = Number(params.get('line'));
    return {
      view: 'page',
      pageId: Number(page[1]),
      lineId: Number.isInteger(line) && line > 0 ? line : null,
      query: params.get('q') || null,
    };
  }
  if (path === '/search') return { view: 'search', query: params.get('q') ?? '' };
  const article = /^\/article\/(\d+)$/.exec(path);
  if (article) return { view: 'article', articleId: Number(article[1]) };
  if (path === '/articles') {
    const status = params.get('status');
    return { view: 'articles', status: isArticleStatus(status) ? status : null };
  }
  return { view: 'library' };
}

export function routeHash(route: Route): string {
  if (route.view === 'page') {
    const params = new URLSearchParams();
    if (route.lineId) params.set('line', String(route.lineId));
    if (route.query) params.set('q', route.query);
    const search = params.toString();
    return `#/page/${route.pageId}${search ? `?${search}` : ''}`;
  }
  if (route.view === 'search') return `#/search?${new URLSearchParams({ q: route.query }).toString()}`;
  if (route.view === 'articles') return route.status ? `#/articles?status=${route.status}` : '#/articles';
  if (route.view === 'article') return `#/article/${route.articleId}`;
  return '#/';
}

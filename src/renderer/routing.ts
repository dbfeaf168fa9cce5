// Where the app is, kept in the URL's hash so a reload (or a search hit's link) lands on the same
// page and line: #/ (library), #/page/12?line=345&q=交城 (page view), #/search?q=交城.

export type Route =
  | { view: 'library' }
  | { view: 'page'; pageId: number; lineId: number | null; query: string | null }
  | { view: 'search'; query: string };

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
  return '#/';
}

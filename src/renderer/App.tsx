import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackfileApi } from '../shared/api/contract.ts';
import { Library } from './library/Library.tsx';
import { PageView } from './page/PageView.tsx';
import { SearchView } from './search/SearchView.tsx';
import { ArticlesView } from './articles/ArticlesView.tsx';
import { ArticleRoute } from './articles/ArticleRoute.tsx';
import { parseRoute, routeHash } from './routing.ts';
import { ShortcutSheet } from './ShortcutSheet.tsx';

export function App({ api }: { api: BackfileApi }) {
  const { t, i18n } = useTranslation();
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  const [archiveId, setArchiveId] = useState<string | null>(null);
  useEffect(() => {
    void api.call('archiveInfo', {}).then((info) => setArchiveId(info.archiveId));
  }, [api]);
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const switchTo = (lng: 'en' | 'zh') => {
    window.localStorage.setItem('backfile.language', lng);
    void i18n.changeLanguage(lng);
  };
  return (
    <div className="app">
      <nav className="topbar">
        <strong>{t('appName')}</strong>
        <a href={routeHash({ view: 'library' })}>{t('library')}</a>
        <a href={routeHash({ view: 'articles', status: null })}>{t('articlesView.title')}</a>
        <a href={routeHash({ view: 'search', query: '' })}>{t('search.label')}</a>
        <label>
          {t('language')}{' '}
          <select value={i18n.language} onChange={(e) => switchTo(e.target.value as 'en' | 'zh')}>
            <option value="zh">简体中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <ShortcutSheet />
      </nav>
      {route.view === 'library' && <Library api={api} />}
      {route.view === 'search' && <SearchView key={route.query} api={api} query={route.query} />}
      {route.view === 'articles' && <ArticlesView api={api} status={route.status} />}
      {route.view === 'article' && (
        <ArticleRoute key={route.articleId} api={api} articleId={route.articleId} />
      )}
      {route.view === 'page' && archiveId !== null && (
        <PageView
          key={route.pageId}
          api={api}
          archiveId={archiveId}
          pageId={route.pageId}
          lineId={route.lineId}
          query={route.query}
          onBack={() => (window.location.hash = routeHash({ view: 'library' }))}
        />
      )}
    </div>
  );
}

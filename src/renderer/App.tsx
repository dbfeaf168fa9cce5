import { Classes, HTMLSelect } from '@blueprintjs/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackfileApi } from '../shared/api/contract.ts';
import { Library } from './library/Library.tsx';
import { PageView } from './page/PageView.tsx';
import { SearchView } from './search/SearchView.tsx';
import { ArticlesView } from './articles/ArticlesView.tsx';
import { ArticleRoute } from './articles/ArticleRoute.tsx';
import { parseRoute, routeHash } from './routing.ts';
import { ShortcutSheet } from './ShortcutSheet.tsx';
import { ArticlesIcon, LibraryIcon, SearchIcon } from './theme/icons.ts';
import { THEMES, useTheme, type ThemeChoice } from './theme/useTheme.ts';

/** A link of the top bar, styled as Blueprint's minimal button, marked while its view is open. */
function NavLink({
  href,
  icon,
  current,
  children,
}: {
  href: string;
  icon: ReactNode;
  current: boolean;
  children: ReactNode;
}) {
  return (
    <a
      href={href}
      className={`${Classes.BUTTON} ${Classes.MINIMAL}${current ? ` ${Classes.ACTIVE}` : ''}`}
      aria-current={current ? 'page' : undefined}
    >
      {icon}
      <span className={Classes.BUTTON_TEXT}>{children}</span>
    </a>
  );
}

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
  const [theme, setTheme] = useTheme();
  const switchTo = (lng: 'en' | 'zh') => {
    window.localStorage.setItem('backfile.language', lng);
    void i18n.changeLanguage(lng);
  };
  return (
    <div className="app">
      <nav className={`topbar ${Classes.DARK}`}>
        <strong className="brand">{t('appName')}</strong>
        <span className="topbar-views">
          <NavLink
            href={routeHash({ view: 'library' })}
            icon={<LibraryIcon />}
            current={route.view === 'library'}
          >
            {t('library')}
          </NavLink>
          <NavLink
            href={routeHash({ view: 'articles', status: null })}
            icon={<ArticlesIcon />}
            current={route.view === 'articles' || route.view === 'article'}
          >
            {t('articlesView.title')}
          </NavLink>
          <NavLink
            href={routeHash({ view: 'search', query: '' })}
            icon={<SearchIcon />}
            current={route.view === 'search'}
          >
            {t('search.label')}
          </NavLink>
        </span>
        <span className="topbar-end">
          <label>
            {t('language')}{' '}
            <HTMLSelect
              minimal
              value={i18n.language}
              onChange={(e) => switchTo(e.target.value as 'en' | 'zh')}
            >
              <option value="zh">简体中文</option>
              <option value="en">English</option>
            </HTMLSelect>
          </label>
          <label>
            {t('theme.label')}{' '}
            <HTMLSelect minimal value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
              {THEMES.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`theme.${choice}`)}
                </option>
              ))}
            </HTMLSelect>
          </label>
          <ShortcutSheet />
        </span>
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

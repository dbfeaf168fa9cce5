// One article on its own (#/article/7): its reading view with the same editing, status and
// suggestion decision as the page's Articles tab, and links to the pages it is printed on.

import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackfileApi } from '../../shared/api/contract.ts';
import { pageLabel } from '../page-label.ts';
import { ArticlePanel } from '../page/ArticlePanel.tsx';
import { routeHash } from '../routing.ts';
import { useArchiveData } from '../useArchiveData.ts';

export function ArticleRoute({ api, articleId }: { api: BackfileApi; articleId: number }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const article = await api.call('getArticle', { articleId });
    const pages = await Promise.all(article.pages.map((pageId) => api.call('getPage', { pageId })));
    return { article, pages };
  }, [api, articleId]);
  // Rejected or deleted while open: say so rather than show a stale article.
  const { data, error: gone } = useArchiveData(api, load);
  const shown = gone === null ? data : null;
  return (
    <section className="article-route">
      <header className="toolbar">
        <a href={routeHash({ view: 'articles', status: null })}>← {t('articlesView.title')}</a>
        {shown?.pages.map((page) => (
          <a key={page.id} href={routeHash({ view: 'page', pageId: page.id, lineId: null, query: null })}>
            {pageLabel(page, t)}
          </a>
        ))}
      </header>
      {error && <p className="error">{error}</p>}
      {gone && <p className="empty">{t('articlesView.gone')}</p>}
      {shown && <ArticlePanel api={api} articles={[shown.article]} onError={setError} />}
    </section>
  );
}

// One article on its own (#/article/7): its reading view with the same editing, status and
// suggestion decision as the page's Articles tab, and links to the pages it is printed on.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleView, BackfileApi, PageDetail } from '../../shared/api/contract.ts';
import { pageLabel } from '../page-label.ts';
import { ArticlePanel } from '../page/ArticlePanel.tsx';
import { routeHash } from '../routing.ts';

export function ArticleRoute({ api, articleId }: { api: BackfileApi; articleId: number }) {
  const { t } = useTranslation();
  const [article, setArticle] = useState<ArticleView | null>(null);
  const [pages, setPages] = useState<PageDetail[]>([]);
  const [gone, setGone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      api.call('getArticle', { articleId }).then(
        async (a) => {
          const printed = await Promise.all(a.pages.map((pageId) => api.call('getPage', { pageId })));
          if (!live) return;
          setArticle(a);
          setPages(printed);
          setGone(false);
        },
        // Rejected or deleted while open: say so rather than show a stale article.
        () => live && (setArticle(null), setGone(true)),
      );
    void load();
    const unsubscribe = api.subscribe((event) => {
      if (event.type === 'archive-changed') void load();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, articleId]);
  return (
    <section className="article-route">
      <header className="toolbar">
        <a href={routeHash({ view: 'articles', status: null })}>← {t('articlesView.title')}</a>
        {pages.map((page) => (
          <a key={page.id} href={routeHash({ view: 'page', pageId: page.id, lineId: null, query: null })}>
            {pageLabel(page, t)}
          </a>
        ))}
      </header>
      {error && <p className="error">{error}</p>}
      {gone && <p className="empty">{t('articlesView.gone')}</p>}
      {article && <ArticlePanel api={api} articles={[article]} onError={setError} />}
    </section>
  );
}

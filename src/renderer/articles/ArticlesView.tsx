// Every article of the collection: headline, newspaper and date, the pages it is printed on,
// review status, whether it is still a suggestion, and its length; filtered by status (kept in
// the URL). A headline opens the article's reading view.

import { issueDate } from '../i18n/dates.ts';
import { HTMLSelect } from '@blueprintjs/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackfileApi } from '../../shared/api/contract.ts';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../shared/model.ts';
import { routeHash } from '../routing.ts';
import { useArchiveData } from '../useArchiveData.ts';

interface Props {
  api: BackfileApi;
  status: ArticleStatus | null;
}

export function ArticlesView({ api, status }: Props) {
  const { t, i18n } = useTranslation();
  const load = useCallback(() => api.call('listArticles', status ? { status } : {}), [api, status]);
  const { data: articles, error } = useArchiveData(api, load);
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <section className="articles-view">
      <header className="toolbar">
        <h1>{t('articlesView.title')}</h1>
        <HTMLSelect
          aria-label={t('review.status')}
          value={status ?? ''}
          onChange={(e) =>
            (window.location.hash = routeHash({
              view: 'articles',
              status: (e.target.value || null) as ArticleStatus | null,
            }))
          }
        >
          <option value="">{t('search.anyStatus')}</option>
          {ARTICLE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </HTMLSelect>
        {articles && <span aria-live="polite">{t('articlesView.count', { count: articles.length })}</span>}
      </header>
      {error && <p className="error">{error}</p>}
      {articles?.length === 0 && <p className="empty">{t('articlesView.none')}</p>}
      {articles && articles.length > 0 && (
        <table className="articles-table">
          <thead>
            <tr>
              <th>{t('articles.headline')}</th>
              <th>{t('articlesView.issue')}</th>
              <th>{t('articlesView.pages')}</th>
              <th>{t('review.status')}</th>
              <th>{t('articlesView.length')}</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id} data-article-id={a.id}>
                <td>
                  <a href={routeHash({ view: 'article', articleId: a.id })}>
                    {a.headline ?? t('articles.untitled', { id: a.id })}
                  </a>
                  {a.suggested && <span className="badge">{t('suggest.suggested')}</span>}
                </td>
                <td>
                  {a.title} · {a.date ? issueDate(a.date) : t('undated')}
                </td>
                <td>
                  {a.pages.map((p) => (
                    <a
                      key={p.id}
                      className="page-link"
                      href={routeHash({ view: 'page', pageId: p.id, lineId: null, query: null })}
                    >
                      {t('page', { n: p.printedNumber ?? p.sequence })}
                    </a>
                  ))}
                </td>
                <td>{t(`status.${a.status}`)}</td>
                <td>
                  {t('articlesView.characters', { count: a.characters, n: number.format(a.characters) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

// The articles on this page, each as a reader gets it: headline, byline, body in reading order,
// photos with their captions; headline and byline editable, review status settable. An article
// the layout step suggested is marked so, to accept as it is or reject (regions and all).

import { Classes } from '@blueprintjs/core';
import { ToolButton } from '../theme/ToolButton.tsx';
import { AcceptIcon, HistoryIcon, RejectIcon } from '../theme/icons.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArticleHistoryView } from './HistoryPanel.tsx';
import type { ArticleView, BackfileApi } from '../../shared/api/contract.ts';
import { ARTICLE_STATUSES } from '../../shared/model.ts';
import { StatusControl } from './StatusControl.tsx';
import { routeHash } from '../routing.ts';

interface Props {
  api: BackfileApi;
  articles: ArticleView[];
  onError(message: string): void;
}

function FieldInput(props: { label: string; value: string | null; onSave(value: string | null): void }) {
  return (
    <label className="article-field">
      {props.label}
      <input
        className={`${Classes.INPUT} ${Classes.SMALL}`}
        key={props.value ?? ''}
        defaultValue={props.value ?? ''}
        onBlur={(e) => {
          const next = e.target.value.trim() || null;
          if (next !== props.value) props.onSave(next);
        }}
        onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
      />
    </label>
  );
}

export function ArticlePanel({ api, articles, onError }: Props) {
  const { t } = useTranslation();
  const [historyOf, setHistoryOf] = useState<number | null>(null);
  const run = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: Error) => onError(e.message),
    );
  if (articles.length === 0) return <p className="empty">{t('articles.none')}</p>;
  return (
    <div className="article-panel">
      {articles.map((a) => (
        <article key={a.id} className={a.suggested ? 'article suggested' : 'article'} data-article-id={a.id}>
          {a.suggested && (
            <div className="suggestion" role="group" aria-label={t('suggest.decision')}>
              <span className="badge">{t('suggest.suggested')}</span>
              <ToolButton
                icon={<AcceptIcon />}
                intent="success"
                onClick={() => void run(api.call('acceptArticle', { articleId: a.id }))}
              >
                {t('suggest.accept')}
              </ToolButton>
              <ToolButton
                icon={<RejectIcon />}
                intent="danger"
                variant="outlined"
                onClick={() => void run(api.call('rejectArticle', { articleId: a.id }))}
              >
                {t('suggest.reject')}
              </ToolButton>
            </div>
          )}
          <div className="article-edit">
            <FieldInput
              label={t('articles.headline')}
              value={a.headline}
              onSave={(headline) =>
                void run(api.call('updateArticle', { articleId: a.id, fields: { headline } }))
              }
            />
            {(['kicker', 'subhead', 'byline', 'dateline'] as const).map((field) => (
              <FieldInput
                key={field}
                label={t(`articles.${field}`)}
                value={a[field]}
                onSave={(value) =>
                  void run(api.call('updateArticle', { articleId: a.id, fields: { [field]: value } }))
                }
              />
            ))}
            <ToolButton
              icon={<HistoryIcon />}
              active={historyOf === a.id}
              onClick={() => setHistoryOf(historyOf === a.id ? null : a.id)}
            >
              {t('history.article')}
            </ToolButton>
            <StatusControl
              label={t('review.status')}
              statuses={ARTICLE_STATUSES}
              status={a.status}
              reason={a.statusReason}
              onMove={(status, reason) =>
                run(
                  api.call('setArticleStatus', {
                    articleId: a.id,
                    status: status as (typeof ARTICLE_STATUSES)[number],
                    reason,
                  }),
                )
              }
            />
          </div>
          {historyOf === a.id && (
            <ArticleHistoryView api={api} articleId={a.id} version={JSON.stringify(a)} onError={onError} />
          )}
          <div className="reading-view" lang="zh-Hans">
            {a.kicker && <p className="kicker">{a.kicker}</p>}
            <h3>{a.headline ?? t('articles.untitled', { id: a.id })}</h3>
            {a.subhead && <p className="subhead">{a.subhead}</p>}
            {a.byline && !a.bylineAtEnd && <p className="byline">{a.byline}</p>}
            {a.dateline && <p className="dateline">{a.dateline}</p>}
            {a.paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
            {a.byline && a.bylineAtEnd && <p className="byline">{a.byline}</p>}
            {a.photos.map((photo, i) => (
              <figure key={i}>
                <span className="photo-placeholder">{t('articles.photo')}</span>
                {photo.caption && <figcaption>{photo.caption}</figcaption>}
              </figure>
            ))}
            {a.printedOn.length > 1 && (
              <p className="continued">
                {t('articles.printedOn')}{' '}
                {a.printedOn.map((p) => (
                  <a key={p.id} href={routeHash({ view: 'page', pageId: p.id, lineId: null, query: null })}>
                    {t('page', { n: p.printedNumber ?? p.sequence })}
                  </a>
                ))}
              </p>
            )}
          </div>
        </article>
      ))}
    </div>
  );
}

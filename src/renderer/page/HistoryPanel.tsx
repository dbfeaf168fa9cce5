// The history of the line being edited: its original text and every version after it — who,
// when, a character-level diff — with a button to go back to any of them.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackfileApi } from '../../shared/api/contract.ts';
import type { ArticleHistory, LineHistory, Version } from '../../shared/history.ts';
import { Diff } from './Diff.tsx';

export function HistoryPanel(props: {
  api: BackfileApi;
  lineId: number | null;
  version: string;
  onError(m: string): void;
}) {
  const { t } = useTranslation();
  const [history, setHistory] = useState<LineHistory | null>(null);
  const { api, lineId, onError } = props;
  useEffect(() => {
    if (lineId === null) return;
    api.call('lineHistory', { lineId }).then(setHistory, (e: Error) => onError(e.message));
  }, [api, lineId, props.version, onError]);
  if (lineId === null || !history || history.lineId !== lineId)
    return <p className="empty">{t('history.pick')}</p>;
  const revert = (toChangeId: number) =>
    void api.call('revertLine', { lineId, toChangeId }).catch((e: Error) => onError(e.message));
  return (
    <div className="history-panel">
      <p>
        <strong>{t('history.original')}</strong> ({history.source}){' '}
        <span lang="zh-Hans">{history.original}</span>{' '}
        {history.versions.length > 0 && (
          <button type="button" onClick={() => revert(0)}>
            {t('history.revert')}
          </button>
        )}
      </p>
      <Versions versions={history.versions} onRevert={revert} />
    </div>
  );
}

function Versions(props: { versions: Version[]; onRevert(changeId: number): void }) {
  const { t } = useTranslation();
  return (
    <ol>
      {props.versions.map((v) => (
        <li key={v.changeId} className={v.undone ? 'undone' : ''}>
          <div className="version-meta">
            {v.user} · {new Date(v.at).toLocaleString()} · {v.label}
            {v.undone && ` · ${t('history.undone')}`}
          </div>
          {v.edits.map((e, i) => (
            <div key={i}>
              <span className="edit-field">
                {t(`history.field.${e.entity === 'line' ? 'line' : e.field}`, { defaultValue: e.field })}
              </span>{' '}
              <Diff diff={e.diff} />
            </div>
          ))}
          <button type="button" onClick={() => props.onRevert(v.changeId)}>
            {t('history.revert')}
          </button>
        </li>
      ))}
    </ol>
  );
}

/** An article's history: its fields, parts and status, and the corrections of its lines. */
export function ArticleHistoryView(props: {
  api: BackfileApi;
  articleId: number;
  version: string;
  onError(m: string): void;
}) {
  const { t } = useTranslation();
  const [history, setHistory] = useState<ArticleHistory | null>(null);
  const { api, articleId, onError } = props;
  useEffect(() => {
    api.call('articleHistory', { articleId }).then(setHistory, (e: Error) => onError(e.message));
  }, [api, articleId, props.version, onError]);
  if (!history) return <p>{t('loading')}</p>;
  return (
    <div className="history-panel article-history">
      <Versions
        versions={history.versions}
        onRevert={(toChangeId) =>
          void api.call('revertArticle', { articleId, toChangeId }).catch((e: Error) => onError(e.message))
        }
      />
    </div>
  );
}

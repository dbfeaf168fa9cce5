// The history of the line being edited: its original text and every version after it — who,
// when, a character-level diff — with a button to go back to any of them.

import { ToolButton } from '../theme/ToolButton.tsx';
import { UndoIcon } from '../theme/icons.ts';
import { changeLabelText } from './change-label.ts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackfileApi } from '../../shared/api/contract.ts';
import { partRegionIds, type ArticleHistory, type LineHistory, type Version } from '../../shared/history.ts';
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
          <ToolButton icon={<UndoIcon />} onClick={() => revert(0)}>
            {t('history.revert')}
          </ToolButton>
        )}
      </p>
      <Versions versions={history.versions} onRevert={revert} />
    </div>
  );
}

/**
 * What one edit changed: a text as a diff; an article's parts as how many regions (their ids
 * mean nothing to a reader); a status by its name.
 */
function EditChange({ edit }: { edit: Version['edits'][number] }) {
  const { t } = useTranslation();
  if (edit.field === 'parts')
    return (
      <span>
        {t('history.partsCount', {
          before: partRegionIds(edit.before).length,
          after: partRegionIds(edit.after).length,
        })}
      </span>
    );
  if (edit.field === 'status')
    return (
      <span>
        {edit.before ? t(`status.${edit.before}`) : '–'} → {edit.after ? t(`status.${edit.after}`) : '–'}
      </span>
    );
  return <Diff diff={edit.diff} />;
}

function Versions(props: { versions: Version[]; onRevert(changeId: number): void }) {
  const { t, i18n } = useTranslation();
  return (
    <ol>
      {props.versions.map((v) => (
        <li key={v.changeId} className={v.undone ? 'undone' : ''}>
          <div className="version-meta">
            {v.user} · {new Date(v.at).toLocaleString(i18n.language)} · {changeLabelText(t, v.label)}
            {v.undone && ` · ${t('history.undone')}`}
          </div>
          {v.edits.map((e, i) => (
            <div key={i}>
              <span className="edit-field">
                {t(`history.field.${e.entity === 'line' ? 'line' : e.field}`, { defaultValue: e.field })}
              </span>{' '}
              <EditChange edit={e} />
            </div>
          ))}
          <ToolButton icon={<UndoIcon />} onClick={() => props.onRevert(v.changeId)}>
            {t('history.revert')}
          </ToolButton>
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

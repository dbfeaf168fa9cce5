// Find and replace across the collection: preview every hit with its context (what changes,
// marked) and the line's picture from the page, accept or skip each or all, then apply the
// accepted ones as one recorded change that one undo takes back.

import { Button, ButtonGroup, Callout, Checkbox, InputGroup } from '@blueprintjs/core';
import { useState } from 'react';
import { UndoIcon } from '../theme/icons.ts';
import { useTranslation } from 'react-i18next';
import type { ApiOutput, BackfileApi } from '../../shared/api/contract.ts';
import { diffText } from '../../shared/text/diff.ts';
import { Diff } from '../page/Diff.tsx';

type Preview = ApiOutput<'previewReplace'>;

function Change({ before, after }: { before: string; after: string }) {
  return <Diff diff={diffText(before, after)} />;
}

export function ReplacePanel({ api }: { api: BackfileApi }) {
  const { t } = useTranslation();
  const [find, setFind] = useState('');
  const [replacement, setReplacement] = useState('');
  const [regex, setRegex] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [skipped, setSkipped] = useState<Set<number>>(new Set());
  const [notice, setNotice] = useState<{ text: string; changeId: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: Error) => setError(e.message);

  const show = () => {
    setError(null);
    setNotice(null);
    api.call('previewReplace', { find, replacement, regex }).then((p) => {
      setPreview(p);
      setSkipped(new Set());
    }, fail);
  };
  const apply = () => {
    if (!preview) return;
    const lineIds = preview.filter((m) => !skipped.has(m.lineId)).map((m) => m.lineId);
    api.call('applyReplace', { find, replacement, regex, lineIds }).then((r) => {
      setNotice({ text: t('replace.applied', { count: r.lines }), changeId: r.changeId });
      setPreview(null);
    }, fail);
  };
  const undo = (changeId: number) =>
    api.call('undo', { changeId }).then(() => setNotice({ text: t('replace.undone'), changeId: null }), fail);

  return (
    <section className="replace-panel" aria-label={t('replace.title')}>
      <h2>{t('replace.title')}</h2>
      <div className="toolbar">
        <InputGroup
          value={find}
          onChange={(e) => setFind(e.target.value)}
          aria-label={t('replace.find')}
          placeholder={t('replace.find')}
        />
        <InputGroup
          value={replacement}
          onChange={(e) => setReplacement(e.target.value)}
          aria-label={t('replace.with')}
          placeholder={t('replace.with')}
        />
        <Checkbox
          checked={regex}
          onChange={(e) => setRegex(e.currentTarget.checked)}
          label={t('replace.regex')}
        />
        <Button disabled={!find} onClick={show}>
          {t('replace.preview')}
        </Button>
      </div>
      {error && (
        <Callout intent="danger" role="alert" compact>
          {error}
        </Callout>
      )}
      {notice && (
        <Callout intent="success" role="status" compact className="notice">
          {notice.text}{' '}
          {notice.changeId !== null && (
            <Button size="small" icon={<UndoIcon />} onClick={() => void undo(notice.changeId!)}>
              {t('undo.undo')}
            </Button>
          )}
        </Callout>
      )}
      {preview && (
        <>
          <div className="toolbar">
            <span>
              {t('replace.count', { count: preview.length, accepted: preview.length - skipped.size })}
            </span>
            <ButtonGroup>
              <Button size="small" onClick={() => setSkipped(new Set())}>
                {t('replace.acceptAll')}
              </Button>
              <Button size="small" onClick={() => setSkipped(new Set(preview.map((m) => m.lineId)))}>
                {t('replace.skipAll')}
              </Button>
            </ButtonGroup>
            <Button intent="primary" disabled={skipped.size === preview.length} onClick={apply}>
              {t('replace.apply')}
            </Button>
          </div>
          <ol className="replace-hits">
            {preview.map((m) => (
              <li key={m.lineId} className={skipped.has(m.lineId) ? 'skipped' : ''}>
                <label>
                  <input
                    type="checkbox"
                    checked={!skipped.has(m.lineId)}
                    aria-label={t('replace.accept', { line: m.lineId })}
                    onChange={() =>
                      setSkipped((s) => {
                        const next = new Set(s);
                        if (next.has(m.lineId)) next.delete(m.lineId);
                        else next.add(m.lineId);
                        return next;
                      })
                    }
                  />
                  <Change before={m.before} after={m.after} />
                </label>
                <img src={api.lineImageUrl(m.lineId)} alt={m.before} loading="lazy" className="line-image" />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

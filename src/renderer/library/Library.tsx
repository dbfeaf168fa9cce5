// The library: pages as thumbnails with their status, OCR for the selection, and the progress of
// background work (done / total, rate, ETA) with pause.

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackfileApi, PageSummary } from '../../shared/api/contract.ts';
import { routeHash } from '../routing.ts';
import { ExportDialog } from '../export/ExportDialog.tsx';

interface Progress {
  done: number;
  total: number;
  pagesPerMinute: number | null;
  etaSeconds: number | null;
}

function formatEta(seconds: number | null): string {
  if (seconds === null) return '–';
  const m = Math.floor(seconds / 60);
  return `${m}:${String(seconds % 60).padStart(2, '0')}`;
}

export function Library({ api }: { api: BackfileApi }) {
  const { t } = useTranslation();
  const [pages, setPages] = useState<PageSummary[]>([]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  const refresh = useCallback(() => {
    api.call('listPages', {}).then(setPages, (e: Error) => setError(e.message));
  }, [api]);

  useEffect(() => {
    refresh();
    return api.subscribe((event) => {
      if (event.type === 'ocr-progress') setProgress(event);
      if (event.type === 'archive-changed') refresh();
    });
  }, [api, refresh]);

  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const readSelected = () => {
    api.call('queueOcr', { pageIds: [...selected] }).then(
      () => setSelected(new Set()),
      (e: Error) => setError(e.message),
    );
  };

  return (
    <section className="library">
      <header className="toolbar">
        <h1>{t('library')}</h1>
        <span>{t('pages', { count: pages.length })}</span>
        <button type="button" disabled={selected.size === 0} onClick={readSelected}>
          {t('readSelected')}
        </button>
        <button type="button" onClick={() => setExporting(true)}>
          {t('exportDialog.open')}
        </button>
        <button type="button" onClick={() => void api.call('pauseOcr', {})}>
          {t('pause')}
        </button>
        {progress && progress.total > 0 && (
          <span className="progress" role="status">
            <progress max={progress.total} value={progress.done} />{' '}
            {t('progress', {
              done: progress.done,
              total: progress.total,
              rate: progress.pagesPerMinute ?? '–',
              eta: formatEta(progress.etaSeconds),
            })}
          </span>
        )}
      </header>
      {error && <p className="error">{error}</p>}
      {exporting && (
        <ExportDialog
          api={api}
          scopes={[
            ...(selected.size
              ? [{ label: t('exportDialog.selected'), request: { pageIds: [...selected] } }]
              : []),
            { label: t('exportDialog.everything'), request: {} },
          ]}
          onClose={() => setExporting(false)}
        />
      )}
      {pages.length === 0 && <p>{t('emptyArchive')}</p>}
      <ul className="pages">
        {pages.map((page) => (
          <li key={page.id} className={selected.has(page.id) ? 'selected' : ''}>
            <button type="button" onClick={() => toggle(page.id)} aria-pressed={selected.has(page.id)}>
              <img
                src={api.pageImageUrl(page.id, 'thumbnail')}
                alt={`${page.title} ${page.date}`}
                loading="lazy"
              />
              <span className="caption">
                {page.title} · {page.date || t('undated')} ·{' '}
                {t('page', { n: page.printedNumber ?? page.sequence })}
              </span>
              <span className={`status status-${page.status}`}>{t(`status.${page.status}`)}</span>
            </button>
            <a
              className="open-page"
              href={routeHash({ view: 'page', pageId: page.id, lineId: null, query: null })}
            >
              {t('open')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

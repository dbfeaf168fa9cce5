// The library: newspaper titles, their issues by date, and each issue's pages as thumbnails with
// their review status; a status filter with counts; import, OCR for the selection, export, and
// the background work (jobs panel); the selection's details (title, date, edition, page number)
// edited after import.

import { ButtonGroup, HTMLSelect } from '@blueprintjs/core';
import { ToolButton } from '../theme/ToolButton.tsx';
import { ClearIcon, DetailsIcon, ExportIcon, ReadIcon, SelectAllIcon } from '../theme/icons.ts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackfileApi, PageSummary } from '../../shared/api/contract.ts';
import { PAGE_STATUSES, type PageStatus } from '../../shared/model.ts';
import { routeHash } from '../routing.ts';
import { ExportDialog } from '../export/ExportDialog.tsx';
import { ImportForm } from './ImportForm.tsx';
import { JobsPanel } from './JobsPanel.tsx';
import { PageDetailsForm } from './PageDetailsForm.tsx';
import { pageLabel } from '../page-label.ts';
import { issueDate } from '../i18n/dates.ts';
import { SuggestLayout } from '../articles/SuggestLayout.tsx';
import { ReReadOffer } from './ReReadOffer.tsx';
import { ReadingChoice } from './ReadingChoice.tsx';
import { EngineOptions, LanguageOptions } from './ReadingOptions.tsx';
import { type EngineChoice, type LanguageChoice, type ReadingChoices } from '../../shared/ocr.ts';

/** Pages grouped by title, then by issue (date and edition), in archive order. */
function groupPages(
  pages: readonly PageSummary[],
): { title: string; issues: { key: string; label: string; pages: PageSummary[] }[] }[] {
  const titles: { title: string; issues: { key: string; label: string; pages: PageSummary[] }[] }[] = [];
  for (const page of pages) {
    let title = titles.find((t) => t.title === page.title);
    if (!title) titles.push((title = { title: page.title, issues: [] }));
    const key = String(page.issueId);
    let issue = title.issues.find((i) => i.key === key);
    if (!issue) title.issues.push((issue = { key, label: page.date ? issueDate(page.date) : '', pages: [] }));
    issue.pages.push(page);
  }
  return titles;
}

export function Library({ api }: { api: BackfileApi }) {
  const { t } = useTranslation();
  const [pages, setPages] = useState<PageSummary[]>([]);
  const pagesRef = useRef(pages);
  useEffect(() => {
    pagesRef.current = pages;
  });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [editing, setEditing] = useState(false);
  // Pages "Read with OCR" skipped because they have text: offered for a re-read.
  const [skipped, setSkipped] = useState<number[]>([]);
  const [filter, setFilter] = useState<PageStatus | ''>('');
  const [engine, setEngine] = useState<'' | EngineChoice>('');
  const [language, setLanguage] = useState<'' | LanguageChoice>('');
  const [readingChoices, setReadingChoices] = useState<ReadingChoices | null>(null);

  // Everything read again: after an import, a merge, a reading choice (none of them says what it reached).
  const refresh = useCallback(() => {
    api.call('listPages', {}).then(setPages, (e: Error) => setError(e.message));
    api.call('readingChoices', {}).then(setReadingChoices, (e: Error) => setError(e.message));
  }, [api]);

  useEffect(() => {
    refresh();
    return api.subscribe((event) => {
      if (event.type !== 'archive-changed') return;
      if (!event.reach) return refresh();
      // A change the core can place: only the pages whose own record it reached, read again.
      if (!event.reach.parts.includes('page')) return;
      api.call('listPages', { pageIds: event.reach.pages }).then(
        (fresh) => {
          const byId = new Map(fresh.map((p) => [p.id, p]));
          // Filed elsewhere (title, date, place in the issue): the order changes; read it all.
          const moved = pagesRef.current.some((p) => {
            const f = byId.get(p.id);
            return f !== undefined && placeOf(f) !== placeOf(p);
          });
          if (moved) refresh();
          else setPages((current) => current.map((p) => byId.get(p.id) ?? p));
        },
        (e: Error) => setError(e.message),
      );
    });
  }, [api, refresh]);

  const counts = useMemo(() => {
    const c = Object.fromEntries(PAGE_STATUSES.map((s) => [s, 0])) as Record<PageStatus, number>;
    for (const p of pages) c[p.status]++;
    return c;
  }, [pages]);
  const shown = filter ? pages.filter((p) => p.status === filter) : pages;

  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  // The engine and language chosen here, for a first reading and for a re-read alike.
  const reading = { ...(engine ? { engine } : {}), ...(language ? { languages: language } : {}) };
  const readSelected = () => {
    api.call('queueOcr', { pageIds: [...selected], ...reading }).then(
      (result) => {
        setSelected(new Set());
        setSkipped(result.skippedPageIds);
      },
      (e: Error) => setError(e.message),
    );
  };

  return (
    <section className="library">
      <header className="toolbar">
        <h1>{t('library')}</h1>
        <span>{t('pages', { count: pages.length })}</span>
        <label>
          {t('review.status')}{' '}
          <HTMLSelect value={filter} onChange={(e) => setFilter(e.target.value as PageStatus | '')}>
            <option value="">{t('filter.all', { count: pages.length })}</option>
            {PAGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)} ({counts[s]})
              </option>
            ))}
          </HTMLSelect>
        </label>
        <HTMLSelect
          aria-label={t('engine.label')}
          value={engine}
          onChange={(e) => setEngine(e.target.value as typeof engine)}
        >
          <EngineOptions unset={t('engine.remembered')} />
        </HTMLSelect>
        <HTMLSelect
          aria-label={t('ocrLanguage.label')}
          value={language}
          onChange={(e) => setLanguage(e.target.value as typeof language)}
        >
          <LanguageOptions unset={t('ocrLanguage.remembered')} />
        </HTMLSelect>
        <span className="selection" aria-live="polite">
          {t('selection.count', { count: selected.size })}
        </span>
        <ButtonGroup>
          <ToolButton
            icon={<SelectAllIcon />}
            disabled={shown.length === 0}
            onClick={() => setSelected(new Set(shown.map((p) => p.id)))}
          >
            {t('selection.all')}
          </ToolButton>
          <ToolButton
            icon={<ClearIcon />}
            disabled={selected.size === 0}
            onClick={() => setSelected(new Set())}
          >
            {t('selection.none')}
          </ToolButton>
        </ButtonGroup>
        <ToolButton
          icon={<ReadIcon />}
          intent="primary"
          disabled={selected.size === 0}
          onClick={readSelected}
        >
          {t('readSelected')}
        </ToolButton>
        <ToolButton icon={<DetailsIcon />} disabled={selected.size === 0} onClick={() => setEditing(true)}>
          {t('details.open')}
        </ToolButton>
        <SuggestLayout
          api={api}
          pageIds={[...selected]}
          pageName={(id) => {
            const page = pages.find((p) => p.id === id);
            return page ? pageLabel(page, t) : '';
          }}
          onError={setError}
        />
        <ToolButton icon={<ExportIcon />} onClick={() => setExporting(true)}>
          {t('exportDialog.open')}
        </ToolButton>
      </header>
      {error && <p className="error">{error}</p>}
      {skipped.length > 0 && (
        <ReReadOffer
          key={skipped.join(',')}
          api={api}
          pageIds={skipped}
          pages={pages}
          request={reading}
          onDone={() => setSkipped([])}
          onError={setError}
        />
      )}
      {editing && selected.size > 0 && (
        <PageDetailsForm
          api={api}
          pages={pages.filter((p) => selected.has(p.id))}
          onDone={() => setEditing(false)}
          onError={setError}
        />
      )}
      <ImportForm api={api} />
      <JobsPanel api={api} pages={pages} onError={setError} />
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
      {groupPages(shown).map((title) => (
        <section key={title.title} className="title-group">
          <div className="title-head">
            <h2>{title.title}</h2>
            {readingChoices && (
              <ReadingChoice
                api={api}
                choices={readingChoices}
                scope={{ titleId: title.issues[0]!.pages[0]!.titleId, name: title.title }}
                onChosen={setReadingChoices}
                onError={setError}
              />
            )}
          </div>
          {title.issues.map((issue) => (
            <section key={issue.key} className="issue-group">
              <div className="issue-head">
                <h3>{issue.label || t('undated')}</h3>
                {readingChoices && (
                  <ReadingChoice
                    api={api}
                    choices={readingChoices}
                    scope={{
                      titleId: issue.pages[0]!.titleId,
                      issueId: issue.pages[0]!.issueId,
                      name: issue.label || t('undated'),
                    }}
                    onChosen={setReadingChoices}
                    onError={setError}
                  />
                )}
                <SuggestLayout
                  api={api}
                  // The whole issue, also its pages the status filter hides.
                  pageIds={pages.filter((p) => p.issueId === issue.pages[0]!.issueId).map((p) => p.id)}
                  label={t('suggest.issue')}
                  pageName={(id) =>
                    pageLabel(
                      pages.find((p) => p.id === id)!,
                      t,
                    )
                  }
                  onError={setError}
                />
              </div>
              <ul className="pages">
                {issue.pages.map((page) => (
                  <li key={page.id} className={selected.has(page.id) ? 'selected' : ''}>
                    <button
                      type="button"
                      onClick={() => toggle(page.id)}
                      aria-pressed={selected.has(page.id)}
                    >
                      <img
                        src={api.pageImageUrl(page.id, 'thumbnail')}
                        alt={`${page.title} ${page.date}`}
                        loading="lazy"
                      />
                      <span className="caption">{pageLabel(page, t)}</span>
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
          ))}
        </section>
      ))}
    </section>
  );
}

/** Where a page is listed: its title, issue and place in it. */
const placeOf = (p: PageSummary) => JSON.stringify([p.title, p.date, p.issueId, p.sequence, p.printedNumber]);

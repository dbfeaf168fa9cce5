// Background work: overall progress (done / total, pages per minute, ETA), each job with its own
// progress, and pause, resume and cancel — for one waiting job or for everything. A job is named
// by its page as the library names it; finished and cancelled jobs leave the list (the counts
// keep them), failed ones stay with their reason.

import { ButtonGroup, HTMLTable } from '@blueprintjs/core';
import { useEffect, useRef, useState } from 'react';
import { ToolButton } from '../theme/ToolButton.tsx';
import { ClearIcon, PauseIcon, ReadIcon } from '../theme/icons.ts';
import { useTranslation } from 'react-i18next';
import type { BackfileApi, JobSummary, PageSummary } from '../../shared/api/contract.ts';
import type { JobStatus } from '../../shared/model.ts';
import type { OcrState } from '../../shared/ocr.ts';
import { pageLabel } from '../page-label.ts';

interface Progress {
  done: number;
  total: number;
  pagesPerMinute: number | null;
  etaSeconds: number | null;
}

export function formatEta(seconds: number | null): string {
  if (seconds === null) return '–';
  const m = Math.floor(seconds / 60);
  return `${m}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;
}

/** Jobs shown at most: the newest; the counts cover them all. */
const SHOWN = 50;

/** Jobs that still ask for something: waiting, being read, or failed (to read again). */
const LISTED = new Set<JobSummary['status']>(['todo', 'running', 'failed']);

interface Props {
  api: BackfileApi;
  /** The library's pages, to name each job's page. */
  pages: readonly PageSummary[];
  onError(m: string): void;
}

export function JobsPanel({ api, pages, onError }: Props) {
  const { t, i18n } = useTranslation();
  const [jobs, setJobs] = useState<JobSummary[]>([]);
  const jobsRef = useRef(jobs);
  useEffect(() => {
    jobsRef.current = jobs;
  });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [shares, setShares] = useState<Record<number, number>>({});
  const [state, setState] = useState<OcrState>('idle');

  useEffect(() => {
    const load = () =>
      Promise.all([api.call('listJobs', {}), api.call('ocrState', {})]).then(
        ([list, now]) => {
          setJobs(list);
          setState(now.state);
        },
        (e: Error) => onError(e.message),
      );
    void load();
    return api.subscribe((event) => {
      if (event.type === 'ocr-progress') setProgress(event);
      if (event.type === 'job') {
        if (event.share !== undefined) setShares((s) => ({ ...s, [event.jobId]: event.share! }));
        // A job that starts or ends is changed in place; a failure is read back for its code,
        // a job not listed yet with the list.
        else if (event.status === 'failed' || !jobsRef.current.some((j) => j.id === event.jobId)) void load();
        else
          setJobs((list) =>
            list.map((j) => (j.id === event.jobId ? { ...j, status: event.status as JobStatus } : j)),
          );
      }
      // Edits reach pages, not jobs; only a change the core cannot place (jobs queued, pages
      // imported) may have new jobs.
      if (event.type === 'archive-changed' && !event.reach) void load();
    });
  }, [api, onError]);

  const run = (p: Promise<unknown>) => void p.catch((e: Error) => onError(e.message));
  const counts = jobs.reduce<Record<string, number>>(
    (c, j) => ({ ...c, [j.status]: (c[j.status] ?? 0) + 1 }),
    {},
  );
  const active = jobs.filter((j) => j.status === 'todo' || j.status === 'running');
  const shown = [...jobs]
    .reverse()
    .filter((j) => LISTED.has(j.status))
    .slice(0, SHOWN);
  const byId = new Map(pages.map((p) => [p.id, p]));
  const label = (j: JobSummary) => {
    const page = byId.get(j.pageId);
    return page ? pageLabel(page, t) : t('jobs.page', { id: j.pageId });
  };
  return (
    <section className="jobs-panel" aria-label={t('jobs.title')}>
      <header className="toolbar">
        <h2>{t('jobs.title')}</h2>
        <span className="job-counts">
          {Object.entries(counts)
            .map(([status, n]) => `${t(`jobStatus.${status}`)} ${n}`)
            .join(' · ')}
        </span>
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
        {state !== 'idle' && (
          <span className={`ocr-state ocr-state-${state}`} role="status">
            {t(`jobs.state.${state}`, { count: counts.todo ?? 0 })}
          </span>
        )}
        <ButtonGroup>
          <ToolButton
            icon={<PauseIcon />}
            disabled={state !== 'running'}
            onClick={() => run(api.call('pauseOcr', {}))}
          >
            {t('pause')}
          </ToolButton>
          <ToolButton
            icon={<ReadIcon />}
            disabled={state === 'running' || !counts.todo}
            onClick={() => run(api.call('resumeOcr', {}))}
          >
            {t('jobs.resume')}
          </ToolButton>
          <ToolButton
            icon={<ClearIcon />}
            disabled={active.length === 0}
            onClick={() => run(api.call('cancelOcr', {}))}
          >
            {t('jobs.cancelAll')}
          </ToolButton>
        </ButtonGroup>
      </header>
      {shown.length > 0 && (
        <HTMLTable className="jobs" compact>
          <tbody>
            {shown.map((j) => (
              <tr key={j.id} className={`job job-${j.status}`}>
                <td>{label(j)}</td>
                <td>{t(`jobStatus.${j.status}`)}</td>
                <td>
                  {j.status === 'running' && <progress max={1} value={shares[j.id] ?? 0} />}
                  {j.error && (
                    // The reason in the reader's language; the engine's own words on hover, for
                    // a report to whoever looks after the archive.
                    <span className="error" title={j.error}>
                      {i18n.exists(`jobError.${j.errorCode}`)
                        ? t(`jobError.${j.errorCode}`)
                        : t('jobError.other')}
                    </span>
                  )}
                </td>
                <td>
                  {j.status === 'todo' && (
                    <ToolButton
                      variant="minimal"
                      onClick={() => run(api.call('cancelOcr', { jobIds: [j.id] }))}
                    >
                      {t('jobs.cancel')}
                    </ToolButton>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
    </section>
  );
}

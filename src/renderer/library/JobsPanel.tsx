// Background work: overall progress (done / total, pages per minute, ETA), each job with its own
// progress, and pause, resume and cancel — for one waiting job or for everything.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackfileApi, JobSummary } from '../../shared/api/contract.ts';

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

export function JobsPanel({ api, onError }: { api: BackfileApi; onError(m: string): void }) {
  const { t } = useTranslation();
  const [jobs, setJobs] = useState<JobSummary[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [shares, setShares] = useState<Record<number, number>>({});

  useEffect(() => {
    const load = () => api.call('listJobs', {}).then(setJobs, (e: Error) => onError(e.message));
    void load();
    return api.subscribe((event) => {
      if (event.type === 'ocr-progress') setProgress(event);
      if (event.type === 'job') {
        if (event.share !== undefined) setShares((s) => ({ ...s, [event.jobId]: event.share! }));
        else void load();
      }
      if (event.type === 'archive-changed') void load();
    });
  }, [api, onError]);

  const run = (p: Promise<unknown>) => void p.catch((e: Error) => onError(e.message));
  const counts = jobs.reduce<Record<string, number>>(
    (c, j) => ({ ...c, [j.status]: (c[j.status] ?? 0) + 1 }),
    {},
  );
  const active = jobs.filter((j) => j.status === 'todo' || j.status === 'running');
  const shown = [...jobs].reverse().slice(0, SHOWN);
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
        <button type="button" onClick={() => run(api.call('pauseOcr', {}))}>
          {t('pause')}
        </button>
        <button type="button" onClick={() => run(api.call('resumeOcr', {}))}>
          {t('jobs.resume')}
        </button>
        <button type="button" disabled={active.length === 0} onClick={() => run(api.call('cancelOcr', {}))}>
          {t('jobs.cancelAll')}
        </button>
      </header>
      {shown.length > 0 && (
        <table className="jobs">
          <tbody>
            {shown.map((j) => (
              <tr key={j.id} className={`job job-${j.status}`}>
                <td>{t('jobs.page', { id: j.pageId })}</td>
                <td>{t(`jobStatus.${j.status}`)}</td>
                <td>
                  {j.status === 'running' && <progress max={1} value={shares[j.id] ?? 0} />}
                  {j.error && <span className="error">{j.error}</span>}
                </td>
                <td>
                  {j.status === 'todo' && (
                    <button type="button" onClick={() => run(api.call('cancelOcr', { jobIds: [j.id] }))}>
                      {t('jobs.cancel')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

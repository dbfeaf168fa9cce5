// OCR in the background of a long-running process (the app, the server): one runner at a time,
// started when pages are queued, paused on request, reporting progress as API events.

import { pageReadEvent } from './change-events.ts';
import type { Archive } from '../archive/archive.ts';
import { OCR_JOB, OcrRunner } from '../jobs/ocr-runner.ts';
import { cancelJobs } from '../archive/job-queue.ts';
import { engineFactory } from '../ocr/engines.ts';
import type { ApiEvent } from '../../shared/api/contract.ts';
import type { OcrState } from '../../shared/ocr.ts';

export interface BackgroundOcr {
  start(): void;
  pause(): Promise<boolean>;
  state(): OcrState;
  /** Cancels the given waiting jobs, or every job (waiting and under way) when none are given. */
  cancel(jobIds?: number[]): Promise<number>;
  idle(): Promise<void>;
}

export function createBackgroundOcr(
  archive: Archive,
  emit: (event: ApiEvent) => void,
  workers?: number,
): BackgroundOcr {
  let runner: OcrRunner | null = null;
  let running: Promise<void> = Promise.resolve();
  let again = false;
  // Paused by request and not started again since (by resume, or by queueing more pages).
  let paused = false;
  const steps = new Map<number, number>();
  const startRun = () => {
    running = (async () => {
      do {
        again = false;
        runner = new OcrRunner(archive, (name) => engineFactory(archive, name), {
          workers,
          onJob: (e) => {
            // A job's own progress is throttled to one event a page in ten percent steps.
            if (e.status === 'progress') {
              const step = Math.floor((e.share ?? 0) * 10);
              if (steps.get(e.jobId) === step) return;
              steps.set(e.jobId, step);
              emit({ type: 'job', jobId: e.jobId, pageId: e.pageId, status: 'running', share: step / 10 });
              return;
            }
            emit({ type: 'job', jobId: e.jobId, pageId: e.pageId, status: e.status, error: e.error });
            if (e.status === 'done') emit(pageReadEvent(e.pageId));
          },
          onProgress: (p) =>
            emit({
              type: 'ocr-progress',
              done: p.done,
              total: p.total,
              pagesPerMinute: p.pagesPerMinute,
              etaSeconds: p.etaSeconds,
            }),
        });
        await runner.run();
        runner = null;
      } while (again);
    })().catch((error) => emit({ type: 'job', jobId: 0, pageId: 0, status: 'failed', error: String(error) }));
  };
  return {
    start() {
      paused = false;
      if (runner)
        again = true; // jobs queued while a run is under way are taken in the next pass
      else startRun();
    },
    async pause() {
      if (!runner) return false;
      again = false;
      paused = true;
      await runner.stop('pause');
      await running;
      return true;
    },
    state: () => (runner ? 'running' : paused ? 'paused' : 'idle'),
    async cancel(jobIds) {
      if (jobIds) return cancelJobs(archive.db, OCR_JOB, { ids: jobIds });
      const waiting = cancelJobs(archive.db, OCR_JOB);
      paused = false;
      if (runner) {
        again = false;
        await runner.stop('cancel');
        await running;
      }
      emit({ type: 'archive-changed' });
      return waiting;
    },
    idle: () => running,
  };
}

// Runs the OCR queue with a pool of engines (one per core by default). A page that takes too
// long has its engine killed and is retried, then marked failed with the reason. Each page's
// text, its job's "done" and the page status are saved in one transaction (ocr/re-read.ts says
// what a reading does to a page that has text already), so after a crash
// nothing saved is read twice and nothing half-saved exists.

import os from 'node:os';
import type { Archive } from '../archive/archive.ts';
import { localUser } from '../archive/local-user.ts';
import { storePageReading } from '../ocr/re-read.ts';
import { archiveShard, recordReadingPlace } from '../archive/provenance.ts';
import { BackfileError, toErrorInfo, type ErrorInfo } from '../../shared/errors.ts';
import type { OcrEngine, OcrEngineFactory } from '../ocr/engine.ts';
import { readPageWithOcr, requireScan } from '../ocr/ocr-page.ts';
import {
  claimNextJob,
  countJobs,
  markJobAttemptFailed,
  markJobDone,
  recoverInterrupted,
  releaseStoppedJob,
  type Job,
  type JobStatus,
} from '../archive/job-queue.ts';
import { ProgressMeter, type RunProgress } from './progress.ts';
import { z } from 'zod';
import { ENGINE_CHOICES, type EngineName } from '../../shared/ocr.ts';
import { chooseEngine, engineFactory } from '../ocr/engines.ts';
import { AUTO_LANGUAGES } from '../ocr/language-data.ts';
import { detectPageScript } from '../ocr/detect-page-script.ts';
import { CHARACTER_PROBE } from '../ocr/script-detect.ts';
import { timed, timedSync, type StageTimes } from '../ocr/stage-times.ts';

export const OCR_JOB = 'ocr';

/**
 * An OCR job's settings as stored in the queue, parsed (not cast) when the job is taken: a row
 * written by another version, or by hand, fails its job with a reason instead of misreading.
 */
export const OCR_JOB_PAYLOAD = z.object({
  languages: z.string().regex(/^[A-Za-z0-9_]+(\+[A-Za-z0-9_]+)*$/),
  /** The engine to read with ('auto': by the script found, with languages 'auto'); jobs
   * queued before there was a choice read with tesseract. */
  engine: z.enum(ENGINE_CHOICES).default('tesseract'),
  deskew: z.boolean(),
  binarise: z.boolean(),
  /** Who asked for the reading: a re-read is recorded in the history under this name. */
  user: z.string().optional(),
});
export type OcrJobPayload = z.input<typeof OCR_JOB_PAYLOAD>;

export interface OcrRunOptions {
  workers?: number;
  /** Per page; a page still running after this is killed and retried. */
  timeoutMs?: number;
  maxPixels?: number;
  onJob?: (event: {
    jobId: number;
    pageId: number;
    status: JobStatus | 'progress';
    share?: number;
    error?: string;
  }) => void;
  onProgress?: (progress: RunProgress) => void;
  /** Where the pages' time goes, added to stage by stage (bench/ocr.ts). */
  times?: StageTimes;
}

export interface OcrRunSummary {
  done: number;
  failed: number;
  stoppedEarly: boolean;
}

export function defaultWorkerCount(): number {
  return Math.max(1, os.availableParallelism());
}

class Timeout extends Error {}
class Stopped extends Error {}

interface Slot {
  engine: OcrEngine | null;
  /** Engine name and languages the slot's engine was made for. */
  madeFor: string | null;
  /** Ends the page under way at once: a killed engine never settles what it was reading. */
  interrupt: (() => void) | null;
  /** The models `auto` reads a page's strips with, kept while the slot runs. */
  probes: Map<string, OcrEngine>;
}

/** One factory for every job, or the factory for the engine a job names. */
export type EngineSource = OcrEngineFactory | ((engine: string) => Promise<OcrEngineFactory>);

export class OcrRunner {
  private readonly archive: Archive;
  private readonly factory: EngineSource;
  private readonly options: Required<Omit<OcrRunOptions, 'onJob' | 'onProgress' | 'times'>> &
    Pick<OcrRunOptions, 'onJob' | 'onProgress' | 'times'>;
  private stopMode: 'pause' | 'cancel' | null = null;
  private readonly slots: Slot[] = [];

  constructor(archive: Archive, factory: EngineSource, options: OcrRunOptions = {}) {
    this.archive = archive;
    this.factory = factory;
    this.options = {
      workers: options.workers ?? defaultWorkerCount(),
      timeoutMs: options.timeoutMs ?? 10 * 60_000,
      maxPixels: options.maxPixels ?? 250_000_000,
      onJob: options.onJob,
      onProgress: options.onProgress,
      times: options.times,
    };
  }

  /**
   * Stops the run: 'pause' puts pages under way back in the queue (the attempt does not count),
   * 'cancel' marks them cancelled. Waiting jobs stay as they are; cancelJobs() cancels them.
   */
  async stop(mode: 'pause' | 'cancel'): Promise<void> {
    this.stopMode = mode;
    for (const slot of this.slots) slot.interrupt?.();
    await Promise.all(this.slots.map((slot) => this.killEngine(slot)));
  }

  async run(): Promise<OcrRunSummary> {
    const db = this.archive.db;
    recoverInterrupted(db, OCR_JOB, this.archive.writerId);
    const counts = countJobs(db, OCR_JOB);
    const meter = new ProgressMeter(counts.todo);
    const summary: OcrRunSummary = { done: 0, failed: 0, stoppedEarly: false };
    const report = () => this.options.onProgress?.(meter.snapshot());
    report();
    const loops = Array.from({ length: this.options.workers }, () => {
      const slot: Slot = { engine: null, madeFor: null, interrupt: null, probes: new Map() };
      this.slots.push(slot);
      return this.loop(slot, meter, summary, report);
    });
    try {
      await Promise.all(loops);
    } finally {
      await Promise.all(this.slots.map((slot) => this.killEngine(slot)));
      this.slots.length = 0;
    }
    summary.stoppedEarly = this.stopMode !== null;
    report();
    return summary;
  }

  private async loop(
    slot: Slot,
    meter: ProgressMeter,
    summary: OcrRunSummary,
    report: () => void,
  ): Promise<void> {
    const db = this.archive.db;
    const times = this.options.times;
    let interrupted: Job | null = null;
    while (this.stopMode === null) {
      const job = claimNextJob(db, OCR_JOB, this.archive.writerId);
      if (!job) return;
      this.options.onJob?.({ jobId: job.id, pageId: job.pageId, status: 'running' });
      try {
        const parsed = OCR_JOB_PAYLOAD.safeParse(job.payload);
        if (!parsed.success)
          throw new BackfileError(
            'invalid-input',
            `the job's settings cannot be read (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`,
          );
        const payload = parsed.data;
        const text = await this.withTimeout(
          slot,
          (async () => {
            const {
              engine: name,
              languages,
              enlarge,
            } = await timed(times, 'script detection', () => this.settle(slot, job.pageId, payload));
            const engine = await this.engineFor(slot, name, languages);
            return readPageWithOcr(this.archive, engine, job.pageId, {
              languages,
              enlarge,
              deskew: payload.deskew,
              binarise: payload.binarise,
              maxPixels: this.options.maxPixels,
              times,
              onProgress: (share) => {
                meter.partial(job.id, share);
                this.options.onJob?.({ jobId: job.id, pageId: job.pageId, status: 'progress', share });
                report();
              },
            });
          })(),
        );
        if (this.stopMode !== null) {
          interrupted = job;
          break;
        }
        timedSync(times, 'database write', () =>
          db
            .transaction(() => {
              storePageReading(db, job.pageId, text, payload.user ?? localUser(db));
              recordReadingPlace(db, job.pageId, { host: os.hostname(), shard: archiveShard(db) });
              markJobDone(db, job.id);
            })
            .immediate(),
        );
        summary.done++;
        meter.finished(job.id);
        this.options.onJob?.({ jobId: job.id, pageId: job.pageId, status: 'done' });
      } catch (error) {
        if (this.stopMode !== null) {
          interrupted = job;
          break;
        }
        const failure: ErrorInfo =
          error instanceof Timeout
            ? {
                code: 'timed-out',
                message: `timed out after ${(this.options.timeoutMs / 1000).toFixed(1)} s (attempt ${job.attempts} of ${job.maxAttempts})`,
              }
            : toErrorInfo(error);
        const message = failure.message;
        const status = markJobAttemptFailed(db, job, failure);
        if (status === 'failed') {
          summary.failed++;
          meter.finished(job.id);
        } else {
          meter.partial(job.id, 0);
        }
        this.options.onJob?.({ jobId: job.id, pageId: job.pageId, status, error: message });
      }
      report();
    }
    // Stopped: the page this slot was reading goes back to the queue, or is cancelled.
    const job = interrupted;
    if (job) {
      const status = this.stopMode === 'cancel' ? 'cancelled' : 'todo';
      releaseStoppedJob(db, job.id, status);
      this.options.onJob?.({ jobId: job.id, pageId: job.pageId, status });
    }
  }

  /** The engine and languages a page is read with: the job's, or for 'auto' the page's script's. */
  private async settle(
    slot: Slot,
    pageId: number,
    payload: { engine: EngineName | 'auto'; languages: string; deskew: boolean },
  ): Promise<{ engine: EngineName; languages: string; enlarge?: number }> {
    // The first look at the page's scan: a missing one fails here, with its own error.
    const { page, raster } = requireScan(this.archive, pageId);
    let languages = payload.languages;
    let enlarge: number | undefined;
    // PP-OCR reads with one model whatever the script (its languages are not a setting), so a
    // page it is asked to read needs no script found first.
    if (languages === AUTO_LANGUAGES && payload.engine !== 'ppocr') {
      const guess = await detectPageScript(raster, page, (probe) => this.probe(slot, probe), {
        maxPixels: this.options.maxPixels,
        deskew: payload.deskew,
      });
      languages = guess.languages;
      enlarge = guess.enlarge; // measured once: the probes and the reading read the page at one size
    }
    const engine = payload.engine === 'auto' ? chooseEngine(languages, page) : payload.engine;
    return { engine, languages, ...(enlarge === undefined ? {} : { enlarge }) };
  }

  /** The factory for an engine: the job's, or with one factory for every job, that one, except
   * for a probe of another engine (`auto` finds the script with PP-OCR and tesseract both). */
  private async factoryFor(engineName: string): Promise<OcrEngineFactory> {
    if (typeof this.factory === 'function') return this.factory(engineName);
    return this.factory.engine === engineName ? this.factory : engineFactory(this.archive, engineName);
  }

  private async probe(slot: Slot, probe: string): Promise<OcrEngine> {
    const known = slot.probes.get(probe);
    if (known) return known;
    const factory = await this.factoryFor(probe === CHARACTER_PROBE ? 'ppocr' : 'tesseract');
    const engine = await factory.create(probe === CHARACTER_PROBE ? AUTO_LANGUAGES : probe);
    slot.probes.set(probe, engine);
    return engine;
  }

  private async engineFor(slot: Slot, engineName: string, languages: string): Promise<OcrEngine> {
    // With one factory for every job, that factory's engine reads every page.
    const name = typeof this.factory === 'function' ? engineName : this.factory.engine;
    // A probe of the engine asked for reads the page itself: PP-OCR's (one model for every
    // language), or the tesseract probe of the page's one language.
    const probe = slot.probes.get(name === 'ppocr' ? CHARACTER_PROBE : languages);
    if (probe) return probe;
    const key = `${name}:${languages}`;
    if (slot.engine && slot.madeFor === key) return slot.engine;
    await this.killEngine(slot, { probes: false });
    slot.engine = await (await this.factoryFor(name)).create(languages);
    slot.madeFor = key;
    return slot.engine;
  }

  /** Stops the slot's engine, and its probes unless only the engine is to change. */
  private async killEngine(slot: Slot, { probes = true } = {}): Promise<void> {
    const engines = [slot.engine, ...(probes ? slot.probes.values() : [])];
    slot.engine = null;
    slot.madeFor = null;
    if (probes) slot.probes.clear();
    await Promise.all(engines.map((e) => e?.terminate().catch(() => {})));
  }

  private async withTimeout<T>(slot: Slot, work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // Killing the engine is the only way to stop a recognition under way.
        void this.killEngine(slot);
        reject(new Timeout());
      }, this.options.timeoutMs);
    });
    const stopped = new Promise<never>((_, reject) => {
      slot.interrupt = () => reject(new Stopped());
    });
    stopped.catch(() => {});
    try {
      return await Promise.race([work, timeout, stopped]);
    } finally {
      clearTimeout(timer);
      slot.interrupt = null;
      work.catch(() => {}); // the abandoned recognition may reject (or never settle) once its engine is gone
    }
  }
}

// The persistent job queue in the archive's jobs table: one job per page and kind, status
// todo / running / done / failed / cancelled, attempts, the error (code and text), and the process
// running it.
// After a crash, jobs left "running" by a process that is gone go back to "todo"
// (recoverInterrupted), so the queue resumes where it stopped.

import type { ReadableDB, WritableDB } from './db-handles.ts';
import { nowIso } from './archive.ts';
import { HELD_BY_NO_LIVE_WRITER, liveWriterIds } from './writers.ts';

import { JOB_STATUSES, type JobStatus } from '../../shared/model.ts';
import type { ErrorInfo } from '../../shared/errors.ts';

export type { JobStatus };

export interface Job {
  id: number;
  kind: string;
  pageId: number;
  status: JobStatus;
  /** As stored (JSON); each kind of job parses its own. */
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  error: string | null;
  /** The failure's stable code (ErrorCode), when it failed. */
  errorCode: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

interface JobRow {
  id: number;
  kind: string;
  page_id: number;
  status: JobStatus;
  payload: string;
  attempts: number;
  max_attempts: number;
  error: string | null;
  error_code: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

function rowToJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    pageId: row.page_id,
    status: row.status,
    payload: JSON.parse(row.payload) as unknown,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    error: row.error,
    errorCode: row.error_code,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/**
 * Queues a job per page unless one of the same kind is already waiting or running; a page whose
 * earlier job ended (done, failed, cancelled) gets a fresh one. Returns the ids of queued jobs.
 */
export function enqueueJobs(
  db: WritableDB,
  kind: string,
  pageIds: readonly number[],
  payload: unknown,
  maxAttempts = 2,
): number[] {
  const active = db.prepare(
    "SELECT id FROM jobs WHERE kind = ? AND page_id = ? AND status IN ('todo', 'running')",
  );
  const insert = db.prepare(
    'INSERT INTO jobs (kind, page_id, status, payload, max_attempts, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return db
    .transaction(() =>
      pageIds.map((pageId) => {
        const existing = active.get(kind, pageId) as { id: number } | undefined;
        if (existing) return existing.id;
        return Number(
          insert.run(kind, pageId, 'todo', JSON.stringify(payload), maxAttempts, nowIso()).lastInsertRowid,
        );
      }),
    )
    .immediate();
}

/**
 * Jobs a crash left running go back to the queue: those of processes that are gone. A job
 * another live process is reading is its own (two `backfile ocr` share one queue).
 */
export function recoverInterrupted(db: WritableDB, kind: string, self: number): number {
  return db
    .prepare(
      `UPDATE jobs SET status = 'todo', started_at = NULL, writer_id = NULL
       WHERE kind = ? AND status = 'running' AND ${HELD_BY_NO_LIVE_WRITER}`,
    )
    .run(kind, liveWriterIds(db, self)).changes;
}

/**
 * Every job left running goes back to the queue, whichever process or host left it. Only for an
 * archive one process writes at a time by construction: a shard's, whose worker the scheduler
 * starts once per shard, and which a requeued task may reopen from another node, where the
 * process that was killed cannot be seen to be gone.
 */
export function recoverAllRunning(db: WritableDB, kind: string): number {
  return db
    .prepare(
      "UPDATE jobs SET status = 'todo', started_at = NULL, writer_id = NULL WHERE kind = ? AND status = 'running'",
    )
    .run(kind).changes;
}

/** Takes the oldest waiting job and marks it running (one attempt more) by process `writer`. */
export function claimNextJob(db: WritableDB, kind: string, writer: number): Job | null {
  return db
    .transaction(() => {
      const row = db
        .prepare("SELECT * FROM jobs WHERE kind = ? AND status = 'todo' ORDER BY id LIMIT 1")
        .get(kind) as JobRow | undefined;
      if (!row) return null;
      db.prepare(
        "UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = ?, writer_id = ? WHERE id = ?",
      ).run(nowIso(), writer, row.id);
      return rowToJob({ ...row, status: 'running', attempts: row.attempts + 1 });
    })
    .immediate();
}

export function markJobDone(db: WritableDB, id: number): void {
  db.prepare(
    "UPDATE jobs SET status = 'done', error = NULL, error_code = NULL, finished_at = ? WHERE id = ?",
  ).run(nowIso(), id);
}

/** A failed attempt: back to the queue while attempts remain, otherwise failed for good. */
export function markJobAttemptFailed(db: WritableDB, job: Job, error: ErrorInfo): JobStatus {
  const status: JobStatus = job.attempts < job.maxAttempts ? 'todo' : 'failed';
  db.prepare('UPDATE jobs SET status = ?, error = ?, error_code = ?, finished_at = ? WHERE id = ?').run(
    status,
    error.message,
    error.code,
    status === 'failed' ? nowIso() : null,
    job.id,
  );
  return status;
}

/** Cancels waiting jobs (and, with `running`, those under way: their runner stops them). */
export function cancelJobs(
  db: WritableDB,
  kind: string,
  options: { running?: boolean; ids?: number[] } = {},
): number {
  const statuses = options.running ? "('todo', 'running')" : "('todo')";
  const filter = options.ids ? `AND id IN (${options.ids.map(Number).join(',') || 'NULL'})` : '';
  return db
    .prepare(
      `UPDATE jobs SET status = 'cancelled', finished_at = ? WHERE kind = ? AND status IN ${statuses} ${filter}`,
    )
    .run(nowIso(), kind).changes;
}

export function listJobs(db: ReadableDB, kind?: string): Job[] {
  const rows = (
    kind
      ? db.prepare('SELECT * FROM jobs WHERE kind = ? ORDER BY id').all(kind)
      : db.prepare('SELECT * FROM jobs ORDER BY id').all()
  ) as JobRow[];
  return rows.map(rowToJob);
}

export function countJobs(db: WritableDB, kind: string): Record<JobStatus, number> {
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const row of db
    .prepare('SELECT status, COUNT(*) AS n FROM jobs WHERE kind = ? GROUP BY status')
    .all(kind) as {
    status: JobStatus;
    n: number;
  }[]) {
    counts[row.status] = row.n;
  }
  return counts;
}

/** A job stopped mid-page: back to the queue (the attempt not counted) or cancelled. */
export function releaseStoppedJob(db: WritableDB, id: number, to: 'todo' | 'cancelled'): void {
  db.prepare(
    "UPDATE jobs SET status = ?, attempts = attempts - ?, started_at = NULL WHERE id = ? AND status = 'running'",
  ).run(to, to === 'todo' ? 1 : 0, id);
}

// Pause and cancel answer at once, also while a page is being read: stopping ends the engine
// and settles the page under way, which goes back to the queue (pause) or is cancelled.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { cancelJobs, listJobs } from '../../src/core/archive/job-queue.ts';
import { OCR_JOB, OcrRunner } from '../../src/core/jobs/ocr-runner.ts';
import { engineFactory } from '../../src/core/ocr/engines.ts';
import { queueOcr } from '../../src/core/ocr/queue-ocr.ts';
import { LEFT_COLUMN, writeTextScan } from '../fixtures/text-scan.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

/** A page dense enough that tesseract reads it for several seconds. */
async function densePage() {
  const archive = tempArchive();
  const lines = Array.from({ length: 70 }, (_, i) => LEFT_COLUMN[i % LEFT_COLUMN.length]!);
  const columns = [0, 1, 2].map((c) => ({ x: 40 + c * 1100, y: 40, lines }));
  const file = await writeTextScan(path.join(tempDir(), 'dense.png'), columns, 3300, 4400);
  await importScans(archive, [file]);
  queueOcr(archive, { scope: { all: true }, languages: 'eng', engine: 'tesseract' });
  return archive;
}

describe('stopping OCR while a page is being read', () => {
  it.each(['pause', 'cancel'] as const)('%s settles the page under way within two seconds', async (mode) => {
    const archive = await densePage();
    let stoppedAt = 0;
    const runner = new OcrRunner(archive, await engineFactory(archive), {
      workers: 1,
      timeoutMs: 60_000,
      onJob: (e) => {
        // Recognition has begun (tesseract reports its progress): stop in the middle of it.
        if (e.status === 'progress' && stoppedAt === 0 && (e.share ?? 0) > 0.05) {
          stoppedAt = Date.now();
          if (mode === 'cancel') cancelJobs(archive.db, OCR_JOB);
          void runner.stop(mode);
        }
      },
    });
    const summary = await runner.run();
    const took = Date.now() - stoppedAt;
    expect(stoppedAt).toBeGreaterThan(0);
    expect(summary).toMatchObject({ done: 0, stoppedEarly: true });
    expect(took).toBeLessThan(2000);
    expect(listJobs(archive.db, OCR_JOB).map((j) => [j.status, j.attempts])).toEqual([
      mode === 'pause' ? ['todo', 0] : ['cancelled', 1],
    ]);
  });
});

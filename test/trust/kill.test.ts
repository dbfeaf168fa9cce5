// The crash harness: the real backfile process is killed with SIGKILL at many moments during
// import, OCR, and line corrections through the server; after each kill the archive must be
// sound (integrity_check, no half-imported page, no orphan or missing file), every correction
// the server acknowledged must still be there, and the work must resume and finish.

import { once } from 'node:events';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/core/archive/archive.ts';
import { checkArchive } from '../../src/core/archive/check.ts';
import { listPages } from '../../src/core/archive/pages.ts';
import { listJobs } from '../../src/core/archive/job-queue.ts';
import { runCli, startCli } from '../fixtures/cli.ts';
import { writeBodyCrops } from '../fixtures/crops.ts';
import { expectNoOrphans } from '../fixtures/consistency.ts';
import { writePng, writeTextPdf } from '../fixtures/scans.ts';
import { tempDir } from '../fixtures/temp.ts';

// Kill moments in milliseconds after the process first reports progress; fixed, so a failure
// can be replayed, and spread so that they fall before, inside and between files and pages.
const IMPORT_KILLS = [0, 40, 120, 250, 400, 600, 900];
const OCR_KILLS = [0, 150, 400, 800, 1300, 2000, 2600];
const EDIT_KILLS = [10, 60, 150, 300, 500, 800, 1200];

async function killAfterFirstOutput(child: ChildProcess, delay: number): Promise<string> {
  let out = '';
  await new Promise<void>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      resolve();
    });
    child.once('exit', () => resolve());
  });
  await new Promise((r) => setTimeout(r, delay));
  child.kill('SIGKILL');
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  return out;
}

/**
 * Right after a kill: the database is sound and every file it refers to is there. Files the
 * killed process wrote for rows it never committed may remain; the next run sweeps them, which
 * `leftoversSwept` checks once the work has been restarted.
 */
async function expectSound(archiveDir: string, leftoversSwept = false): Promise<void> {
  const archive = openArchive(archiveDir, { create: false });
  try {
    if (leftoversSwept) expectNoOrphans(archive);
    const report = await checkArchive(archive);
    expect(report.integrity).toBe('ok');
    expect(report.foreignKeyProblems).toBe(0);
    expect(report.originals.missing).toEqual([]);
    expect(report.originals.changed).toEqual([]);
    expect(report.derived.missing).toEqual([]);
  } finally {
    archive.close();
  }
}

describe('SIGKILL at 21 moments', () => {
  it(`import: ${IMPORT_KILLS.length} kills, then it completes`, async () => {
    const dir = tempDir();
    for (let i = 1; i <= 5; i++) await writePng(path.join(dir, `p${i}.png`), 1400, 1900, i);
    await writeTextPdf(path.join(dir, 'p6.pdf'), [['one'], ['two'], ['three']], [612, 792]);
    const archiveDir = path.join(tempDir(), 'archive');
    for (const delay of IMPORT_KILLS) {
      await killAfterFirstOutput(startCli(['import', '--archive', archiveDir, '--json', dir]), delay);
      await expectSound(archiveDir);
    }
    expect(runCli(['import', '--archive', archiveDir, dir]).status).toBe(0);
    const archive = openArchive(archiveDir, { create: false });
    expect(listPages(archive.db)).toHaveLength(8);
    archive.close();
    await expectSound(archiveDir, true);
  });

  it(`OCR: ${OCR_KILLS.length} kills, then the queue resumes and finishes`, async () => {
    const crops = await writeBodyCrops(tempDir(), 2, 5, 300);
    const archiveDir = path.join(tempDir(), 'archive');
    expect(runCli(['import', '--archive', archiveDir, ...crops.map((c) => c.file)]).status).toBe(0);
    for (const delay of OCR_KILLS) {
      await killAfterFirstOutput(
        startCli(['ocr', '--archive', archiveDir, '--all', '--jobs', '2', '--json']),
        delay,
      );
      await expectSound(archiveDir);
      const archive = openArchive(archiveDir, { create: false });
      // A job is never half done: a page has text exactly when its job is done.
      for (const job of listJobs(archive.db, 'ocr')) {
        const source = archive.db
          .prepare('SELECT text_source FROM pages WHERE id = ?')
          .pluck()
          .get(job.pageId);
        expect(source === 'ocr').toBe(job.status === 'done');
      }
      archive.close();
    }
    const finish = runCli(['ocr', '--archive', archiveDir, '--jobs', '2']);
    expect(finish.status, finish.stderr).toBe(0);
    const archive = openArchive(archiveDir, { create: false });
    expect(listJobs(archive.db, 'ocr').map((j) => j.status)).toEqual([
      'done',
      'done',
      'done',
      'done',
      'done',
    ]);
    archive.close();
  });

  it(`corrections through the server: ${EDIT_KILLS.length} kills, every acknowledged correction kept`, async () => {
    const archiveDir = path.join(tempDir(), 'archive');
    const lines = Array.from({ length: 40 }, (_, i) => [`line ${i + 1} of the page`]);
    const pdf = await writeTextPdf(
      path.join(tempDir(), 'text.pdf'),
      [lines.flat().slice(0, 30), lines.flat().slice(30)],
      [400, 800],
    );
    expect(runCli(['import', '--archive', archiveDir, pdf]).status).toBe(0);
    const acknowledged = new Map<number, string>();
    let round = 0;
    for (const delay of EDIT_KILLS) {
      round++;
      const server = startCli(['serve', '--archive', archiveDir]);
      const url = await new Promise<URL>((resolve) => {
        let out = '';
        server.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /Open (http:\/\/\S+)/.exec(out);
          if (m) resolve(new URL(m[1]!));
        });
      });
      const token = url.searchParams.get('token')!;
      let stop = false;
      // The one request under way when the server dies: it may have been committed without its
      // reply reaching us, which is durable and fine; anything else must be acknowledged.
      let inFlight: { lineId: number; text: string } | null = null;
      const writer = (async () => {
        for (let i = 0; !stop; i++) {
          const lineId = 1 + ((round * 7 + i) % 40);
          const text = `corrected in round ${round}, edit ${i}`;
          inFlight = { lineId, text };
          try {
            const r = await fetch(new URL('/api/correctLine', url), {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-backfile-token': token },
              body: JSON.stringify({ lineId, text }),
            });
            const reply = (await r.json()) as { ok: boolean };
            if (reply.ok) acknowledged.set(lineId, text);
            inFlight = null;
          } catch {
            return; // the server is gone
          }
        }
      })();
      await new Promise((r) => setTimeout(r, delay));
      server.kill('SIGKILL');
      await once(server, 'exit');
      stop = true;
      await writer;
      const archive = openArchive(archiveDir, { create: false });
      try {
        expect(archive.db.pragma('integrity_check', { simple: true })).toBe('ok');
        const pending = inFlight as { lineId: number; text: string } | null;
        for (const [lineId, text] of acknowledged) {
          const stored = archive.db.prepare('SELECT text, corrected FROM lines WHERE id = ?').get(lineId) as {
            text: string;
            corrected: number;
          };
          expect(stored.corrected).toBe(1);
          if (pending?.lineId === lineId && stored.text === pending.text) continue; // committed, reply lost
          expect(stored.text).toBe(text);
        }
        if (
          pending &&
          archive.db.prepare('SELECT text FROM lines WHERE id = ?').pluck().get(pending.lineId) ===
            pending.text
        ) {
          acknowledged.set(pending.lineId, pending.text);
        }
        // Each acknowledged correction is in the history too.
        const history = archive.db
          .prepare("SELECT COUNT(*) FROM edits WHERE entity = 'line'")
          .pluck()
          .get() as number;
        expect(history).toBeGreaterThanOrEqual(acknowledged.size);
      } finally {
        archive.close();
      }
    }
    expect(acknowledged.size).toBeGreaterThan(10);
  });
});

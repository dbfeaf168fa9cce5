// Two processes on one archive, as the app invites: the command line beside the app, or two
// command lines. For each pair of writing commands, run at the same time on real files: nothing
// saved is lost, no page is read twice, and `backfile check` is clean afterwards.

import { once } from 'node:events';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/core/archive/archive.ts';
import { checkArchive } from '../../src/core/archive/check.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { listJobs } from '../../src/core/archive/job-queue.ts';
import { runCli, startCli } from '../fixtures/cli.ts';
import { expectNoOrphans } from '../fixtures/consistency.ts';
import { writePng } from '../fixtures/scans.ts';
import { twoColumns, writeTextScan } from '../fixtures/text-scan.ts';
import { tempDir } from '../fixtures/temp.ts';

async function finished(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout!.resume();
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

async function scans(count: number): Promise<string> {
  const dir = tempDir();
  for (let i = 1; i <= count; i++) await writePng(path.join(dir, `p${i}.png`), 1600, 2200, i);
  return dir;
}

/** The archive is whole: every page has its images, nothing is left over, check says OK. */
async function expectClean(archiveDir: string, pages: number): Promise<void> {
  const archive = openArchive(archiveDir, { create: false });
  try {
    expect(archive.db.prepare('SELECT COUNT(*) FROM pages').pluck().get()).toBe(pages);
    const report = await checkArchive(archive, { repair: true });
    expect(report.derived.missing).toEqual([]);
    expect(report.originals.missing).toEqual([]);
    expect(report.ok).toBe(true);
    expectNoOrphans(archive);
  } finally {
    archive.close();
  }
}

describe('two processes on one archive', () => {
  it('import + import of the same files: each page once, with all its images', async () => {
    const dir = await scans(8);
    const archiveDir = path.join(tempDir(), 'archive');
    expect(runCli(['init', '--archive', archiveDir]).status).toBe(0);
    const [a, b] = await Promise.all([
      finished(startCli(['import', '--archive', archiveDir, dir])),
      finished(startCli(['import', '--archive', archiveDir, dir])),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    await expectClean(archiveDir, 8);
  });

  it('import + check --repair: the repair leaves the import’s work under way alone', async () => {
    const dir = await scans(8);
    const archiveDir = path.join(tempDir(), 'archive');
    expect(runCli(['init', '--archive', archiveDir]).status).toBe(0);
    const importing = startCli(['import', '--archive', archiveDir, '--json', dir]);
    const done = finished(importing);
    await once(importing.stdout!, 'data'); // the first file is in; the next ones are under way
    const repairs: number[] = [];
    for (let i = 0; i < 4; i++) repairs.push(runCli(['check', '--archive', archiveDir, '--repair']).status!);
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(repairs.every((s) => s === 0)).toBe(true);
    await expectClean(archiveDir, 8);
  });

  it('an upload through the app + a command-line import of the same files', async () => {
    const dir = await scans(8);
    const archiveDir = path.join(tempDir(), 'archive');
    const app = openArchive(archiveDir); // the app's process: uploads are imported in it
    try {
      const cli = finished(startCli(['import', '--archive', archiveDir, dir]));
      const uploads = await importScans(
        app,
        Array.from({ length: 8 }, (_, i) => path.join(dir, `p${8 - i}.png`)),
      );
      expect(uploads.failed).toBe(0);
      const result = await cli;
      expect(result.code, result.stderr).toBe(0);
    } finally {
      app.close();
    }
    await expectClean(archiveDir, 8);
  });

  it('ocr + ocr: the two share the queue, no page is read twice and no attempt is lost', async () => {
    const dir = tempDir();
    for (let i = 0; i < 4; i++)
      await writeTextScan(
        path.join(dir, `s${i}.png`),
        twoColumns().map((c) => ({ ...c, y: c.y + 40 * i })),
      );
    const archiveDir = path.join(tempDir(), 'archive');
    expect(runCli(['import', '--archive', archiveDir, dir]).status).toBe(0);
    const args = [
      'ocr',
      '--archive',
      archiveDir,
      '--all',
      '--lang',
      'eng',
      '--engine',
      'tesseract',
      '--jobs',
      '1',
    ];
    const [a, b] = await Promise.all([finished(startCli(args)), finished(startCli(args))]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const archive = openArchive(archiveDir, { create: false });
    try {
      const jobs = listJobs(archive.db, 'ocr');
      expect(jobs.map((j) => j.status)).toEqual(['done', 'done', 'done', 'done']);
      expect(jobs.map((j) => j.attempts)).toEqual([1, 1, 1, 1]);
      // A page read twice would be recorded as a re-read.
      expect(archive.db.prepare('SELECT COUNT(*) FROM changes').pluck().get()).toBe(0);
    } finally {
      archive.close();
    }
    await expectClean(archiveDir, 4);
  });
});

// The crash harness, continued: SIGKILL during a re-read of corrected pages, and during backup,
// restore and ZIP export. After each kill the corrections are there, each once; the next run
// finishes the work and removes what the killed one left in temporary places.

import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/core/archive/archive.ts';
import { checkArchive } from '../../src/core/archive/check.ts';
import { listJobs } from '../../src/core/archive/job-queue.ts';
import { correctLine } from '../../src/core/text/corrections.ts';
import { runCli, startCli } from '../fixtures/cli.ts';
import { writePng } from '../fixtures/scans.ts';
import { twoColumns, writeTextScan } from '../fixtures/text-scan.ts';
import { tempDir } from '../fixtures/temp.ts';

const REREAD_KILLS = [300, 900, 1600, 2400, 3200];
const CORRECTED = 'The Harbour Board met on TUESDAY';

async function killWhen(child: ChildProcess, ready: () => boolean, limitMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!ready() && child.exitCode === null && Date.now() - started < limitMs)
    await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGKILL');
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
}

const tempLeftovers = (pid: number) =>
  readdirSync(os.tmpdir()).filter((n) => new RegExp(`^backfile-(backup|export|restore)-${pid}-`).test(n));

describe('SIGKILL, continued', () => {
  it(`re-reading corrected pages: ${REREAD_KILLS.length} kills, each correction kept once`, async () => {
    const dir = tempDir();
    for (let i = 0; i < 3; i++)
      await writeTextScan(
        path.join(dir, `s${i}.png`),
        twoColumns().map((c) => ({ ...c, y: c.y + 50 * i })),
      );
    const archiveDir = path.join(tempDir(), 'archive');
    expect(runCli(['import', '--archive', archiveDir, dir]).status).toBe(0);
    const args = ['ocr', '--archive', archiveDir, '--all', '--lang', 'eng', '--engine', 'tesseract'];
    expect(runCli(args).status).toBe(0);
    const setup = openArchive(archiveDir, { create: false });
    for (const pageId of [1, 2, 3]) {
      const first = setup.db
        .prepare('SELECT id FROM lines WHERE page_id = ? ORDER BY y0, x0 LIMIT 1')
        .pluck()
        .get(pageId) as number;
      correctLine(setup.db, first, CORRECTED, 'tester');
    }
    setup.close();
    const expectCorrectionsOnce = () => {
      const archive = openArchive(archiveDir, { create: false });
      try {
        expect(archive.db.pragma('integrity_check', { simple: true })).toBe('ok');
        for (const pageId of [1, 2, 3]) {
          const texts = archive.db
            .prepare('SELECT text FROM lines WHERE page_id = ?')
            .pluck()
            .all(pageId) as string[];
          expect(texts.filter((t) => /tuesday/i.test(t))).toEqual([CORRECTED]);
          expect(texts.some((t) => /river/i.test(t))).toBe(true); // the page kept its other text
        }
      } finally {
        archive.close();
      }
    };
    for (const delay of REREAD_KILLS) {
      const child = startCli([...args, '--force', '--jobs', '1']);
      const started = Date.now();
      await killWhen(child, () => Date.now() - started > delay);
      expectCorrectionsOnce();
    }
    expect(runCli([...args, '--force']).status).toBe(0);
    expectCorrectionsOnce();
    const archive = openArchive(archiveDir, { create: false });
    expect(listJobs(archive.db, 'ocr').every((j) => j.status === 'done')).toBe(true);
    expect((await checkArchive(archive)).ok).toBe(true);
    archive.close();
  });

  it('backup, restore and ZIP export killed midway leave nothing once run again', async () => {
    const dir = tempDir();
    for (let i = 1; i <= 6; i++) await writePng(path.join(dir, `p${i}.png`), 2400, 3200, i);
    const archiveDir = path.join(tempDir(), 'archive');
    expect(runCli(['import', '--archive', archiveDir, dir]).status).toBe(0);
    const out = tempDir();

    const backup = path.join(out, 'archive.tar');
    const b = startCli(['backup', '--archive', archiveDir, '--out', backup]);
    await killWhen(b, () => readdirSync(out).some((n) => n.endsWith('.partial')));
    // Killed midway: its partial file and its temporary folder are left behind.
    expect(readdirSync(out).filter((n) => n.endsWith('.partial'))).toHaveLength(1);
    expect(tempLeftovers(b.pid!)).toHaveLength(1);
    expect(runCli(['backup', '--archive', archiveDir, '--out', backup]).status).toBe(0);
    expect(readdirSync(out)).toEqual(['archive.tar']);
    expect(tempLeftovers(b.pid!)).toEqual([]);

    const zip = path.join(out, 'export.zip');
    const e = startCli([
      'export',
      '--archive',
      archiveDir,
      '--format',
      'alto',
      '--images',
      '--zip',
      '--out',
      zip,
    ]);
    await killWhen(e, () => tempLeftovers(e.pid!).length > 0);
    expect(tempLeftovers(e.pid!)).toHaveLength(1);
    expect(
      runCli([
        'export',
        '--archive',
        archiveDir,
        '--format',
        'txt',
        '--zip',
        '--out',
        path.join(out, 'b.zip'),
      ]).status,
    ).toBe(0);
    expect(tempLeftovers(e.pid!)).toEqual([]);
    expect(existsSync(zip)).toBe(false);

    const target = path.join(out, 'restored');
    const r = startCli(['restore', '--from', backup, '--archive', target]);
    await killWhen(r, () => readdirSync(out).some((n) => n.startsWith('restored.restoring-')));
    expect(readdirSync(out).filter((n) => n.startsWith('restored.restoring-'))).toHaveLength(1);
    expect(runCli(['restore', '--from', backup, '--archive', target]).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['archive.tar', 'b.zip', 'restored']);
    const restored = openArchive(target, { create: false });
    expect((await checkArchive(restored)).ok).toBe(true);
    restored.close();
  });
});

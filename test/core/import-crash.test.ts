// A crash in the middle of an import (SIGKILL, no chance to clean up), then the same import
// again: it completes, with every page once, and the archive is consistent.

import path from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/core/archive/archive.ts';
import { listPages } from '../../src/core/archive/pages.ts';
import { runCli, startCli } from '../fixtures/cli.ts';
import { writeJpeg, writeMultiPageTiff, writePng, writeTextPdf } from '../fixtures/scans.ts';
import { tempDir } from '../fixtures/temp.ts';
import { expectNoOrphans } from '../fixtures/consistency.ts';

async function makeBatch(dir: string): Promise<number> {
  for (let i = 1; i <= 6; i++) await writePng(path.join(dir, `p${i}.png`), 1500, 2000, i);
  await writeJpeg(path.join(dir, 'p7.jpg'), 1500, 2000, 7);
  await writeMultiPageTiff(path.join(dir, 'p8.tif'), 3, 1200, 1600);
  await writeTextPdf(path.join(dir, 'p9.pdf'), [['one'], ['two']], [612, 792]);
  return 6 + 1 + 3 + 2;
}

describe('an import killed part-way', () => {
  it.each([1, 2, 3])('completes when re-run after SIGKILL once %i files are in', async (files) => {
    const dir = tempDir();
    const expected = await makeBatch(dir);
    const archiveDir = path.join(tempDir(), 'archive');
    const child = startCli(['import', '--archive', archiveDir, '--json', dir]);
    // Kill as soon as that many files are reported: a point inside the batch by what has
    // happened, not by a clock.
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.split('\n').filter(Boolean).length >= files) resolve();
      });
      child.once('exit', () => resolve());
    });
    child.kill('SIGKILL');
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    expect(out).not.toContain('"summary"'); // it died inside the batch

    const partial = openArchive(archiveDir);
    const before = listPages(partial.db).length;
    partial.close();
    expect(before).toBeGreaterThanOrEqual(files);

    const rerun = runCli(['import', '--archive', archiveDir, '--json', dir]);
    expect(rerun.status, rerun.stderr).toBe(0);
    const archive = openArchive(archiveDir);
    try {
      const pages = listPages(archive.db);
      expect(pages).toHaveLength(expected);
      expect(new Set(pages.map((p) => `${p.sourceSha256}:${p.sourceIndex}`)).size).toBe(expected);
      expectNoOrphans(archive);
    } finally {
      archive.close();
    }
  });
});

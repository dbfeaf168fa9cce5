// A read-only folder and a full disk are said as what they are, not as a corrupt archive; an
// import that meets a full disk fails file by file and the archive stays sound. Uses a small
// tmpfs of its own (root can mount one here); where mounting is not allowed the test says so.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchive } from '../../src/core/archive/archive.ts';
import { checkArchive } from '../../src/core/archive/check.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { runCli } from '../fixtures/cli.ts';
import { writePng } from '../fixtures/scans.ts';
import { tempDir } from '../fixtures/temp.ts';

const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0)) execFileSync('umount', ['-l', dir]);
});

/** A fresh tmpfs of `size`, or null where this machine does not let the test mount one. */
function smallDisk(size: string): string | null {
  const dir = path.join(tempDir(), 'disk');
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mounted.push(dir);
  return dir;
}

describe('the disk under the archive', () => {
  it('reports a read-only folder as not writable', async (context) => {
    const disk = smallDisk('20m');
    if (!disk) return context.skip('mount is not allowed here');
    const archiveDir = path.join(disk, 'archive');
    const archive = openArchive(archiveDir);
    await importScans(archive, [await writePng(path.join(tempDir(), 'p.png'), 300, 300)]);
    archive.close();
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    expect(() => openArchive(archiveDir, { create: false })).toThrow(
      expect.objectContaining({ code: 'archive-not-writable', message: expect.stringMatching(/read-only/) }),
    );
    const status = runCli(['status', '--archive', archiveDir]);
    expect(status.status).not.toBe(0);
    expect(status.stderr).toMatch(/read-only/);
    expect(status.stderr).not.toMatch(/corrupt/i);
  });

  it('fails the files that meet a full disk with disk-full, and keeps the archive sound', async (context) => {
    const disk = smallDisk('3m');
    if (!disk) return context.skip('mount is not allowed here');
    const archive = openArchive(path.join(disk, 'archive'));
    try {
      const dir = tempDir();
      const small = await writePng(path.join(dir, 'a-small.png'), 300, 300, 1);
      // Noise does not compress: this one cannot fit in what is left.
      const big = path.join(dir, 'b-big.png');
      const sharp = (await import('sharp')).default;
      const noise = randomBytes(1600 * 1600);
      await sharp(noise, { raw: { width: 1600, height: 1600, channels: 1 } })
        .png()
        .toFile(big);
      const summary = await importScans(archive, [small, big]);
      expect(summary.files.map((f) => f.outcome)).toEqual(['imported', 'failed']);
      expect(summary.files[1]!.error).toMatchObject({
        code: 'disk-full',
        message: expect.stringMatching(/full/),
      });
      const report = await checkArchive(archive, { repair: true });
      expect(report.integrity).toBe('ok');
      expect(report.derived.missing).toEqual([]);
    } finally {
      archive.close();
    }
  });
});

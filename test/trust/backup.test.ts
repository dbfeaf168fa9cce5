// Backup while the archive is being written, restore, and check with repair.

import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/core/archive/archive.ts';
import { backupArchive, restoreArchive } from '../../src/core/archive/backup.ts';
import { checkArchive } from '../../src/core/archive/check.ts';
import { listPages } from '../../src/core/archive/pages.ts';
import tar from 'tar-stream';
import { importScans } from '../../src/core/import/importer.ts';
import { runCli, startCli } from '../fixtures/cli.ts';
import { writePng, writeTextPdf } from '../fixtures/scans.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

describe('backup and restore', () => {
  it('backs up while an import is writing, and the restored archive is consistent and complete up to the backup', async () => {
    const dir = tempDir();
    for (let i = 1; i <= 8; i++) await writePng(path.join(dir, `p${i}.png`), 1500, 2000, i);
    const archiveDir = path.join(tempDir(), 'archive');
    const child = startCli(['import', '--archive', archiveDir, '--json', dir]);
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    const backup = path.join(tempDir(), 'backup.tar');
    const r = runCli(['backup', '--archive', archiveDir, '--out', backup]);
    expect(r.status, r.stderr).toBe(0);
    await once(child, 'exit');

    const restored = path.join(tempDir(), 'restored');
    const rr = runCli(['restore', '--from', backup, '--archive', restored]);
    expect(rr.status, rr.stderr).toBe(0);
    expect(rr.stderr).toMatch(/check: ok/);
    const a = openArchive(restored, { create: false });
    const b = openArchive(archiveDir, { create: false });
    try {
      const restoredPages = listPages(a.db).map((p) => p.sourceSha256);
      expect(restoredPages.length).toBeGreaterThanOrEqual(1);
      expect(listPages(b.db)).toHaveLength(8);
      // Every page in the backup is one of the live archive's pages, with the same files.
      expect(listPages(b.db).map((p) => p.sourceSha256)).toEqual(expect.arrayContaining(restoredPages));
      const report = await checkArchive(a);
      expect(report).toMatchObject({ ok: true, integrity: 'ok', leftovers: [] });
    } finally {
      a.close();
      b.close();
    }
  });

  it('restores the text exactly, corrections included', async () => {
    const archive = tempArchive();
    await importScans(archive, [
      await writeTextPdf(path.join(tempDir(), 't.pdf'), [['Neue Zürcher Zeitung'], ['Kolonie-Zeitung']]),
    ]);
    archive.db.prepare("UPDATE lines SET text = 'corrected', corrected = 1 WHERE id = 1").run();
    const backup = path.join(tempDir(), 'b.tar');
    await backupArchive(archive, backup);
    const target = path.join(tempDir(), 'r');
    await restoreArchive(backup, target);
    const restored = openArchive(target, { create: false });
    try {
      const dump = (db: typeof archive.db) =>
        JSON.stringify(db.prepare('SELECT * FROM lines ORDER BY id').all()) +
        JSON.stringify(db.prepare('SELECT * FROM words ORDER BY id').all());
      expect(dump(restored.db)).toBe(dump(archive.db));
    } finally {
      restored.close();
    }
  });

  it('refuses to restore over a folder that is not empty, a damaged backup, and paths leaving the archive', async () => {
    const archive = tempArchive();
    await importScans(archive, [await writePng(path.join(tempDir(), 'a.png'), 100, 100)]);
    const backup = path.join(tempDir(), 'b.tar');
    await backupArchive(archive, backup);
    const busy = tempDir();
    writeFileSync(path.join(busy, 'notes.txt'), 'mine');
    await expect(restoreArchive(backup, busy)).rejects.toThrow(/not empty/);

    const cut = path.join(tempDir(), 'cut.tar');
    writeFileSync(cut, Buffer.from((await import('node:fs')).readFileSync(backup)).subarray(0, 2000));
    await expect(restoreArchive(cut, path.join(tempDir(), 'x'))).rejects.toThrow(/cut short|damaged/);

    const evil = path.join(tempDir(), 'evil.tar');
    const pack = tar.pack();
    pack.entry({ name: '../../evil.txt' }, 'AAAA');
    pack.finalize();
    const chunks: Buffer[] = [];
    for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
    writeFileSync(evil, Buffer.concat(chunks));
    await expect(restoreArchive(evil, path.join(tempDir(), 'y'))).rejects.toThrow(/outside the archive/);
  });
});

describe('a backup', () => {
  it('is a tar file GNU tar lists and extracts into an archive that opens and checks', async () => {
    const archive = tempArchive();
    await importScans(archive, [await writePng(path.join(tempDir(), 'a.png'), 300, 400, 3)]);
    const backup = path.join(tempDir(), 'b.tar');
    const summary = await backupArchive(archive, backup);
    const listed = spawnSync('tar', ['-tf', backup], { encoding: 'utf8' });
    expect(listed.status, listed.stderr).toBe(0);
    const names = listed.stdout.trim().split('\n');
    expect(names).toContain('archive.sqlite');
    expect(names).toHaveLength(summary.files);
    const [page] = listPages(archive.db);
    expect(names).toEqual(expect.arrayContaining([page!.rasterPath, page!.thumbnailPath, page!.tilesPath]));
    const out = tempDir();
    const extracted = spawnSync('tar', ['-xf', backup, '-C', out], { encoding: 'utf8' });
    expect(extracted.status, extracted.stderr).toBe(0);
    const copy = openArchive(out, { create: false });
    try {
      expect(listPages(copy.db).map((p) => p.sourceSha256)).toEqual([page!.sourceSha256]);
      expect(await checkArchive(copy)).toMatchObject({ ok: true });
    } finally {
      copy.close();
    }
  });
});

describe('backfile check', () => {
  it('finds a changed original, a missing thumbnail and leftovers; repair rebuilds and sweeps what it safely can', async () => {
    const archive = tempArchive();
    await importScans(archive, [
      await writePng(path.join(tempDir(), 'a.png'), 300, 300, 1),
      await writePng(path.join(tempDir(), 'b.png'), 300, 300, 2),
    ]);
    const [first, second] = listPages(archive.db);
    expect(await checkArchive(archive)).toMatchObject({ ok: true });
    rmSync(archive.resolve(first!.thumbnailPath));
    rmSync(path.dirname(archive.resolve(first!.tilesPath)), { recursive: true });
    mkdirSync(archive.resolve('files/pages/zz'), { recursive: true });
    writeFileSync(archive.resolve('files/pages/zz/leftover.partial'), 'x');
    appendFileSync(archive.resolve(second!.rasterPath), 'tampered');
    const before = await checkArchive(archive);
    expect(before.ok).toBe(false);
    expect(before.originals.changed).toEqual([second!.rasterPath]);
    expect(before.derived.missing).toEqual([first!.thumbnailPath, first!.tilesPath]);
    expect(before.leftovers).toEqual(['files/pages/zz/leftover.partial']);
    const repaired = await checkArchive(archive, { repair: true });
    expect(repaired.derived.rebuilt).toEqual([first!.thumbnailPath, first!.tilesPath]);
    const after = await checkArchive(archive);
    expect(after.derived.missing).toEqual([]);
    expect(after.leftovers).toEqual([]);
    expect(after.originals.changed).toEqual([second!.rasterPath]); // an original cannot be repaired, only reported
    expect(after.ok).toBe(false);
    const cli = runCli(['check', '--archive', archive.dir]);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(/1 changed/);
  });
});

// backfile shard: splitting keeps order and balance, manifests are what a worker needs, and an
// archive's unread pages go out in shards and come back read, with where they were read.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../src/core/archive/archive.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { listPages } from '../../src/core/archive/pages.ts';
import { pageLineCount } from '../../src/core/archive/line-rows.ts';
import { pageProvenance } from '../../src/core/archive/provenance.ts';
import { SHARD_MANIFEST, splitContiguous } from '../../src/core/scale/manifest.ts';
import { shardFiles, shardUnreadPages, writeManifests } from '../../src/core/scale/shard.ts';
import { importShard, readManifest } from '../../src/core/scale/shard-worker.ts';
import { mergeArchives } from '../../src/core/scale/merge.ts';
import { OcrRunner } from '../../src/core/jobs/ocr-runner.ts';
import { engineFactory } from '../../src/core/ocr/engines.ts';
import { seededRandom } from '../fixtures/random.ts';
import { writeTextScan } from '../fixtures/text-scan.ts';

describe('splitting a batch', () => {
  it('keeps every item once and in order, in contiguous runs, none empty while items remain', () => {
    const next = seededRandom(7);
    for (let trial = 0; trial < 200; trial++) {
      const items = Array.from({ length: next(40) }, (_, i) => ({ i, w: 1 + next(1000) }));
      const count = 1 + next(8);
      const shards = splitContiguous(items, count, (x) => x.w);
      expect(shards).toHaveLength(count);
      expect(shards.flat().map((x) => x.i)).toEqual(items.map((x) => x.i));
      const empty = shards.filter((s) => s.length === 0).length;
      expect(empty).toBe(Math.max(0, count - items.length));
    }
  });

  it('balances equal files evenly', () => {
    const shards = splitContiguous(
      Array.from({ length: 12 }, (_, i) => i),
      4,
      () => 10,
    );
    expect(shards.map((s) => s.length)).toEqual([3, 3, 3, 3]);
  });

  it('gives no shard more than its share and one file more', () => {
    const next = seededRandom(11);
    for (let trial = 0; trial < 100; trial++) {
      const weights = Array.from({ length: 30 }, () => 1 + next(100));
      const count = 2 + next(4);
      const total = weights.reduce((a, b) => a + b, 0);
      const biggest = Math.max(...weights);
      for (const shard of splitContiguous(weights, count, (w) => w))
        expect(shard.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(total / count + biggest);
    }
  });
});

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'backfile-shard-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('shard manifests', () => {
  it('name absolute files, the metadata, language and engine, and validate', async () => {
    const folder = path.join(root, 'scans');
    mkdirSync(folder);
    for (let i = 0; i < 3; i++)
      await writeTextScan(
        path.join(folder, `p${i + 1}.png`),
        [{ x: 80, y: 60, lines: [`line ${i}`] }],
        600,
        200,
      );
    const written = await writeManifests(
      path.join(root, 'manifests'),
      shardFiles(
        [path.relative(process.cwd(), folder)],
        { title: 'The Post', edition: 'late' },
        { count: 2, languages: 'eng', engine: 'tesseract' },
      ),
    );
    expect(written.map((f) => path.basename(f))).toEqual(['shard-0000.json', 'shard-0001.json']);
    const manifests = written.map((f) => SHARD_MANIFEST.parse(JSON.parse(readFileSync(f, 'utf8'))));
    expect(manifests.flatMap((m) => m.files.map((f) => path.basename(f.path)))).toEqual([
      'p1.png',
      'p2.png',
      'p3.png',
    ]);
    for (const m of manifests) {
      expect(
        m.files.every((f) => path.isAbsolute(f.path) && f.title === 'The Post' && f.edition === 'late'),
      ).toBe(true);
      expect(m.ocr).toEqual({ languages: 'eng', engine: 'tesseract' });
    }
    await expect(writeManifests(path.join(root, 'manifests'), [])).rejects.toThrow(/not an empty folder/);
  });

  it('refuses a pattern that reads folder names, which a worker importing single files cannot see', () => {
    expect(() =>
      shardFiles(
        [root],
        {},
        { count: 2, languages: 'eng', engine: 'auto', pattern: '{title}/{date:YYYYMMDD}' },
      ),
    ).toThrow(/file names only/);
  });

  it('a manifest that is not one is refused with what is wrong', () => {
    const bad = path.join(root, 'bad.json');
    writeFileSync(bad, JSON.stringify({ backfile: 'shard', version: 1, name: 'x y', files: [] }));
    expect(() => readManifest(bad)).toThrow(/not a Backfile shard manifest: .*name/);
  });
});

describe("an archive's unread pages", () => {
  it('go out in shards and come back read, each page saying which shard and host read it', async () => {
    const scans = path.join(root, 'unread-scans');
    mkdirSync(scans);
    const files = [];
    for (let i = 0; i < 3; i++)
      files.push(
        await writeTextScan(
          path.join(scans, `u${i}.png`),
          [{ x: 80, y: 60, lines: [`harbour report ${i + 1}`, 'the council met'] }],
          900,
          260,
        ),
      );
    const archive = openArchive(path.join(root, 'library'));
    try {
      await importScans(archive, files, { title: 'Harbour News', date: '1920-01-05' });
      const manifests = await writeManifests(
        path.join(root, 'unread-manifests'),
        shardUnreadPages(archive, { count: 2, languages: 'eng', engine: 'tesseract' }),
      );
      const shardDirs: string[] = [];
      for (const m of manifests) {
        const manifest = readManifest(m);
        expect(
          manifest.files.every((f) => f.sha256 && f.pages?.length === 1 && f.title === 'Harbour News'),
        ).toBe(true);
        const shard = await importShard(m, { ocr: true });
        expect(shard.queued).toBe(manifest.files.length);
        await new OcrRunner(shard.archive, (name) => engineFactory(shard.archive, name), {
          workers: 1,
        }).run();
        shardDirs.push(shard.archive.dir);
        shard.archive.close();
      }
      const report = await mergeArchives(archive, shardDirs);
      expect(report.filled).toBe(3);
      expect(report.added).toBe(0);
      for (const page of listPages(archive.db)) {
        expect(pageLineCount(archive.db, page.id)).toBeGreaterThan(0);
        const provenance = pageProvenance(archive.db, page.id);
        expect(provenance.shard).toMatch(/^shard-000[01]$/);
        expect(provenance.host).toBe(os.hostname());
        expect(provenance.engine).toBe('tesseract.js');
        expect(provenance.version).toMatch(/^\d+\.\d+/);
      }
      expect(() => shardUnreadPages(archive, { count: 2, languages: 'eng', engine: 'auto' })).toThrow(
        /nothing to split/,
      );
    } finally {
      archive.close();
    }
  });
});

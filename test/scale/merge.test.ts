// backfile merge on real archives: shards made from real PDFs (their text layer, so no OCR is
// needed here; the cluster suite reads scans with OCR), merged and compared with one archive that
// imported the same files on one machine.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../src/core/archive/archive.ts';
import { checkArchive } from '../../src/core/archive/check.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { listPages } from '../../src/core/archive/pages.ts';
import { reviewLines } from '../../src/core/archive/line-rows.ts';
import { correctLine } from '../../src/core/text/corrections.ts';
import { createRegion } from '../../src/core/articles/regions.ts';
import { createArticle } from '../../src/core/articles/articles.ts';
import { articleIds, partRegionIds } from '../../src/core/archive/article-rows.ts';
import { mergeArchives } from '../../src/core/scale/merge.ts';
import { shardFiles, writeManifests } from '../../src/core/scale/shard.ts';
import { importShard, shardArchiveFolder } from '../../src/core/scale/shard-worker.ts';
import { writeTextPdf } from '../fixtures/scans.ts';

let root: string;
let files: string[];
const opened: Archive[] = [];

function open(dir: string): Archive {
  const a = openArchive(dir);
  opened.push(a);
  return a;
}

/** What "the same archive" means here: each page by its original, with its issue and text. */
function contents(archive: Archive) {
  return listPages(archive.db)
    .map((p) => ({
      page: `${p.sourceSha256}#${p.sourceIndex}`,
      issue: `${p.title}|${p.date}|${p.edition}`,
      sequence: p.sequence,
      text: reviewLines(archive.db, p.id).map((l) => l.text),
    }))
    .sort((a, b) => a.page.localeCompare(b.page));
}

/** Shards of `files` made and run as workers would; returns the shard archives' folders. */
async function runShards(name: string, count: number): Promise<string[]> {
  const manifests = await writeManifests(
    path.join(root, name),
    shardFiles(
      files,
      { title: 'Merge Courier', date: '1912-04-15' },
      { count, languages: 'eng', engine: 'auto' },
    ),
  );
  const dirs: string[] = [];
  for (const m of manifests) {
    const shard = await importShard(m, { ocr: true });
    dirs.push(shard.archive.dir);
    shard.archive.close();
    expect(shardArchiveFolder(m, JSON.parse(readFileSync(m, 'utf8')))).toBe(dirs.at(-1));
  }
  return dirs;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'backfile-merge-'));
  files = [];
  for (let f = 0; f < 4; f++) {
    const pages = Array.from({ length: f === 1 ? 3 : 1 }, (_, p) => [
      `File ${f} page ${p} first line`,
      `the council met on ${f * 7 + p} April`,
    ]);
    files.push(await writeTextPdf(path.join(root, `scan-${f}.pdf`), pages));
  }
});

afterAll(() => {
  for (const a of opened.splice(0)) a.close();
  rmSync(root, { recursive: true, force: true });
});

describe('backfile merge', () => {
  it('gives the archive one machine would have made: the same pages, issues, order and text, and a sound archive', async () => {
    const single = open(path.join(root, 'single'));
    await importScans(single, files, { title: 'Merge Courier', date: '1912-04-15' });
    const merged = open(path.join(root, 'merged'));
    const shards = await runShards('shards-equal', 3);
    const report = await mergeArchives(merged, shards);
    expect(report.added).toBe(6);
    expect(report.conflicts).toEqual([]);
    expect(contents(merged)).toEqual(contents(single));
    // The merged archive stands alone: its files stay when the shards are deleted.
    for (const dir of shards) rmSync(dir, { recursive: true, force: true });
    const check = await checkArchive(merged);
    expect(check.ok).toBe(true);
    expect(check.originals.checked).toBe(4);
    expect(check.derived.missing).toEqual([]);
  });

  it('run again, or given a shard twice, adds nothing', async () => {
    const target = open(path.join(root, 'twice'));
    const shards = await runShards('shards-twice', 2);
    await mergeArchives(target, shards);
    const before = contents(target);
    const again = await mergeArchives(target, [...shards, shards[0]!]);
    expect(again.added).toBe(0);
    expect(again.duplicates).toBe(6 + listPages(open(shards[0]!).db).length);
    expect(contents(target)).toEqual(before);
    expect(listPages(target.db)).toHaveLength(6);
  });

  it("never replaces a correction in the target with a shard's machine text, and says so", async () => {
    const target = open(path.join(root, 'corrected-target'));
    await importScans(target, [files[0]!], { title: 'Merge Courier', date: '1912-04-15' });
    const page = listPages(target.db)[0]!;
    const line = reviewLines(target.db, page.id)[0]!;
    correctLine(target.db, line.id, 'File 0 page 0 first line, corrected', 'reviewer');
    // The shard read the same page differently (here: its text layer altered by hand).
    const shards = await runShards('shards-conflict', 1);
    const shard = open(shards[0]!);
    const theirs = listPages(shard.db).find((p) => p.sourceSha256 === page.sourceSha256)!;
    correctLine(shard.db, reviewLines(shard.db, theirs.id)[1]!.id, 'the council met on 0 May', 'elsewhere');
    shard.close();
    opened.splice(opened.indexOf(shard), 1);
    const report = await mergeArchives(target, shards);
    expect(report.conflicts.map((c) => c.page)).toEqual(['scan-0.pdf']);
    expect(report.conflicts[0]!.reason).toMatch(/kept/);
    const texts = reviewLines(target.db, page.id).map((l) => l.text);
    expect(texts).toEqual(['File 0 page 0 first line, corrected', 'the council met on 0 April']);
    expect(report.added).toBe(5); // the other files' pages still come in
  });

  it("brings a shard's corrections into a target whose text nobody touched, marked as corrections", async () => {
    const target = open(path.join(root, 'machine-target'));
    await importScans(target, [files[2]!], { title: 'Merge Courier', date: '1912-04-15' });
    const shards = await runShards('shards-corrections', 1);
    const shard = open(shards[0]!);
    const theirs = listPages(shard.db).find((p) => p.sourceName === 'scan-2.pdf')!;
    correctLine(
      shard.db,
      reviewLines(shard.db, theirs.id)[0]!.id,
      'File 2, page one, first line',
      'reviewer',
    );
    const report = await mergeArchives(target, shards);
    expect(report.corrected).toBe(1);
    const lines = reviewLines(target.db, listPages(target.db).find((p) => p.sourceName === 'scan-2.pdf')!.id);
    expect(lines[0]!.text).toBe('File 2, page one, first line');
    expect(lines[0]!.corrected).toBe(true);
    // And back the other way: the shard, merged from the target, keeps its own correction.
    const back = await mergeArchives(shard, [target.dir]);
    expect(back.conflicts).toEqual([]);
    expect(reviewLines(shard.db, theirs.id)[0]!.text).toBe('File 2, page one, first line');
  });

  it('brings articles whose regions all came, with their parts on the new pages', async () => {
    const shards = await runShards('shards-articles', 1);
    const shard = open(shards[0]!);
    const page = listPages(shard.db)[0]!;
    const region = createRegion(
      shard.db,
      page.id,
      'body',
      [
        [10, 10],
        [page.width - 10, 10],
        [page.width - 10, page.height / 2],
        [10, page.height / 2],
      ],
      'reviewer',
    );
    const article = createArticle(shard.db, [region], { headline: 'Council meets' }, 'reviewer');
    expect(article).toBeGreaterThan(0);
    const target = open(path.join(root, 'articles-target'));
    const report = await mergeArchives(target, shards);
    expect(report.articles).toBe(1);
    const [merged] = articleIds(target.db);
    const parts = partRegionIds(target.db, merged!);
    expect(parts).toHaveLength(1);
    const targetPage = listPages(target.db).find((p) => p.sourceSha256 === page.sourceSha256)!;
    expect(reviewLines(target.db, targetPage.id).some((l) => l.regionId === parts[0])).toBe(true);
  });

  it('stopped halfway, merges the shards before the stop whole and none of the next; run again, it completes', async () => {
    const shards = await runShards('shards-stopped', 2);
    const target = open(path.join(root, 'stopped'));
    const controller = new AbortController();
    let shardsDone = 0;
    await expect(
      mergeArchives(target, shards, {
        signal: controller.signal,
        onShard: () => shardsDone++,
        onPage: (done) => {
          if (shardsDone === 1 && done === 1) controller.abort();
        },
      }),
    ).rejects.toThrow(/stopped/);
    const partial = listPages(target.db).length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(6);
    const rest = await mergeArchives(target, shards);
    expect(rest.added).toBe(6 - partial);
    expect(listPages(target.db)).toHaveLength(6);
    expect((await checkArchive(target, { repair: true })).ok).toBe(true);
  });
});

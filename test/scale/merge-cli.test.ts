// backfile shard, import --shard and merge as a library runs them, in child processes; and a
// merge killed with SIGKILL while it writes, which must leave whole shards only, and complete
// when run again.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../fixtures/cli.ts';
import { writeTextPdf } from '../fixtures/scans.ts';

let root: string;
let shardArchives: string[];
const PAGES = [1, 40, 1]; // pages of the three files, one file a shard: the middle shard is long

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'backfile-merge-cli-'));
  const files = [];
  for (const [f, count] of PAGES.entries())
    files.push(
      await writeTextPdf(
        path.join(root, `issue-${f}.pdf`),
        Array.from({ length: count }, (_, p) => [`file ${f} page ${p}`, 'notes from the harbour office']),
      ),
    );
  const shard = runCli([
    'shard',
    '--shards',
    '3',
    '--out',
    path.join(root, 'batch'),
    '--title',
    'Kill Gazette',
    ...files,
  ]);
  expect(shard.status, shard.stderr).toBe(0);
  shardArchives = [];
  for (let i = 0; i < 3; i++) {
    const run = runCli([
      'import',
      '--shard',
      path.join(root, 'batch', `shard-000${i}.json`),
      '--ocr',
      '--json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    shardArchives.push(path.join(root, 'batch', `shard-000${i}.archive`));
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const pageCount = (archive: string) => {
  const pages = runCli(['pages', '--archive', archive, '--json']);
  expect(pages.status, pages.stderr).toBe(0);
  return JSON.parse(pages.stdout) as { sha256: string; readBy: { shard: string | null } }[];
};

describe('backfile merge from the command line', () => {
  it('killed while it writes, leaves whole shards only; run again, it completes with nothing doubled', async () => {
    const target = path.join(root, 'target');
    const child = startCli(['merge', '--into', target, ...shardArchives]);
    // Kill it as soon as it reports the first shard, while it is writing the long second one.
    await new Promise<void>((resolve) => {
      let err = '';
      child.stderr!.on('data', (d) => {
        err += d;
        if (/shard-0000: \d+ pages added/.test(err)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => resolve());
    });
    await new Promise((r) => child.on('exit', r));
    const after = pageCount(target).length;
    const wholeShards = [0, PAGES[0]!, PAGES[0]! + PAGES[1]!, PAGES[0]! + PAGES[1]! + PAGES[2]!];
    expect(wholeShards).toContain(after);

    // Killed while it copied, a merge leaves a file half made under its temporary name (the kill
    // above lands there or in the transaction, as it happens; this one is certain).
    const bucket = path.join(target, 'files', 'originals', 'ff');
    mkdirSync(bucket, { recursive: true });
    writeFileSync(path.join(bucket, `${'f'.repeat(64)}.tif.partial`), 'half a file');
    const again = runCli(['merge', '--into', target, '--json', ...shardArchives]);
    expect(again.status, again.stderr).toBe(0);
    const report = JSON.parse(again.stdout);
    expect(report.added + report.duplicates).toBe(42);
    expect(report.added).toBe(42 - after);
    const pages = pageCount(target);
    expect(new Set(pages.map((p) => p.sha256 + JSON.stringify(p))).size).toBe(42);
    expect(pages).toHaveLength(42);
    expect(runCli(['check', '--archive', target]).status).toBe(0);
  });

  it('refuses what it cannot do, clearly, before touching the target', () => {
    const missing = runCli(['merge', '--into', path.join(root, 'other'), path.join(root, 'no-such-archive')]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/No Backfile archive at .*no-such-archive/);
    const self = runCli(['merge', '--into', shardArchives[0]!, shardArchives[0]!]);
    expect(self.status).not.toBe(0);
    expect(self.stderr).toMatch(/is the archive being merged into/);
    const noInto = runCli(['merge', ...shardArchives]);
    expect(noInto.stderr).toMatch(/--into/);
  });
});

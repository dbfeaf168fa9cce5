// A Backfile batch on a real Slurm cluster (one node, this machine): `backfile shard`, the array
// job and its dependent merge from deploy/slurm, with one task killed mid-shard and rerun by
// Slurm's requeue. The merged archive must equal a single-machine run of the same files.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../src/core/archive/archive.ts';
import { listPages } from '../../src/core/archive/pages.ts';
import { reviewLines } from '../../src/core/archive/line-rows.ts';
import { pageProvenance } from '../../src/core/archive/provenance.ts';
import { REPO_ROOT } from '../fixtures/repo.ts';
import { writeTextScan } from '../fixtures/text-scan.ts';
import { runCli } from '../fixtures/cli.ts';

// The state folder scripts/cluster/slurm-up.sh uses by default, where .ci/run started the daemons.
const STATE = '/tmp/backfile-slurm';
const SLURM_CONF = path.join(STATE, 'slurm.conf');
const env = {
  ...process.env,
  SLURM_CONF,
  BACKFILE: `${process.execPath} ${path.join(REPO_ROOT, 'bin', 'backfile.js')}`,
};
const PAGES = 12;
const SHARDS = 4;
let root: string;

/** Waits for `done` with a bounded timeout, polling. */
async function until(what: string, done: () => boolean, seconds: number): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function contents(archive: Archive) {
  return listPages(archive.db)
    .map((p) => ({
      page: `${p.sourceSha256}#${p.sourceIndex}`,
      issue: `${p.title}|${p.date}`,
      sequence: p.sequence,
      text: reviewLines(archive.db, p.id).map((l) => l.text),
    }))
    .sort((a, b) => a.page.localeCompare(b.page));
}

beforeAll(async () => {
  const up = spawnSync(path.join(REPO_ROOT, 'scripts/cluster/slurm-up.sh'), [STATE], { encoding: 'utf8' });
  if (up.status !== 0) throw new Error(`the one-node Slurm cluster did not start: ${up.stderr}`);
  root = mkdtempSync(path.join(os.tmpdir(), 'backfile-slurm-'));
  mkdirSync(path.join(root, 'scans'));
  // Pages of two columns at 300 dpi, long enough that a shard's worker is caught between pages.
  for (let p = 0; p < PAGES; p++) {
    const words = ['harbour', 'council', 'railway', 'weather', 'market', 'school', 'bridge', 'quay'];
    const column = (c: number) =>
      Array.from(
        { length: 12 },
        (_, i) => `${words[(p + i + c) % 8]} report ${p}.${c}.${i} ${words[(p * 3 + i) % 8]}`,
      );
    await writeTextScan(
      path.join(root, 'scans', `page-${String(p + 1).padStart(2, '0')}.png`),
      [
        { x: 60, y: 40, lines: column(0) },
        { x: 1150, y: 40, lines: column(1) },
      ],
      2100,
      900,
    );
  }
});

afterAll(() => {
  spawnSync(path.join(REPO_ROOT, 'scripts/cluster/slurm-down.sh'), [], { encoding: 'utf8' });
  rmSync(STATE, { recursive: true, force: true });
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a batch on Slurm', () => {
  it('runs an array of shards and the merge; a task killed mid-shard is requeued and the result equals one machine', async () => {
    const meta = ['--title', 'Slurm Herald', '--date', '1933-03-03', '--lang', 'eng'];
    const shards = path.join(root, 'batch');
    const made = runCli([
      'shard',
      '--shards',
      String(SHARDS),
      '--out',
      shards,
      ...meta,
      path.join(root, 'scans'),
    ]);
    expect(made.status, made.stderr).toBe(0);

    const submitted = spawnSync(
      path.join(REPO_ROOT, 'deploy/slurm/submit.sh'),
      [shards, path.join(root, 'merged')],
      {
        env,
        encoding: 'utf8',
      },
    );
    expect(submitted.status, submitted.stderr).toBe(0);
    const [, arrayId, , mergeId] = submitted.stdout.trim().split(/\s+/);

    // Kill task 1's worker once it has read a page of its shard and before it has read them all.
    const log = path.join(shards, `backfile-ocr-${arrayId}_1.out`);
    const readSoFar = () =>
      existsSync(log) ? (readFileSync(log, 'utf8').match(/page \d+: done/g) ?? []).length : 0;
    await until('task 1 to read its first page', () => readSoFar() >= 1, 300);
    expect(readSoFar()).toBeLessThan(PAGES / SHARDS);
    const killed = spawnSync('pkill', ['-KILL', '-f', 'import --shard .*shard-0001.json'], {
      encoding: 'utf8',
    });
    expect(killed.status).toBe(0);

    const state = (job: string) => {
      const out = spawnSync('scontrol', ['show', 'job', job], { env, encoding: 'utf8' }).stdout;
      return {
        state: /JobState=(\w+)/.exec(out)?.[1] ?? 'GONE',
        restarts: Number(/Restarts=(\d+)/.exec(out)?.[1] ?? 0),
      };
    };
    await until(
      'the merge job to finish',
      () => ['COMPLETED', 'FAILED', 'CANCELLED', 'GONE'].includes(state(mergeId!).state),
      600,
    );
    expect(state(mergeId!).state).toBe('COMPLETED');
    expect(state(`${arrayId}_1`).restarts).toBeGreaterThanOrEqual(1);
    expect(readFileSync(log, 'utf8')).toMatch(/requeueing task 1/);
    expect(readFileSync(log, 'utf8')).toMatch(/run 2/);

    // The same files on one machine, as a new user would: import, then ocr.
    const single = path.join(root, 'single');
    expect(
      runCli(['import', '--archive', single, ...meta.slice(0, 4), path.join(root, 'scans')]).status,
    ).toBe(0);
    expect(runCli(['ocr', '--archive', single, '--all', '--lang', 'eng', '--jobs', '2']).status).toBe(0);

    const merged = openArchive(path.join(root, 'merged'));
    const one = openArchive(single);
    try {
      expect(listPages(merged.db)).toHaveLength(PAGES);
      expect(contents(merged)).toEqual(contents(one));
      for (const page of listPages(merged.db)) {
        const from = pageProvenance(merged.db, page.id);
        expect(from.shard).toMatch(/^shard-000[0-3]$/);
        expect(from.host).toBe(os.hostname());
      }
    } finally {
      merged.close();
      one.close();
    }
    const report = JSON.parse(readFileSync(path.join(shards, 'merge-report.json'), 'utf8'));
    expect(report.added).toBe(PAGES);
    expect(report.conflicts).toEqual([]);
    const check = runCli(['check', '--archive', path.join(root, 'merged')]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });
});

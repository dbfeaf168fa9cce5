// The Kubernetes manifests in deploy/kubernetes, checked without a cluster: each document against
// the Kubernetes API's own schema (kubernetes-models, generated from the OpenAPI definitions),
// and the worker's command run as a pod would run it, to see it names the shard of its index.

import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { REPO_ROOT } from '../fixtures/repo.ts';
import { shardName } from '../../src/core/scale/manifest.ts';

const load = (name: string) =>
  parseAllDocuments(readFileSync(path.join(REPO_ROOT, 'deploy/kubernetes', name), 'utf8')).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  });

function validJob(doc: Record<string, unknown>): Job {
  const job = new Job(doc as ConstructorParameters<typeof Job>[0]);
  job.validate();
  return job;
}

describe('the Kubernetes manifests', () => {
  it('the OCR job is a valid Indexed Job, one completion per shard, retried per index', () => {
    const [doc, ...rest] = load('backfile-ocr-job.yaml');
    expect(rest).toEqual([]);
    const job = validJob(doc!);
    expect(job.spec?.completionMode).toBe('Indexed');
    expect(job.spec?.backoffLimitPerIndex).toBeGreaterThan(0);
    expect(job.spec?.template.spec?.restartPolicy).toBe('Never');
  });

  it('the schema check itself refuses a broken Job', () => {
    const [doc] = load('backfile-ocr-job.yaml');
    const broken = structuredClone(doc!);
    broken.spec.completions = 'four';
    expect(() => validJob(broken)).toThrow(/completions/);
    const nameless = structuredClone(doc!);
    delete nameless.spec.template.spec.containers[0].name;
    expect(() => validJob(nameless)).toThrow(/name/);
  });

  it("the worker's command reads the shard of its completion index, as backfile shard names it", () => {
    const [doc] = load('backfile-ocr-job.yaml');
    const container = doc!.spec.template.spec.containers[0];
    expect(container.command).toEqual(['/bin/sh', '-c']);
    const bin = mkdtempSync(path.join(os.tmpdir(), 'backfile-k8s-'));
    try {
      // A `backfile` that prints its arguments, first on PATH, as the image's would be.
      writeFileSync(path.join(bin, 'backfile'), '#!/bin/sh\nprintf "%s\\n" "$@"\n');
      chmodSync(path.join(bin, 'backfile'), 0o755);
      for (const index of [0, 3, 17]) {
        const run = spawnSync('/bin/sh', ['-c', container.args[0]], {
          env: { PATH: `${bin}:/usr/bin:/bin`, JOB_COMPLETION_INDEX: String(index) },
          encoding: 'utf8',
        });
        expect(run.status).toBe(0);
        expect(run.stdout.split('\n').slice(0, 3)).toEqual([
          'import',
          '--shard',
          `/batch/${shardName(index)}.json`,
        ]);
        expect(run.stdout).toContain('--ocr');
      }
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it('the merge job is a valid Job that merges every shard archive and checks the result', () => {
    const [doc] = load('backfile-merge-job.yaml');
    const job = validJob(doc!);
    const script = job.spec!.template.spec!.containers[0]!.args!.join(' ');
    expect(script).toMatch(/backfile merge --into \/archive .*\/batch\/shard-\*\.archive/);
    expect(script).toMatch(/backfile check --archive \/archive/);
  });
});

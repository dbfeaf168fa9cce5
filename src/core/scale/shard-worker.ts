// One worker of a sharded batch: the scans its manifest names go into the shard's own archive,
// and the pages to read are queued. Restartable and idempotent: the import skips files the
// archive holds already, pages with text are not queued again, and jobs a killed run left
// running go back to the queue. Reading the queue is the caller's (the CLI runs the OCR runner).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openArchive, type Archive } from '../archive/archive.ts';
import { recoverAllRunning } from '../archive/job-queue.ts';
import { getPage } from '../archive/pages.ts';
import { setArchiveShard } from '../archive/provenance.ts';
import { importScans, type ImportSummary } from '../import/importer.ts';
import { OCR_JOB } from '../jobs/ocr-runner.ts';
import { queueOcr } from '../ocr/queue-ocr.ts';
import { BackfileError } from '../../shared/errors.ts';
import { SHARD_MANIFEST, type ShardFile, type ShardManifest } from './manifest.ts';

export function readManifest(file: string): ShardManifest {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BackfileError('invalid-input', `${file} cannot be read as a shard manifest: ${String(error)}`, {
      cause: error,
    });
  }
  const parsed = SHARD_MANIFEST.safeParse(json);
  if (!parsed.success)
    throw new BackfileError(
      'invalid-input',
      `${file} is not a Backfile shard manifest: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/** The shard's archive: named in the manifest, relative to the manifest's folder. */
export function shardArchiveFolder(manifestFile: string, manifest: ShardManifest): string {
  return path.resolve(path.dirname(path.resolve(manifestFile)), manifest.archive);
}

/** Files with the same catalogue metadata, in manifest order: one import call each. */
function groupsOf(files: readonly ShardFile[]): ShardFile[][] {
  const groups = new Map<string, ShardFile[]>();
  for (const file of files) {
    const key = JSON.stringify([file.title ?? null, file.date ?? null, file.edition ?? null]);
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  return [...groups.values()];
}

export interface ShardImport {
  archive: Archive;
  imported: Pick<ImportSummary, 'imported' | 'duplicates' | 'failed' | 'pages'>;
  failures: { path: string; message: string }[];
  queued: number;
  alreadyRead: number;
}

/**
 * Imports the shard's files into its archive and queues its unread pages with the manifest's
 * language and engine. The archive is left open for the caller to read the queue, then close.
 */
export async function importShard(
  manifestFile: string,
  options: { ocr: boolean; signal?: AbortSignal; onFile?: (done: number, total: number) => void },
): Promise<ShardImport> {
  const manifest = readManifest(manifestFile);
  const archive = openArchive(shardArchiveFolder(manifestFile, manifest), {
    command: `backfile import --shard ${manifest.name}`,
  });
  try {
    setArchiveShard(archive.db, manifest.name);
    const imported = { imported: 0, duplicates: 0, failed: 0, pages: 0 };
    const failures: ShardImport['failures'] = [];
    const toRead: number[] = [];
    let done = 0;
    for (const group of groupsOf(manifest.files)) {
      const first = group[0]!;
      const summary = await importScans(
        archive,
        group.map((f) => f.path),
        {
          title: first.title,
          date: first.date,
          edition: first.edition,
          pattern: manifest.import.pattern,
          dpi: manifest.import.dpi,
          signal: options.signal,
        },
        (p) => options.onFile?.(done + p.done, manifest.files.length),
      );
      done += group.length;
      imported.imported += summary.imported;
      imported.duplicates += summary.duplicates;
      imported.failed += summary.failed;
      imported.pages += summary.pages;
      const byPath = new Map(group.map((f) => [f.path, f]));
      summary.files.forEach((outcome) => {
        if (outcome.outcome === 'failed') {
          failures.push({ path: outcome.path, message: outcome.error?.message ?? 'failed' });
          return;
        }
        const wanted = byPath.get(outcome.path)?.pages;
        for (const pageId of outcome.pageIds)
          if (!wanted || wanted.includes(getPage(archive.db, pageId)!.sourceIndex)) toRead.push(pageId);
      });
    }
    let queued = 0;
    let alreadyRead = 0;
    if (options.ocr && toRead.length > 0) {
      // One worker per shard at a time (the scheduler's array index): what a killed run of this
      // shard left running, on this node or another, is this run's to finish.
      recoverAllRunning(archive.db, OCR_JOB);
      const result = queueOcr(archive, {
        scope: { pages: toRead },
        languages: manifest.ocr.languages,
        engine: manifest.ocr.engine,
      });
      queued = result.queued.length;
      alreadyRead = result.skipped.length;
    }
    return { archive, imported, failures, queued, alreadyRead };
  } catch (error) {
    archive.close();
    throw error;
  }
}

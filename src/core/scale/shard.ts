// backfile shard: a batch split into N shard manifests, either scan files not yet in any archive
// or the unread pages of an archive. Splitting is all it does: running the shards is the
// scheduler's work (Slurm, Kubernetes; docs/scale.md), merging them is merge.ts's.

import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Archive } from '../archive/archive.ts';
import { unreadPagesWithFiles } from '../archive/line-rows.ts';
import { writeAtomically } from '../archive/file-store.ts';
import { findScanFiles } from '../import/walk.ts';
import { BackfileError } from '../../shared/errors.ts';
import type { EngineChoice } from '../../shared/ocr.ts';
import {
  MANIFEST_VERSION,
  shardName,
  splitContiguous,
  type ShardFile,
  type ShardManifest,
} from './manifest.ts';

export interface ShardSettings {
  count: number;
  languages: string;
  engine: EngineChoice;
  pattern?: string | undefined;
  dpi?: number | undefined;
}

function manifests(
  files: readonly ShardFile[],
  weight: (f: ShardFile) => number,
  settings: ShardSettings,
): ShardManifest[] {
  return splitContiguous(files, settings.count, weight).map((part, index) => ({
    backfile: 'shard',
    version: MANIFEST_VERSION,
    name: shardName(index),
    index,
    count: settings.count,
    archive: `${shardName(index)}.archive`,
    import: {
      ...(settings.pattern === undefined ? {} : { pattern: settings.pattern }),
      ...(settings.dpi === undefined ? {} : { dpi: settings.dpi }),
    },
    ocr: { languages: settings.languages, engine: settings.engine },
    files: part,
  }));
}

/**
 * Shards of scan files and folders (walked as import walks them, in the same order), weighed by
 * size. Paths are made absolute: a worker on another node reads them from the shared folder.
 */
export function shardFiles(
  paths: readonly string[],
  metadata: { title?: string | undefined; date?: string | undefined; edition?: string | undefined },
  settings: ShardSettings,
): ShardManifest[] {
  // A worker imports each file by itself, so a pattern meets the file's name only, not the
  // folders above it that `backfile import FOLDER` would give it.
  if (settings.pattern?.includes('/'))
    throw new BackfileError(
      'invalid-input',
      `The pattern "${settings.pattern}" reads folder names; a shard's files are matched by their file names only, so give a pattern without "/".`,
    );
  const found = findScanFiles(paths.map((p) => path.resolve(p)));
  if (found.metsFiles.length > 0)
    throw new BackfileError(
      'invalid-input',
      `${found.metsFiles[0]} is a METS package: an issue comes in whole with "backfile import", not in shards.`,
    );
  if (found.scans.length === 0) throw new BackfileError('invalid-input', 'No scan files found to split.');
  const size = (file: string) => {
    try {
      return statSync(file).size;
    } catch {
      return 1; // a missing file fails in its worker, with the rest of its shard going on
    }
  };
  const files: ShardFile[] = found.scans.map((scan) => ({
    path: scan.path,
    ...(metadata.title === undefined ? {} : { title: metadata.title }),
    ...(metadata.date === undefined ? {} : { date: metadata.date }),
    ...(metadata.edition === undefined ? {} : { edition: metadata.edition }),
  }));
  const sizes = new Map(files.map((f) => [f.path, size(f.path)]));
  return manifests(files, (f) => sizes.get(f.path)!, settings);
}

/**
 * Shards of an archive's unread pages: each names its original in the archive (by absolute path
 * and sha256), the pages of it to read, and its issue, so that merging the shards back fills
 * exactly those pages. Weighed by pages.
 */
export function shardUnreadPages(archive: Archive, settings: ShardSettings): ShardManifest[] {
  const byFile = new Map<string, ShardFile>();
  for (const page of unreadPagesWithFiles(archive.db)) {
    const entry = byFile.get(page.sha256);
    if (entry) entry.pages!.push(page.sourceIndex);
    else
      byFile.set(page.sha256, {
        path: archive.resolve(page.storedPath),
        sha256: page.sha256,
        pages: [page.sourceIndex],
        title: page.title,
        ...(page.date ? { date: page.date } : {}),
        ...(page.edition ? { edition: page.edition } : {}),
      });
  }
  if (byFile.size === 0)
    throw new BackfileError('invalid-input', 'Every page of the archive has text; nothing to split.');
  return manifests([...byFile.values()], (f) => f.pages!.length, settings);
}

/** Writes the manifests into a new or empty folder; returns their paths. */
export async function writeManifests(out: string, shards: readonly ShardManifest[]): Promise<string[]> {
  const folder = path.resolve(out);
  if (existsSync(folder) && (!statSync(folder).isDirectory() || readdirSync(folder).length > 0))
    throw new BackfileError('invalid-input', `${folder} is not an empty folder; choose a new or empty one.`);
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  for (const shard of shards) {
    const file = path.join(folder, `${shard.name}.json`);
    await writeAtomically(file, Buffer.from(JSON.stringify(shard, null, 2) + '\n'));
    written.push(file);
  }
  return written;
}

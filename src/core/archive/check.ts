// `backfile check`: is the database sound, is every file there and unchanged (originals against
// their sha256), is anything left over? With repair: sweep leftovers and rebuild derived images
// (thumbnails, tiles) from the master raster. Originals cannot be repaired, only reported.

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Archive } from './archive.ts';
import { sha256File } from './file-store.ts';
import { makeThumbnail, makeTiles } from '../import/derive.ts';
import { sweepLeftovers } from '../import/importer.ts';
import { HELD_BY_NO_LIVE_WRITER, describeWriters, liveWriterIds, otherWriters } from './writers.ts';

export interface CheckReport {
  integrity: string;
  foreignKeyProblems: number;
  originals: { checked: number; missing: string[]; changed: string[] };
  derived: { missing: string[]; rebuilt: string[] };
  leftovers: string[];
  interruptedJobs: number;
  /** Other processes that have the archive open ('' when none): their work under way is
   * neither a leftover nor an interrupted job, so it is left alone. */
  inUseBy: string;
  ok: boolean;
}

export async function checkArchive(
  archive: Archive,
  options: { repair?: boolean; maxPixels?: number } = {},
): Promise<CheckReport> {
  const db = archive.db;
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .join('; ');
  const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
  const originals = { checked: 0, missing: [] as string[], changed: [] as string[] };
  for (const row of db.prepare('SELECT sha256, stored_path FROM files ORDER BY stored_path').all() as {
    sha256: string;
    stored_path: string;
  }[]) {
    originals.checked++;
    const file = archive.resolve(row.stored_path);
    if (!existsSync(file)) originals.missing.push(row.stored_path);
    else if ((await sha256File(file)) !== row.sha256) originals.changed.push(row.stored_path);
  }
  const derived = { missing: [] as string[], rebuilt: [] as string[] };
  const maxPixels = options.maxPixels ?? 250_000_000;
  for (const page of db
    .prepare('SELECT id, raster_path, thumbnail_path, tiles_path FROM pages ORDER BY id')
    .all() as Record<string, string>[]) {
    const raster = archive.resolve(page.raster_path!);
    if (!existsSync(raster)) {
      derived.missing.push(page.raster_path!);
      continue;
    }
    for (const [kind, relative] of [
      ['thumbnail', page.thumbnail_path!],
      ['tiles', page.tiles_path!],
    ] as const) {
      if (existsSync(archive.resolve(relative))) continue;
      derived.missing.push(relative);
      if (!options.repair) continue;
      if (kind === 'thumbnail') await makeThumbnail(raster, archive.resolve(relative), maxPixels);
      else await makeTiles(raster, path.dirname(archive.resolve(relative)), maxPixels, true);
      derived.rebuilt.push(relative);
    }
  }
  const leftovers = options.repair
    ? await sweepLeftovers(archive)
    : await sweepLeftovers(archive, { dryRun: true });
  // Files and jobs of another live process are its work under way, not leftovers.
  const others = otherWriters(db, archive.writerId);
  const interruptedJobs = db
    .prepare(`SELECT COUNT(*) FROM jobs WHERE status = 'running' AND ${HELD_BY_NO_LIVE_WRITER}`)
    .pluck()
    .get(liveWriterIds(db, archive.writerId)) as number;
  const unrepaired = derived.missing.filter((m) => !derived.rebuilt.includes(m));
  return {
    integrity,
    foreignKeyProblems,
    originals,
    derived,
    leftovers,
    interruptedJobs,
    inUseBy: describeWriters(others),
    ok:
      integrity === 'ok' &&
      foreignKeyProblems === 0 &&
      originals.missing.length === 0 &&
      originals.changed.length === 0 &&
      unrepaired.length === 0 &&
      (options.repair || leftovers.length === 0),
  };
}

// Backup while the archive is in use, and restore. The database is copied with SQLite's online
// backup (a consistent snapshot, writers may go on); then exactly the files that snapshot refers
// to are added. Files are written before the rows that point at them, so every file the snapshot
// needs exists. The result is one tar file: archive.sqlite + files/..., written and read by
// tar-stream (ustar, with GNU base-256 sizes past 8 GiB and PAX names past 100 characters, as
// GNU tar reads them).

import { partialTarget, sweepPartials, sweepTempWork, tempWorkFolder } from './temp-work.ts';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import tar from 'tar-stream';
import { BackfileError, systemErrorCode } from '../../shared/errors.ts';
import { DATABASE_NAME, openArchive, type Archive } from './archive.ts';
import { filesBelow } from './file-store.ts';
import { asReadable, type ReadableDB } from './db-handles.ts';

export interface BackupSummary {
  file: string;
  files: number;
  bytes: number;
}

/** Files (relative to the archive) that a database refers to; tile folders are listed whole. */
function referencedFiles(db: ReadableDB, archiveDir: string): string[] {
  const relative = new Set<string>();
  for (const p of db.prepare('SELECT stored_path FROM files').pluck().all() as string[]) relative.add(p);
  for (const row of db.prepare('SELECT raster_path, thumbnail_path, tiles_path FROM pages').all() as Record<
    string,
    string
  >[]) {
    relative.add(row.raster_path!);
    relative.add(row.thumbnail_path!);
    const tiles = path.join(archiveDir, path.dirname(row.tiles_path!));
    for (const f of existsSync(tiles) ? filesBelow(tiles) : [])
      relative.add(path.relative(archiveDir, f).split(path.sep).join('/'));
  }
  return [...relative].sort();
}

export async function backupArchive(archive: Archive, outFile: string): Promise<BackupSummary> {
  sweepTempWork();
  sweepPartials(outFile);
  const work = tempWorkFolder('backup');
  const snapshot = path.join(work, DATABASE_NAME);
  const partial = partialTarget(outFile);
  try {
    await archive.db.backup(snapshot);
    const db = new Database(snapshot);
    // The copy belongs to no process: the writers of this archive are not its writers, and the
    // jobs they were reading wait in the copy's queue.
    db.exec(
      "DELETE FROM writers; UPDATE jobs SET status = 'todo', writer_id = NULL WHERE status = 'running';",
    );
    const files = referencedFiles(asReadable(db), archive.dir);
    db.close();
    const pack = tar.pack();
    const written = pipeline(pack, createWriteStream(partial));
    const add = async (name: string, file: string, size: number, mtime: Date) => {
      const entry = pack.entry({ name, size, mtime, mode: 0o644 });
      await pipeline(createReadStream(file), entry);
    };
    let bytes = statSync(snapshot).size;
    try {
      await add(DATABASE_NAME, snapshot, bytes, new Date());
      for (const relative of files) {
        const absolute = archive.resolve(relative);
        const info = statSync(absolute, { throwIfNoEntry: false });
        if (!info)
          throw new BackfileError(
            'archive-corrupt',
            `${relative} is missing from the archive; run "backfile check".`,
          );
        await add(relative, absolute, info.size, info.mtime);
        bytes += info.size;
      }
      pack.finalize();
    } catch (error) {
      pack.destroy(error as Error);
    }
    await written;
    renameSync(partial, outFile);
    return { file: outFile, files: files.length + 1, bytes };
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(partial, { force: true });
  }
}

function safeEntryPath(root: string, name: string): string {
  const target = path.resolve(root, name);
  if (name.includes('\0') || path.isAbsolute(name) || !target.startsWith(root + path.sep)) {
    throw new BackfileError('archive-corrupt', `The backup holds a path outside the archive: ${name}`);
  }
  if (name !== DATABASE_NAME && !name.startsWith('files/'))
    throw new BackfileError('archive-corrupt', `The backup holds an unexpected file: ${name}`);
  return target;
}

/** Writes every file of a backup under `root`; the number of files. */
async function extractInto(backupFile: string, root: string): Promise<number> {
  let files = 0;
  const extract = tar.extract();
  const reading = pipeline(createReadStream(backupFile), extract);
  reading.catch(() => {}); // awaited below; a refusal inside the loop must not leave it unheard
  for await (const entry of extract) {
    const { name, type } = entry.header;
    const destination = safeEntryPath(root, name.replace(/\/$/, ''));
    if (type === 'directory') {
      mkdirSync(destination, { recursive: true });
      entry.resume();
      continue;
    }
    if (type !== 'file')
      throw new BackfileError('archive-corrupt', `The backup holds a ${type ?? 'strange'} entry: ${name}`);
    mkdirSync(path.dirname(destination), { recursive: true });
    await pipeline(entry, createWriteStream(destination));
    files++;
  }
  await reading;
  return files;
}

/**
 * Restores a backup into `targetDir`, which must be new or empty. Extracts into a
 * temporary folder beside it first, so an interrupted restore leaves no half archive.
 */
export async function restoreArchive(backupFile: string, targetDir: string): Promise<{ files: number }> {
  const target = path.resolve(targetDir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new BackfileError('invalid-input', `${target} is not empty; restore into an empty or new folder.`);
  }
  sweepPartials(target);
  const staging = `${target}.restoring-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    let files: number;
    try {
      files = await extractInto(backupFile, staging);
    } catch (error) {
      // tar-stream's own complaints (a header that does not add up, data that ends early) are
      // the backup's fault; the disk's and ours keep their codes.
      if (error instanceof BackfileError || systemErrorCode(error) !== null) throw error;
      throw new BackfileError(
        'archive-corrupt',
        `${backupFile} is damaged or cut short: ${(error as Error).message}`,
        { cause: error },
      );
    }
    if (!existsSync(path.join(staging, DATABASE_NAME)))
      throw new BackfileError(
        'archive-corrupt',
        `${backupFile} is not a Backfile backup (no ${DATABASE_NAME}).`,
      );
    openArchive(staging, { create: false }).close(); // refuses archives from a newer Backfile
    mkdirSync(path.dirname(target), { recursive: true });
    if (existsSync(target)) rmSync(target, { recursive: true }); // an empty folder, checked above
    renameSync(staging, target);
    return { files };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

// Temporary work of backups, restores and exports: folders in the system's temporary folder and
// partial files beside a target, each named with the process that made it. A process killed
// midway leaves them behind; the next one sweeps what belongs to processes that are gone, so a
// killed export of 100 MB does not stay on the disk for good.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pidAlive } from './writers.ts';

const TEMP_FOLDER = /^backfile-(backup|export|restore)-(\d+)-/;

export type TempKind = 'backup' | 'export' | 'restore';

/** A new private folder for one piece of work. */
export function tempWorkFolder(kind: TempKind): string {
  return mkdtempSync(path.join(os.tmpdir(), `backfile-${kind}-${process.pid}-`));
}

/** `target`'s partial name for this process: `<target>.backfile-<pid>.partial`. */
export function partialTarget(target: string): string {
  return `${target}.backfile-${process.pid}.partial`;
}

function deadOwner(pid: string): boolean {
  return Number(pid) !== process.pid && !pidAlive(Number(pid));
}

/** Removes temporary folders of processes that are gone; returns what it removed. */
export function sweepTempWork(dir = os.tmpdir()): string[] {
  const removed: string[] = [];
  for (const name of safeList(dir)) {
    const m = TEMP_FOLDER.exec(name);
    if (!m || !deadOwner(m[2]!)) continue;
    rmSync(path.join(dir, name), { recursive: true, force: true });
    removed.push(path.join(dir, name));
  }
  return removed;
}

/** Removes partial files and staging folders left beside `target` by processes that are gone. */
export function sweepPartials(target: string): string[] {
  const dir = path.dirname(path.resolve(target));
  const base = path.basename(target);
  const removed: string[] = [];
  for (const name of safeList(dir)) {
    if (!name.startsWith(`${base}.`)) continue;
    const m = /^\.(?:backfile-(\d+)\.partial|restoring-(\d+))$/.exec(name.slice(base.length));
    if (!m || !deadOwner(m[1] ?? m[2]!)) continue;
    rmSync(path.join(dir, name), { recursive: true, force: true });
    removed.push(path.join(dir, name));
  }
  return removed;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

// Files under the archive's files/ folder. Every write goes to a temporary name first and is then
// renamed, so a crash leaves either the whole file or a *.partial that the next import sweeps.
// Names are deterministic (sha256 of the original, page index), so re-running an import after a
// crash writes the same names again.

import { createHash } from 'node:crypto';
import { createReadStream, readdirSync } from 'node:fs';
import { copyFile, link, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const ORIGINALS_DIR = 'files/originals';
export const PAGES_DIR = 'files/pages';

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function originalPath(sha256: string, extension: string): string {
  return `${ORIGINALS_DIR}/${sha256.slice(0, 2)}/${sha256}${extension}`;
}

/** Folder of one page's derived images (master raster, thumbnail, tiles). */
export function pageFolder(sha256: string, index: number): string {
  return `${PAGES_DIR}/${sha256.slice(0, 2)}/${sha256}-${index}`;
}

let counter = 0;
/** A temporary name beside `target` that no other process or call uses. */
export function partialName(target: string): string {
  return `${target}.${process.pid}-${counter++}.partial`;
}

/** Copies a file in under `target`; with keepName, `target` is itself a temporary name. */
export async function copyIn(
  source: string,
  target: string,
  options: { keepName?: boolean } = {},
): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  if (options.keepName) {
    await copyFile(source, target);
    return;
  }
  const partial = partialName(target);
  await copyFile(source, partial);
  await rename(partial, target);
}

export async function writeAtomically(target: string, data: Uint8Array): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const partial = partialName(target);
  await writeFile(partial, data);
  await rename(partial, target);
}

export async function removeQuietly(target: string): Promise<void> {
  await rm(target, { recursive: true, force: true });
}

/** Every regular file below a folder, recursively. */
export function filesBelow(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesBelow(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/**
 * Puts a finished folder in place of `target`. With `replace`, an existing folder is moved
 * aside first and removed after; without it, a folder already there (the same derived images,
 * written by another process) wins and ours is dropped. Never removes a folder someone else is
 * renaming into place, which removing first and renaming after would.
 */
export async function moveFolderInPlace(built: string, target: string, replace: boolean): Promise<void> {
  try {
    await rename(built, target);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  }
  if (!replace) {
    await removeQuietly(built);
    return;
  }
  const old = partialName(target);
  await rename(target, old);
  await rename(built, target);
  await removeQuietly(old);
}

/**
 * Puts another archive's file or folder at `target` (a merge): hard links where both are on one
 * file system, copies where not. Linking is safe because no file under files/ is ever changed in
 * place: every write goes to a new name and is renamed over (writeAtomically, moveFolderInPlace),
 * which leaves the other archive's link as it was. Built under a temporary name, then renamed,
 * so a crash leaves the whole file or folder or a *.partial that the next import sweeps.
 */
export async function placeFrom(source: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const partial = partialName(target);
  const place = async (from: string, to: string) => {
    try {
      await link(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
      await copyFile(from, to);
    }
  };
  if ((await stat(source)).isDirectory()) {
    await mkdir(partial);
    for (const file of filesBelow(source)) {
      const to = path.join(partial, path.relative(source, file));
      await mkdir(path.dirname(to), { recursive: true });
      await place(file, to);
    }
    await moveFolderInPlace(partial, target, false);
  } else {
    await place(source, partial);
    await rename(partial, target);
  }
}

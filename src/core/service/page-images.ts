// Which file serves a page image request (thumbnail, master raster, Deep Zoom descriptor or one
// of its tiles); shared by the Electron protocol and the local server so both refuse the same
// paths. Returns null for an unknown page or a path that would leave the page's tile folder.

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Archive } from '../archive/archive.ts';
import { getPage } from '../archive/pages.ts';

export type PageImageKind = 'thumbnail' | 'raster' | 'tiles';

/** `relative` inside `root`, or null when it would leave root or is not a file. */
export function fileInside(root: string, relative: string): string | null {
  const base = path.resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(base, '.' + path.posix.normalize('/' + decoded));
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

export function pageImageFile(
  archive: Archive,
  pageId: number,
  kind: PageImageKind,
  tilePath?: string,
): string | null {
  const page = getPage(archive.db, pageId);
  if (!page) return null;
  if (kind === 'tiles' && tilePath)
    return fileInside(path.dirname(archive.resolve(page.tilesPath)), tilePath);
  const file = archive.resolve(
    kind === 'thumbnail' ? page.thumbnailPath : kind === 'raster' ? page.rasterPath : page.tilesPath,
  );
  return existsSync(file) ? file : null;
}

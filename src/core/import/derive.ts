// Derived images for the viewer: a thumbnail and a Deep Zoom (DZI) tile pyramid per page.
// Tiles are built in a temporary folder and renamed into place, so a crash leaves no half pyramid.

import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { moveFolderInPlace, partialName } from '../archive/file-store.ts';

export const THUMBNAIL_WIDTH = 320;
export const TILE_SIZE = 254; // 254 + 1 px overlap on each side gives 256-px tiles, OpenSeadragon's default
export const TILE_OVERLAP = 1;

export interface DerivedPaths {
  thumbnail: string; // absolute
  tilesDir: string; // absolute folder holding page.dzi and page_files/
}

export async function makeThumbnail(
  raster: string | Buffer,
  target: string,
  maxPixels: number,
): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const partial = partialName(target);
  await sharp(raster, { limitInputPixels: maxPixels, failOn: 'truncated' })
    .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
    .jpeg({ quality: 80 })
    .toFile(partial);
  await rename(partial, target);
}

/** Writes tilesDir/page.dzi and tilesDir/page_files/; `replace` rebuilds a pyramid already there. */
export async function makeTiles(
  raster: string | Buffer,
  tilesDir: string,
  maxPixels: number,
  replace = false,
): Promise<void> {
  const building = partialName(tilesDir);
  await mkdir(building, { recursive: true });
  await sharp(raster, { limitInputPixels: maxPixels, failOn: 'truncated' })
    .jpeg({ quality: 85 })
    .tile({ size: TILE_SIZE, overlap: TILE_OVERLAP, layout: 'dz', container: 'fs' })
    .toFile(path.join(building, 'page.dz'));
  await moveFolderInPlace(building, tilesDir, replace);
}

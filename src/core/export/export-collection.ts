// One export of a chosen scope (pages, issues, titles, articles, or everything) in one format,
// into a folder or one ZIP file: what `backfile export` and the app's export dialog both run.
// Plain text covers pages and, when the scope has articles, articles too.

import { partialTarget, sweepPartials, sweepTempWork, tempWorkFolder } from '../archive/temp-work.ts';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Archive } from '../archive/archive.ts';
import { filesBelow } from '../archive/file-store.ts';
import { issueIdsOfTitles } from '../archive/catalogue.ts';
import { pageIdsOfIssues } from '../archive/page-scope.ts';
import { articleIds as articleIdsOf } from '../archive/article-rows.ts';
import { exportArticles } from './export-articles.ts';
import { checkPublicationUrl, exportIssues } from './export-issues.ts';
import { exportPages } from './export-pages.ts';
import {
  EXPORT_FORMATS,
  isArticleFormat,
  isIssueFormat,
  isPageFormat,
  type ExportFormat,
} from '../../shared/export.ts';
import { BackfileError } from '../../shared/errors.ts';

export { EXPORT_FORMATS, type ExportFormat };

export interface ExportRequest {
  format: ExportFormat;
  /** A folder, or the .zip file to write when zip is set. */
  out: string;
  pageIds?: number[];
  issueIds?: number[];
  titleIds?: number[];
  articleIds?: number[];
  images?: boolean;
  zip?: boolean;
  baseUrl?: string;
}

/** Images that are compressed already: stored in the ZIP as they are, not deflated again. */
const STORED = /\.(jpe?g|png|jp2|tiff?|pdf|zip)$/i;

/**
 * The folder as one ZIP file, streamed: one file at a time, never the whole export in memory
 * (an issue's images run to gigabytes). Under a partial name first: a killed export leaves no
 * half ZIP that looks finished.
 */
async function zipFolder(folder: string, target: string): Promise<void> {
  const partial = partialTarget(target);
  const out = createWriteStream(partial);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const zip = new Zip((error, chunk, final) => {
    if (error) return void out.destroy(error);
    out.write(chunk);
    if (final) out.end();
  });
  for (const file of filesBelow(folder)) {
    const name = path.relative(folder, file).split(path.sep).join('/');
    const entry = STORED.test(name) ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    // Made on Unix (host 3) with plain file permissions: Info-ZIP then takes the names as the
    // UTF-8 they are flagged as; for an entry "made by MS-DOS" it converts them from a DOS code
    // page and every Chinese file name comes out garbled.
    Object.assign(entry, { os: 3, attrs: (0o100644 << 16) >>> 0 });
    zip.add(entry);
    for await (const chunk of createReadStream(file)) {
      entry.push(chunk as Buffer);
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    entry.push(new Uint8Array(0), true);
  }
  zip.end();
  await finished;
  renameSync(partial, target);
}

export async function exportCollection(
  archive: Archive,
  request: ExportRequest,
): Promise<{ files: number; target: string }> {
  const { db } = archive;
  if (request.format === 'iiif') checkPublicationUrl(request.baseUrl);
  const target = checkExportTarget(archive.dir, request.out, request.zip ?? false);
  sweepTempWork();
  if (request.zip) sweepPartials(target);
  const out = request.zip ? tempWorkFolder('export') : target;
  let { pageIds: pages, issueIds: issues } = request;
  try {
    if (request.titleIds) {
      // A title is all its issues.
      issues = issueIdsOfTitles(db, request.titleIds);
    }
    if (issues && !pages) {
      pages = pageIdsOfIssues(db, issues);
    }
    const { format } = request;
    const written: string[] = [];
    if (isPageFormat(format))
      written.push(...exportPages(archive, format, out, { pageIds: pages, withImages: request.images }));
    const articleIds = request.articleIds ?? articleIdsOf(db, issues);
    if (format === 'txt' && articleIds.length > 0)
      written.push(...exportArticles(archive, 'txt', path.join(out, 'articles'), articleIds));
    if (isArticleFormat(format) && format !== 'txt')
      written.push(...exportArticles(archive, format, out, articleIds));
    if (isIssueFormat(format))
      written.push(
        ...(await exportIssues(archive, format, out, {
          issueIds: issues,
          pageIds: request.pageIds,
          baseUrl: request.baseUrl,
        })),
      );
    if (request.zip) {
      mkdirSync(path.dirname(target), { recursive: true });
      await zipFolder(out, target);
    }
    return { files: written.length, target };
  } finally {
    if (request.zip) rmSync(out, { recursive: true, force: true });
  }
}

/** Where exports go when the user names no folder: one new folder per export. */
export function defaultExportTarget(format: ExportFormat, zip: boolean, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return path.join(os.homedir(), 'Backfile exports', `${format}-${stamp}${zip ? '.zip' : ''}`);
}

/** The path with every link resolved: of the path itself where it exists, else of the nearest
 * folder above it that does (the rest is what the export will create). */
function resolvedPath(p: string): string {
  const rest: string[] = [];
  let dir = path.resolve(p);
  for (;;) {
    try {
      return path.join(realpathSync(dir), ...rest);
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return path.resolve(p);
      rest.unshift(path.basename(dir));
      dir = parent;
    }
  }
}

/**
 * Where any export may write, for the command line and the app alike: outside the archive
 * (checked on resolved paths, so a link into it does not pass), a new or empty folder, or a new
 * .zip file. Nothing an export writes ever replaces a file that is there already.
 */
export function checkExportTarget(archiveDir: string, out: string, zip: boolean): string {
  const target = path.resolve(out);
  const real = resolvedPath(target);
  const archive = resolvedPath(archiveDir);
  const inside = (p: string) => p === archive || p.startsWith(archive + path.sep);
  if (inside(real) || inside(target))
    throw new BackfileError('invalid-input', 'Exports are written outside the archive folder.', {
      reason: 'export-inside-archive',
    });
  if (zip) {
    if (!target.endsWith('.zip'))
      throw new BackfileError('invalid-input', 'A ZIP export is a file ending in .zip.', {
        reason: 'export-zip-name',
      });
    if (existsSync(target))
      throw new BackfileError('invalid-input', `${target} exists already; choose a new name.`, {
        reason: 'export-exists',
        params: { target },
      });
  } else if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0))
    throw new BackfileError('invalid-input', `${target} is not an empty folder; choose a new or empty one.`, {
      reason: 'export-folder-not-empty',
      params: { target },
    });
  return target;
}

// Imports scans into an archive, file by file. Each file is all or nothing: its derived images
// are written first under deterministic names, then one transaction records the original, the
// pages and their text. A file that fails is cleaned up and logged with a specific reason; the
// batch goes on. Leftovers of a crash (files no row points at) are swept when the next import
// starts, and re-running the same import completes it. A METS package (an exported issue) comes
// in page by page with its ALTO files, and its articles are made again at the end.

import { readFileSync } from 'node:fs';
import { mkdir, open, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Archive } from '../archive/archive.ts';
import { nowIso } from '../archive/archive.ts';
import { findOrCreateIssue, findOrCreateTitle } from '../archive/catalogue.ts';
import {
  copyIn,
  ORIGINALS_DIR,
  originalPath,
  partialName,
  pageFolder,
  removeQuietly,
  sha256File,
  writeAtomically,
} from '../archive/file-store.ts';
import { insertPage, nextSequence } from '../archive/pages.ts';
import { fileIsStored, insertFile, logImport, pagesOfFile, storedFileHashes } from '../archive/file-rows.ts';
import { savePageText } from '../archive/page-text.ts';
import { arrangePageText } from '../layout/page-layout.ts';
import type { PageText } from '../../shared/model.ts';
import { BackfileError, toErrorInfo, type ErrorInfo } from '../../shared/errors.ts';
import { openPdfSource } from '../pdf/pdf-source.ts';
import { makeThumbnail, makeTiles } from './derive.ts';
import { describeHead, detectFormat, type ScanFormat } from './detect.ts';
import { openImageSource } from './image-source.ts';
import { openJp2Source } from './jp2-source.ts';
import { parsePattern, type NameMetadata, type NamePattern } from './pattern.ts';
import { DEFAULT_READ_OPTIONS, type ReadOptions, type ScanSource, type SourcePage } from './source.ts';
import { findScanFiles, type FoundFile } from './walk.ts';
import {
  isMetsFile,
  openMetsPackage,
  packagePages,
  placedMetadata,
  placedOcrFile,
  placeScan,
  restoreArticles,
  type MetsPackage,
  type MetsPlacement,
} from './mets-package.ts';
import { findOcrFile, readOcrFile, toPageOcr, type PageOcr } from './existing-ocr/read-ocr-file.ts';
import type { WritableDB } from '../archive/db-handles.ts';
import { otherWriters } from '../archive/writers.ts';
import { insertRegion } from '../archive/region-rows.ts';
import { boxToPolygon } from '../../shared/geometry.ts';

export interface ImportOptions {
  title?: string;
  date?: string;
  edition?: string;
  pattern?: string;
  dpi?: number;
  maxPixels?: number;
  /** Existing OCR (ALTO, PAGE XML or hOCR) to attach: one file for one scan, or a folder where
   * each scan's OCR file has the scan's name (scan.tif → scan.xml, scan.alto.xml, scan.page.xml),
   * or a METS file whose pages name images like the scans (their ALTO files, and its articles). */
  ocrFrom?: string;
  signal?: AbortSignal;
}

export interface FileOutcome {
  path: string;
  outcome: 'imported' | 'duplicate' | 'failed';
  sha256: string | null;
  format: ScanFormat | null;
  pageIds: number[];
  error: ErrorInfo | null;
}

export interface ImportProgress {
  done: number;
  total: number;
  current: string;
  etaSeconds: number | null;
  last: FileOutcome | null;
}

export interface ImportSummary {
  files: FileOutcome[];
  imported: number;
  duplicates: number;
  failed: number;
  pages: number;
  /** Articles made again from the METS files imported. */
  articles: number;
}

const EXTENSIONS: Record<ScanFormat, string> = {
  pdf: '.pdf',
  png: '.png',
  jpeg: '.jpg',
  tiff: '.tif',
  jp2: '.jp2',
};

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function openSource(file: string, format: ScanFormat, options: ReadOptions): Promise<ScanSource> {
  if (format === 'pdf') return openPdfSource(file, options);
  if (format === 'jp2') return openJp2Source(file, options);
  return openImageSource(file, format, options);
}

function metadataFor(found: FoundFile, pattern: NamePattern | null): NameMetadata {
  if (!pattern) return {};
  const meta = pattern.match(found.name);
  if (!meta) {
    throw new BackfileError(
      'pattern-mismatch',
      `${found.path}: the name "${found.name}" does not match the pattern "${pattern.source}" (or its date is not a real date).`,
    );
  }
  return meta;
}

interface PreparedPage {
  /**
   * The page's place and size, without its pixels: a long PDF's pages wait here until the file
   * is recorded, and its rasters (tens of MB each) are already on disk.
   */
  page: Omit<SourcePage, 'raster' | 'text'>;
  /**
   * Where the source's own text (a PDF text layer), in reading order, waits beside the page's
   * raster until the file is recorded (null: it has none). On disk, not in memory: a long PDF's
   * pages each hold thousands of words, and all wait for the one transaction that records them.
   */
  textFile: string | null;
  rasterPath: string;
  thumbnailPath: string;
  tilesPath: string;
}

async function preparePage(
  archive: Archive,
  sha256: string,
  original: string,
  page: SourcePage,
  maxPixels: number,
): Promise<PreparedPage> {
  const folder = pageFolder(sha256, page.index);
  const rasterPath = page.raster ? `${folder}/master.${page.raster.extension}` : original;
  if (page.raster) await writeAtomically(archive.resolve(rasterPath), page.raster.data);
  const rasterInput = page.raster ? page.raster.data : archive.resolve(original);
  const thumbnailPath = `${folder}/thumbnail.jpg`;
  await makeThumbnail(rasterInput, archive.resolve(thumbnailPath), maxPixels);
  await makeTiles(rasterInput, archive.resolve(`${folder}/tiles`), maxPixels);
  // A PDF's content stream is in whatever order its layout program wrote it: the page's own
  // layout gives the reading order.
  const text = page.text ? await arrangePageText(rasterInput, page, page.text, maxPixels) : null;
  const textFile = text ? `${folder}/text.json` : null;
  if (text && textFile) await writeAtomically(archive.resolve(textFile), Buffer.from(JSON.stringify(text)));
  const { index, width, height, dpi } = page;
  return {
    page: { index, width, height, dpi },
    textFile,
    rasterPath,
    thumbnailPath,
    tilesPath: `${folder}/tiles/page.dzi`,
  };
}

/** One file to import: a scan, and the METS page it is, when it is one. */
interface PlannedFile {
  found: FoundFile;
  placement: MetsPlacement | null;
  /** Why it cannot be imported, known before it is read (a METS page with no usable image). */
  error?: BackfileError;
}

async function importFile(
  archive: Archive,
  found: FoundFile,
  pattern: NamePattern | null,
  options: ImportOptions,
  read: ReadOptions,
  placement: MetsPlacement | null,
  /** The regions made from the OCR file's blocks, by the block's ID in the file. */
  onBlocks: (blocks: Map<string, number>) => void,
): Promise<FileOutcome> {
  const outcome: FileOutcome = {
    path: found.path,
    outcome: 'failed',
    sha256: null,
    format: null,
    pageIds: [],
    error: null,
  };
  const written: string[] = [];
  try {
    let size: number;
    try {
      const info = await stat(found.path);
      if (!info.isFile()) throw new Error('not a regular file');
      size = info.size;
    } catch {
      throw new BackfileError('file-not-found', `${found.path}: no such file.`);
    }
    if (size === 0) throw new BackfileError('file-empty', `${found.path}: the file is empty (0 bytes).`);
    const head = await readHead(found.path);
    const format = detectFormat(head);
    if (!format) {
      throw new BackfileError(
        'format-unrecognised',
        `${found.path}: not a PDF, TIFF, JPEG, PNG or JPEG 2000 file, whatever its name says (it starts ${describeHead(head)}).`,
      );
    }
    // From here on only a copy inside the archive is read: the bytes hashed are exactly the
    // bytes stored and read, also when the file changes while it is being imported.
    const staged = partialName(archive.resolve(`${ORIGINALS_DIR}/incoming/file`));
    written.push(path.relative(archive.dir, staged));
    await copyIn(found.path, staged, { keepName: true });
    const sha256 = await sha256File(staged);
    const stagedHead = await readHead(staged);
    size = (await stat(staged)).size;
    const storedFormat = detectFormat(stagedHead);
    if (storedFormat !== format)
      throw new BackfileError(
        'file-unreadable',
        `${found.path}: the file changed while it was being imported; import it again.`,
      );
    outcome.format = format;
    outcome.sha256 = sha256;
    const existing = pagesOfFile(archive.db, sha256);
    if (existing.length > 0) {
      await removeQuietly(staged);
      return { ...outcome, outcome: 'duplicate', pageIds: existing };
    }
    const meta = { ...(placement ? placedMetadata(placement) : {}), ...metadataFor(found, pattern) };
    const original = originalPath(sha256, EXTENSIONS[format]);
    await mkdir(path.dirname(archive.resolve(original)), { recursive: true });
    await rename(staged, archive.resolve(original));
    written.push(original);
    const source = await openSource(archive.resolve(original), format, read);
    const prepared: PreparedPage[] = [];
    try {
      for (let index = 0; index < source.pageCount; index++) {
        options.signal?.throwIfAborted();
        const page = await source.readPage(index);
        written.push(pageFolder(sha256, index));
        prepared.push(await preparePage(archive, sha256, original, page, read.maxPixels));
      }
    } finally {
      await source.close();
    }
    const ocrFile = placement
      ? placedOcrFile(placement)
      : options.ocrFrom
        ? findOcrFile(options.ocrFrom, found.path)
        : null;
    if (ocrFile && prepared.length !== 1) {
      throw new BackfileError(
        'invalid-input',
        `${found.path}: OCR files can be attached to single-page scans only (this one has ${prepared.length} pages).`,
      );
    }
    const ocr = ocrFile
      ? await arrangeImportedOcr(
          archive.resolve(prepared[0]!.rasterPath),
          prepared[0]!.page,
          toPageOcr(
            readOcrFile(ocrFile, prepared[0]!.page.dpi),
            prepared[0]!.page.width,
            prepared[0]!.page.height,
          ),
          read.maxPixels,
        )
      : null;
    const title = options.title ?? meta.title ?? 'Untitled';
    const date = options.date ?? meta.date ?? '';
    const edition = options.edition ?? meta.edition ?? '';
    const now = nowIso();
    const imported = archive.db
      .transaction((): number[] | null => {
        // Another process may have imported the same file meanwhile: its files are ours too.
        if (pagesOfFile(archive.db, sha256).length > 0) return null;
        const issue = findOrCreateIssue(
          archive.db,
          findOrCreateTitle(archive.db, title).id,
          date,
          edition,
          meta,
        );
        insertFile(archive.db, {
          sha256,
          size,
          format,
          originalName: path.basename(found.path),
          storedPath: original,
          pageCount: source.pageCount,
          importedAt: now,
        });
        const firstSequence = meta.page ?? nextSequence(archive.db, issue.id);
        const ids = prepared.map((p, i) => {
          const pageId = insertPage(archive.db, {
            issueId: issue.id,
            sequence: firstSequence + i,
            printedNumber: meta.page !== undefined ? String(meta.page + i) : null,
            sourceSha256: sha256,
            sourceIndex: p.page.index,
            width: p.page.width,
            height: p.page.height,
            dpi: p.page.dpi,
            rasterPath: p.rasterPath,
            thumbnailPath: p.thumbnailPath,
            tilesPath: p.tilesPath,
            createdAt: now,
          });
          if (ocr) {
            onBlocks(insertImportedRegions(archive.db, pageId, ocr.regions));
            savePageText(archive.db, pageId, ocr.text);
          } else if (p.textFile)
            savePageText(
              archive.db,
              pageId,
              JSON.parse(readFileSync(archive.resolve(p.textFile), 'utf8')) as PageText,
            );
          return pageId;
        });
        logOutcome(archive, { ...outcome, outcome: 'imported', pageIds: ids });
        return ids;
      })
      .immediate();
    // Recorded (or another process's): the texts that waited on disk are in the archive now.
    for (const p of prepared) if (p.textFile) await removeQuietly(archive.resolve(p.textFile));
    if (imported === null)
      return { ...outcome, outcome: 'duplicate', pageIds: pagesOfFile(archive.db, sha256) };
    return { ...outcome, outcome: 'imported', pageIds: imported };
  } catch (error) {
    // The same names are another process's once it recorded the same file: leave them.
    const recorded = outcome.sha256 !== null && fileIsStored(archive.db, outcome.sha256);
    if (!recorded) for (const relative of written) await removeQuietly(archive.resolve(relative));
    const info = toErrorInfo(error);
    // The archive's copy is what was read; the archivist knows the file by the path they gave.
    if (outcome.sha256 && outcome.format)
      info.message = info.message
        .split(archive.resolve(originalPath(outcome.sha256, EXTENSIONS[outcome.format])))
        .join(found.path);
    if (info.code === 'internal') info.message = `${found.path}: ${info.message}`;
    return { ...outcome, outcome: 'failed', pageIds: [], error: info };
  }
}

/**
 * Imported OCR in reading order. A file with regions keeps its own order: its regions (drawn
 * by a person, usually) say how the page reads. One with lines only is laid out like any text.
 */
async function arrangeImportedOcr(
  raster: string,
  page: PreparedPage['page'],
  ocr: PageOcr,
  maxPixels: number,
): Promise<PageOcr> {
  if (ocr.regions.length > 0) return ocr;
  return { ...ocr, text: await arrangePageText(raster, page, ocr.text, maxPixels) };
}

/** Inserts the file's regions; gives back each region's id by its ID in the file. */
function insertImportedRegions(
  db: WritableDB,
  pageId: number,
  regions: PageOcr['regions'],
): Map<string, number> {
  const byFileId = new Map<string, number>();
  regions.forEach((r, i) => {
    const id = insertRegion(db, {
      pageId,
      role: r.role,
      // Files that give a region only its box (or a degenerate outline) get the box as outline.
      polygon: r.polygon.length >= 3 ? r.polygon : boxToPolygon(r.box),
      readingOrder: i,
      origin: 'import',
    });
    if (r.id !== undefined) byFileId.set(r.id, id);
  });
  return byFileId;
}

function logOutcome(archive: Archive, outcome: FileOutcome): void {
  logImport(archive.db, {
    path: outcome.path,
    sha256: outcome.sha256,
    outcome: outcome.outcome,
    errorCode: outcome.error?.code ?? null,
    message: outcome.error?.message ?? null,
    pageCount: outcome.pageIds.length,
  });
}

async function entries(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

/**
 * Removes what a crashed import left behind: *.partial files and originals or page folders that
 * no row points at. Files another live process is writing look just like that, so nothing is
 * removed while another process has the archive open (the next import on its own sweeps).
 * Looks three levels deep only (<xx>/<sha…>/<file>), never into tile pyramids.
 */
export async function sweepLeftovers(
  archive: Archive,
  options: { dryRun?: boolean } = {},
): Promise<string[]> {
  if (otherWriters(archive.db, archive.writerId).length > 0) return [];
  const known = storedFileHashes(archive.db);
  const removed: string[] = [];
  const remove = async (entry: string) => {
    if (!options.dryRun) await removeQuietly(entry);
    removed.push(path.relative(archive.dir, entry));
  };
  for (const sub of ['files/originals', 'files/pages']) {
    for (const bucket of await entries(archive.resolve(sub))) {
      for (const item of await entries(bucket)) {
        const name = path.basename(item);
        if (name.endsWith('.partial') || !known.has(name.slice(0, 64))) {
          await remove(item);
          continue;
        }
        for (const inner of await entries(item)) if (inner.endsWith('.partial')) await remove(inner);
      }
    }
  }
  return removed;
}

export async function importScans(
  archive: Archive,
  paths: readonly string[],
  options: ImportOptions = {},
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportSummary> {
  const pattern = options.pattern ? parsePattern(options.pattern) : null;
  const read: ReadOptions = {
    dpi: options.dpi ?? DEFAULT_READ_OPTIONS.dpi,
    maxPixels: options.maxPixels ?? DEFAULT_READ_OPTIONS.maxPixels,
  };
  // A METS file given as the OCR of the scans: read before any scan, so that a bad one stops the run.
  const ocrMets = options.ocrFrom && isMetsFile(options.ocrFrom) ? openMetsPackage(options.ocrFrom) : null;
  await sweepLeftovers(archive);
  const { scans, metsFiles } = findScanFiles(paths, isMetsFile);
  const files: FileOutcome[] = [];
  const packages: MetsPackage[] = ocrMets ? [ocrMets] : [];
  const planned: PlannedFile[] = [];
  for (const file of metsFiles) {
    let pkg: MetsPackage;
    try {
      pkg = openMetsPackage(file);
    } catch (error) {
      files.push(failedOutcome(archive, file, error));
      continue;
    }
    packages.push(pkg);
    for (const page of packagePages(pkg)) {
      if ('error' in page)
        planned.push({ found: { path: file, name: '' }, placement: null, error: page.error });
      else
        planned.push({
          found: { path: page.path, name: path.basename(page.path, path.extname(page.path)) },
          placement: page.placement,
        });
    }
  }
  for (const found of scans) {
    const placement = ocrMets ? placeScan(ocrMets, found.path) : null;
    planned.push(
      ocrMets && !placement
        ? {
            found,
            placement,
            error: new BackfileError(
              'invalid-input',
              `${found.path}: no page of ${ocrMets.file} has an image named like this scan.`,
            ),
          }
        : { found, placement },
    );
  }
  // For each package, each page's blocks as the regions this run made of them.
  const blocks = new Map<MetsPackage, Map<number, Map<string, number>>>();
  const started = Date.now();
  const total = files.length + planned.length;
  for (const plan of planned) {
    if (options.signal?.aborted) break;
    const done = files.length;
    onProgress?.({
      done,
      total,
      current: plan.found.path,
      etaSeconds: eta(started, done, total),
      last: files.at(-1) ?? null,
    });
    if (plan.error) {
      files.push(failedOutcome(archive, plan.found.path, plan.error));
      continue;
    }
    const result = await importFile(archive, plan.found, pattern, options, read, plan.placement, (found) => {
      const { placement } = plan;
      if (!placement) return;
      if (!blocks.has(placement.pkg)) blocks.set(placement.pkg, new Map());
      blocks.get(placement.pkg)!.set(placement.page, found);
    });
    if (result.outcome !== 'imported') logOutcome(archive, result);
    files.push(result);
  }
  let articles = 0;
  for (const pkg of packages) articles += restoreArticles(archive.db, pkg, blocks.get(pkg) ?? new Map());
  onProgress?.({
    done: files.length,
    total,
    current: '',
    etaSeconds: 0,
    last: files.at(-1) ?? null,
  });
  return {
    files,
    imported: files.filter((f) => f.outcome === 'imported').length,
    duplicates: files.filter((f) => f.outcome === 'duplicate').length,
    failed: files.filter((f) => f.outcome === 'failed').length,
    pages: files.filter((f) => f.outcome === 'imported').reduce((n, f) => n + f.pageIds.length, 0),
    articles,
  };
}

/** A file that failed before it was read: logged, and reported like any other failure. */
function failedOutcome(archive: Archive, file: string, error: unknown): FileOutcome {
  const outcome: FileOutcome = {
    path: file,
    outcome: 'failed',
    sha256: null,
    format: null,
    pageIds: [],
    error: toErrorInfo(error),
  };
  logOutcome(archive, outcome);
  return outcome;
}

function eta(started: number, done: number, total: number): number | null {
  if (done === 0) return null;
  return Math.round((((Date.now() - started) / done) * (total - done)) / 1000);
}

// Reads one page: whole page with automatic layout, or region by region where the page has text
// regions (drawn by a user or suggested), which removes most layout errors (DESIGN.md). Where
// regions cover only part of the page, the rest is read too, with the regions blanked out: text
// outside every region belongs to the page and is never dropped by a re-read.

import { existsSync } from 'node:fs';
import type { WritableDB } from '../archive/db-handles.ts';
import type { Archive } from '../archive/archive.ts';
import { getPage } from '../archive/pages.ts';
import { BackfileError } from '../../shared/errors.ts';
import type { Box } from '../../shared/geometry.ts';
import type { Block, Line, Page, PageText } from '../../shared/model.ts';
import type { OcrEngine, RecogniseRequest, Segmentation } from './engine.ts';
import { pageRegions } from '../archive/region-rows.ts';
import { isTextRole } from '../../shared/model.ts';
import { blocksToPage, cropPrepared, fromPgm, prepareForOcr, type PreparedImage } from './preprocess.ts';
import { inkOfUpright, readPageInk, type PageInk } from '../layout/page-image.ts';
import { arrangeByLayout, arrangePageText, layOutPage } from '../layout/page-layout.ts';
import { columnStrips } from '../layout/reading-units.ts';
import { unionBoxes } from '../../shared/geometry.ts';
import { BY_PRINT_SIZE, engineDpi, pageEnlargement } from './print-size.ts';
import { timed, type StageTimes } from './stage-times.ts';
import { readVerticalPage } from './vertical-reading.ts';
import { setVertically } from '../../shared/language.ts';

export interface PageOcrOptions {
  languages: string;
  deskew: boolean;
  binarise: boolean;
  maxPixels: number;
  /** The page's small-print enlargement (print-size.ts), when measured already (by `auto`). */
  enlarge?: number;
  onProgress?: (share: number) => void;
  /** Where the page's time goes, when asked (bench/ocr.ts). */
  times?: StageTimes;
}

interface TextRegion {
  role: string;
  box: Box;
}

function textRegions(db: WritableDB, pageId: number): TextRegion[] {
  return pageRegions(db, pageId).filter((r) => isTextRole(r.role));
}

function segmentationFor(role: string): Segmentation {
  return role === 'byline' || role === 'jump' || role === 'kicker' ? 'line' : 'block';
}

/**
 * The page and the full path of its scan in the archive, or a clear error when the scan is gone
 * (a file deleted or a copy restored without its files folder) rather than an image library's
 * "Input file is missing".
 */
export function requireScan(archive: Archive, pageId: number): { page: Page; raster: string } {
  const page = getPage(archive.db, pageId);
  if (!page) throw new BackfileError('not-found', `Page ${pageId} is not in the archive.`);
  const raster = archive.resolve(page.rasterPath);
  if (!existsSync(raster))
    throw new BackfileError(
      'file-not-found',
      `The scan of page ${pageId} is missing from the archive (${page.rasterPath}); import it again, or restore the archive's files folder from a backup.`,
    );
  return { page, raster };
}

export async function readPageWithOcr(
  archive: Archive,
  engine: OcrEngine,
  pageId: number,
  options: PageOcrOptions,
): Promise<PageText> {
  const { page, raster } = requireScan(archive, pageId);
  const regions = textRegions(archive.db, pageId);
  // Small print (a microfilm or 72-dpi scan) is read enlarged, measured from the page's ink
  // (print-size.ts): for a whole page, from the pixels decoded to prepare it.
  const enlarge = engine.readsEnlargedSmallPrint ? (options.enlarge ?? BY_PRINT_SIZE) : 1;
  // A page set in vertical columns is read column by column, each set across (vertical-reading.ts);
  // its skew is measured along its columns.
  const vertical = setVertically(options.languages);
  const prepare = {
    deskew: options.deskew,
    binarise: options.binarise,
    maxPixels: options.maxPixels,
    columns: vertical,
  };
  const read = (
    prepared: PreparedImage,
    segmentation: Segmentation,
    extra: Pick<RecogniseRequest, 'onProgress' | 'times'>,
  ) => {
    const dpi = engineDpi(page.dpi, prepared.enlarge);
    const image = prepared.image;
    return vertical
      ? readVerticalPage(engine, image, options.languages, dpi, extra)
      : engine.recognise({ image, languages: options.languages, segmentation, dpi, ...extra });
  };
  const blocks: Block[] = [];
  if (regions.length === 0) {
    const prepared = await timed(options.times, 'prepare image', () =>
      prepareForOcr(raster, { ...prepare, enlarge }),
    );
    const found = await read(prepared, 'page', {
      // A horizontal page is read a second time, column by column: its first reading is half.
      onProgress: (share) => options.onProgress?.(vertical ? share : share / 2),
      times: options.times,
    });
    const text = { source: engine.source(options.languages), blocks: blocksToPage(found, prepared.toPage) };
    // A vertical page was read column by column already.
    if (vertical)
      return timed(options.times, 'layout', async () =>
        arrangePageText(await pageInk(raster, page, options, prepared), page, text, options.maxPixels),
      );
    return readByColumns(raster, page, engine, options, prepared, text);
  } else {
    // Measured on the whole page: a region alone may be too few lines to tell.
    const measured = enlarge === BY_PRINT_SIZE ? await pageEnlargement(raster, options.maxPixels) : enlarge;
    for (const [i, region] of regions.entries()) {
      const crop = clampBox(region.box, page.width, page.height);
      if (!crop) continue;
      const prepared = await prepareForOcr(raster, { ...prepare, enlarge: measured, crop });
      const found = await read(prepared, segmentationFor(region.role), {
        onProgress: (share) => options.onProgress?.((i + share) / regions.length),
      });
      // A region is one block in reading order, whatever the engine split it into.
      const lines = blocksToPage(found, prepared.toPage).flatMap((b) => b.lines);
      if (lines.length > 0) blocks.push({ box: crop, lines });
    }
    const rest = await prepareForOcr(raster, {
      ...prepare,
      enlarge: measured,
      blank: regions.map((r) => r.box),
    });
    const found = await read(rest, 'page', {});
    blocks.push(...blocksToPage(found, rest.toPage).filter((b) => b.lines.length > 0));
  }
  return { source: engine.source(options.languages), blocks };
}

/**
 * The second reading: the first one's layout says where the article frames and their column
 * gutters are; each column is read again on its own (an engine given a whole page runs lines
 * across narrow gutters), headlines, photos and captions keep their first reading, and the
 * page's layout analysis, the same for every source, puts it all in reading order.
 */
async function readByColumns(
  raster: string,
  page: { width: number; height: number; dpi: number | null },
  engine: OcrEngine,
  options: PageOcrOptions,
  prepared: PreparedImage,
  first: PageText,
): Promise<PageText> {
  const lines = first.blocks.flatMap((b) => b.lines);
  if (lines.length === 0 || !engine.followsPageLayout) return first;
  const times = options.times;
  const ink = await timed(times, 'layout', () => pageInk(raster, page, options, prepared));
  const laidOut = await timed(times, 'layout', () => layOutPage(ink, page, lines, options.maxPixels));
  const plan = columnStrips(laidOut);
  if (plan.strips.length === 0) return arrangeByLayout(first, laidOut);
  // Upright page coordinates to the prepared image's, which grew by the turn and was enlarged.
  const e = prepared.enlarge;
  const dx = (prepared.width - page.width * e) / 2;
  const dy = (prepared.height - page.height * e) / 2;
  const shift = (b: Box): Box => ({
    x0: b.x0 * e + dx,
    y0: b.y0 * e + dy,
    x1: b.x1 * e + dx,
    y1: b.y1 * e + dy,
  });
  const read: Line[] = plan.keep.map((i) => laidOut.lines[i]!);
  // The strips' readings are timed as one stage, their engine's own stages left out, so no
  // time counts twice.
  const started = performance.now();
  for (const [k, strip] of plan.strips.entries()) {
    const crop = cropPrepared(prepared, shift(strip.box), strip.blank.map(shift));
    const found = await engine.recognise({
      image: crop.image,
      languages: options.languages,
      segmentation: 'column',
      dpi: engineDpi(page.dpi, e),
      onProgress: (share) => options.onProgress?.(0.5 + (k + share) / plan.strips.length / 2),
    });
    read.push(...blocksToPage(found, crop.toPage).flatMap((b) => b.lines));
  }
  times?.add('column re-read', performance.now() - started);
  if (read.length === 0) return arrangeByLayout(first, laidOut);
  const second = { source: first.source, blocks: [{ box: unionBoxes(read.map((l) => l.box)), lines: read }] };
  return timed(times, 'layout', () => arrangePageText(ink, page, second, options.maxPixels));
}

/**
 * The page's ink for its layout, read once for both layouts of a column re-read. The pixels
 * prepared for the engine are the page's grey turned upright, unless they were enlarged or
 * thresholded: then the scan is read again.
 */
function pageInk(
  raster: string,
  page: { width: number; height: number; dpi: number | null },
  options: PageOcrOptions,
  prepared: PreparedImage,
): Promise<PageInk> {
  if (prepared.enlarge !== 1 || options.binarise)
    return readPageInk(raster, page.dpi, options.maxPixels, prepared.skew);
  return Promise.resolve(
    inkOfUpright(fromPgm(prepared.image), page.width, page.height, page.dpi, prepared.skew),
  );
}

function clampBox(b: Box, width: number, height: number): Box | null {
  const box = {
    x0: Math.max(0, b.x0),
    y0: Math.max(0, b.y0),
    x1: Math.min(width, b.x1),
    y1: Math.min(height, b.y1),
  };
  return box.x1 - box.x0 >= 4 && box.y1 - box.y0 >= 4 ? box : null;
}

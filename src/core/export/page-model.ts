// What every page-level export writes from: the page, its regions in reading order, and its text
// grouped into blocks (one per text region where the page has regions, plus the source's blocks
// of the lines outside every region; else the source's blocks).

import type { Archive } from '../archive/archive.ts';
import { getPage } from '../archive/pages.ts';
import { groupLines, loadPageLines, mainTextSource, type PlacedLine } from '../archive/page-text.ts';
import { BackfileError } from '../../shared/errors.ts';
import { boxToPolygon, type Box, type Polygon } from '../../shared/geometry.ts';
import {
  NON_TEXT_ROLES,
  type Line,
  type Region,
  type RegionRole,
  type TextSource,
} from '../../shared/model.ts';
import { pageRegions } from '../archive/region-rows.ts';
import { rememberedForPage } from '../archive/page-scope.ts';
import { cjkShare } from '../../shared/text/script.ts';

export interface ExportRegion {
  id: number;
  role: RegionRole;
  polygon: Polygon;
  box: Box;
  lines: Line[];
}

export interface ExportPage {
  id: number;
  /** The page's place in its issue (1, 2, …): ALTO's PHYSICAL_IMG_NR, METS ORDER. */
  sequence: number;
  imageFile: string; // file name the export refers to for the page image
  width: number;
  height: number;
  dpi: number | null;
  languages: string | null;
  source: TextSource | null;
  /** Regions in reading order; text regions carry their lines. When the page has no regions,
   * one 'body' region per text block, with the block's box as polygon. */
  regions: ExportRegion[];
}

// Re-exported for the writers, which speak of roles through the export model.
export { NON_TEXT_ROLES };

/**
 * The page's regions in reading order, each text region with its lines (by `lines.region_id`,
 * the one record of membership), and every line in no region in blocks of its own, so that an
 * export holds every line of the page: lines outside articles belong to the page. Such a block
 * stands before the first region whose lines its source read after it.
 */
export function regionsWithLines(
  pageRegions: readonly Region[],
  lines: readonly PlacedLine[],
): ExportRegion[] {
  const byRegion = new Map<number, PlacedLine[]>();
  for (const l of lines)
    if (l.regionId !== null) byRegion.set(l.regionId, [...(byRegion.get(l.regionId) ?? []), l]);
  const positionOf = new Map(lines.map((l) => [l.line, l.position]));
  const loose = groupLines(
    lines.filter((l) => l.regionId === null),
    (l) => l.blockId,
  ).map((g, i) => ({
    first: Math.min(...g.block.lines.map((line) => positionOf.get(line)!)),
    region: {
      id: -(i + 1),
      role: 'other' as const,
      polygon: boxToPolygon(g.block.box),
      box: g.block.box,
      lines: g.block.lines,
    },
  }));
  const out: ExportRegion[] = [];
  for (const r of pageRegions) {
    const own = byRegion.get(r.id) ?? [];
    const first = own.length > 0 ? Math.min(...own.map((l) => l.position)) : null;
    while (first !== null && loose.length > 0 && loose[0]!.first < first) out.push(loose.shift()!.region);
    out.push({ id: r.id, role: r.role, polygon: r.polygon, box: r.box, lines: own.map((l) => l.line) });
  }
  out.push(...loose.map((l) => l.region));
  return out;
}

export function loadExportPage(archive: Archive, pageId: number, imageFile: string): ExportPage {
  const page = getPage(archive.db, pageId);
  if (!page) throw new BackfileError('not-found', `Page ${pageId} is not in the archive.`);
  const lines = loadPageLines(archive.db, pageId);
  const rows = pageRegions(archive.db, pageId);
  const regions =
    rows.length > 0
      ? regionsWithLines(rows, lines)
      : groupLines(lines, (l) => l.blockId).map(({ block: b }, i) => ({
          id: -(i + 1),
          role: 'body' as const,
          polygon: boxToPolygon(b.box),
          box: b.box,
          lines: b.lines,
        }));
  // What the page was set to be read in; the archive-wide default says nothing about this page.
  const languages = rememberedForPage(archive.db, pageId, 'language', { archiveWide: false });
  const source = mainTextSource(archive.db, pageId);
  return clipToPage({
    id: page.id,
    sequence: page.sequence,
    imageFile,
    width: page.width,
    height: page.height,
    dpi: page.dpi,
    languages: languages ?? readWith(source) ?? languageOfText(lines.map((l) => l.line.text).join('')),
    source,
    regions,
  });
}

/** The languages tesseract was given, as its text source records them ("chi_sim+eng best_int"). */
function readWith(source: TextSource | null): string | null {
  if (source?.engine !== 'tesseract') return null;
  return /^[A-Za-z0-9_]+(\+[A-Za-z0-9_]+)*/.exec(source.model)?.[0] ?? null;
}

/** Chinese when most of the page's letters are Han; otherwise not known from the text alone. */
function languageOfText(text: string): string | null {
  return cjkShare(text) > 0.5 ? 'chi' : null;
}

const within = (v: number, max: number) => Math.min(Math.max(v, 0), max);

const clip = (b: Box, width: number, height: number): Box => ({
  x0: within(b.x0, width),
  y0: within(b.y0, height),
  x1: within(b.x1, width),
  y1: within(b.y1, height),
});

/**
 * Every box and outline inside the page: an engine may box a word a few pixels past the edge
 * (VPOS="-17"), which viewers and schemas that want non-negative positions refuse.
 */
export function clipToPage(page: ExportPage): ExportPage {
  const { width: w, height: h } = page;
  const line = (l: Line): Line => ({
    ...l,
    box: clip(l.box, w, h),
    words: l.words.map((word) => ({ ...word, box: clip(word.box, w, h) })),
    ...(l.baseline ? { baseline: l.baseline.map(([x, y]) => [within(x, w), within(y, h)] as const) } : {}),
  });
  return {
    ...page,
    regions: page.regions.map((r) => ({
      ...r,
      box: clip(r.box, w, h),
      polygon: r.polygon.map(([x, y]) => [within(x, w), within(y, h)]),
      lines: r.lines.map(line),
    })),
  };
}

/** Whether the ALTO writer gives a region a block: text regions without lines have none. */
export function hasAltoBlock(region: ExportRegion): boolean {
  return NON_TEXT_ROLES.includes(region.role) || region.lines.length > 0;
}

// What every page-level export writes from: the page, its regions in reading order, and its text
// grouped into blocks (one per text region where the page has regions, else the source's blocks).
// A line belongs to the region that contains its centre.

import type Database from 'better-sqlite3';
import type { Archive } from '../archive/archive.ts';
import { getPage } from '../archive/pages.ts';
import { loadPageBlocks } from '../archive/page-text.ts';
import { BackfileError } from '../../shared/errors.ts';
import {
  boxCentre,
  boxToPolygon,
  polygonContainsPoint,
  type Box,
  type Polygon,
} from '../../shared/geometry.ts';
import {
  isTextRole,
  NON_TEXT_ROLES,
  type Block,
  type Line,
  type Region,
  type RegionRole,
  type TextSource,
} from '../../shared/model.ts';
import { pageRegions } from '../articles/regions.ts';

export interface ExportRegion {
  id: number;
  role: RegionRole;
  polygon: Polygon;
  box: Box;
  lines: Line[];
}

export interface ExportPage {
  id: number;
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

function pageSource(db: Database.Database, pageId: number): TextSource | null {
  return (
    (db
      .prepare(
        `SELECT s.kind, s.engine, s.version, s.model FROM lines l JOIN text_sources s ON s.id = l.source_id
         WHERE l.page_id = ? GROUP BY s.id ORDER BY COUNT(*) DESC LIMIT 1`,
      )
      .get(pageId) as TextSource | undefined) ?? null
  );
}

/** Each line goes to the first text region (in reading order) that contains its centre. */
export function regionsWithLines(pageRegions: readonly Region[], blocks: readonly Block[]): ExportRegion[] {
  const regions: ExportRegion[] = pageRegions.map((r) => ({
    id: r.id,
    role: r.role,
    polygon: r.polygon,
    box: r.box,
    lines: [],
  }));
  for (const line of blocks.flatMap((b) => b.lines)) {
    const centre = boxCentre(line.box);
    regions.find((r) => isTextRole(r.role) && polygonContainsPoint(r.polygon, centre))?.lines.push(line);
  }
  return regions;
}

export function loadExportPage(archive: Archive, pageId: number, imageFile: string): ExportPage {
  const page = getPage(archive.db, pageId);
  if (!page) throw new BackfileError('not-found', `Page ${pageId} is not in the archive.`);
  const blocks = loadPageBlocks(archive.db, pageId);
  const rows = pageRegions(archive.db, pageId);
  const regions =
    rows.length > 0
      ? regionsWithLines(rows, blocks)
      : blocks.map((b, i) => ({
          id: -(i + 1),
          role: 'body' as const,
          polygon: boxToPolygon(b.box),
          box: b.box,
          lines: b.lines,
        }));
  const languages = archive.db
    .prepare(
      `SELECT COALESCE(p.language, i.language, t.language) FROM pages p JOIN issues i ON i.id = p.issue_id
       JOIN titles t ON t.id = i.title_id WHERE p.id = ?`,
    )
    .pluck()
    .get(pageId) as string | null;
  return {
    id: page.id,
    imageFile,
    width: page.width,
    height: page.height,
    dpi: page.dpi,
    languages,
    source: pageSource(archive.db, pageId),
    regions,
  };
}

/** Whether the ALTO writer gives a region a block: text regions without lines have none. */
export function hasAltoBlock(region: ExportRegion): boolean {
  return NON_TEXT_ROLES.includes(region.role) || region.lines.length > 0;
}

// Pages of the archive: rows mapped to domain pages at this edge.

import type { PrintedPage } from '../../shared/api/contract.ts';
import type { ReadableDB, WritableDB } from './db-handles.ts';
import type { Page, PageStatus, TextSourceKind } from '../../shared/model.ts';

interface PageRow {
  id: number;
  issue_id: number;
  sequence: number;
  printed_number: string | null;
  source_sha256: string;
  source_index: number;
  original_name: string;
  width: number;
  height: number;
  dpi: number | null;
  raster_path: string;
  thumbnail_path: string;
  tiles_path: string;
  text_source: TextSourceKind | null;
  status: PageStatus;
}

export function rowToPage(row: PageRow): Page {
  return {
    id: row.id,
    issueId: row.issue_id,
    sequence: row.sequence,
    printedNumber: row.printed_number,
    sourceSha256: row.source_sha256,
    sourceIndex: row.source_index,
    sourceName: row.original_name,
    width: row.width,
    height: row.height,
    dpi: row.dpi,
    rasterPath: row.raster_path,
    thumbnailPath: row.thumbnail_path,
    tilesPath: row.tiles_path,
    textSource: row.text_source,
    status: row.status,
  };
}

const PAGE_COLUMNS = `p.id, p.issue_id, p.sequence, p.printed_number, p.source_sha256, p.source_index, f.original_name,
  p.width, p.height, p.dpi, p.raster_path, p.thumbnail_path, p.tiles_path, p.text_source, p.status`;

export function getPage(db: ReadableDB, id: number): Page | null {
  const row = db
    .prepare(`SELECT ${PAGE_COLUMNS} FROM pages p JOIN files f ON f.sha256 = p.source_sha256 WHERE p.id = ?`)
    .get(id) as PageRow | undefined;
  return row ? rowToPage(row) : null;
}

export interface PageListing extends Page {
  titleId: number;
  title: string;
  date: string;
  edition: string;
}

const LISTING = `SELECT ${PAGE_COLUMNS}, i.title_id AS titleId, t.name AS title, i.issue_date AS date, i.edition AS edition
  FROM pages p JOIN files f ON f.sha256 = p.source_sha256
  JOIN issues i ON i.id = p.issue_id JOIN titles t ON t.id = i.title_id`;

type ListingRow = PageRow & { titleId: number; title: string; date: string; edition: string };

const rowToListing = (row: ListingRow): PageListing => ({
  ...rowToPage(row),
  titleId: row.titleId,
  title: row.title,
  date: row.date,
  edition: row.edition,
});

export function listPages(db: ReadableDB, filter: { issueId?: number } = {}): PageListing[] {
  const where = filter.issueId === undefined ? '' : 'WHERE p.issue_id = @issueId';
  const rows = db
    .prepare(`${LISTING} ${where} ORDER BY t.name, i.issue_date, i.edition, p.sequence, p.id`)
    .all(filter) as ListingRow[];
  return rows.map(rowToListing);
}

/** One page with its title and issue, or null. */
export function getPageListing(db: ReadableDB, id: number): PageListing | null {
  const row = db.prepare(`${LISTING} WHERE p.id = ?`).get(id) as ListingRow | undefined;
  return row ? rowToListing(row) : null;
}

/** Pages as a reader names them: their printed number, or their place in the issue. */
export function printedPages(db: ReadableDB, ids: readonly number[]): PrintedPage[] {
  const row = db.prepare('SELECT sequence, printed_number FROM pages WHERE id = ?');
  return ids.map((id) => {
    const r = row.get(id) as { sequence: number; printed_number: string | null };
    return { id, sequence: r.sequence, printedNumber: r.printed_number };
  });
}

/** The pages before and after one in its issue, by sequence: the page view's way through an issue. */
export function issueNeighbours(
  db: ReadableDB,
  id: number,
): { previousPageId: number | null; nextPageId: number | null } {
  const near = (comparison: '<' | '>', order: 'ASC' | 'DESC') =>
    (db
      .prepare(
        `SELECT n.id FROM pages p JOIN pages n ON n.issue_id = p.issue_id
         WHERE p.id = ? AND (n.sequence, n.id) ${comparison} (p.sequence, p.id)
         ORDER BY n.sequence ${order}, n.id ${order} LIMIT 1`,
      )
      .pluck()
      .get(id) as number | undefined) ?? null;
  return { previousPageId: near('<', 'DESC'), nextPageId: near('>', 'ASC') };
}

export interface NewPage {
  issueId: number;
  sequence: number;
  printedNumber: string | null;
  sourceSha256: string;
  sourceIndex: number;
  width: number;
  height: number;
  dpi: number | null;
  rasterPath: string;
  thumbnailPath: string;
  tilesPath: string;
  createdAt: string;
}

export function insertPage(db: WritableDB, page: NewPage): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO pages (issue_id, sequence, printed_number, source_sha256, source_index, width, height, dpi,
         raster_path, thumbnail_path, tiles_path, created_at)
       VALUES (@issueId, @sequence, @printedNumber, @sourceSha256, @sourceIndex, @width, @height, @dpi,
         @rasterPath, @thumbnailPath, @tilesPath, @createdAt)`,
    )
    .run(page);
  return Number(lastInsertRowid);
}

export function nextSequence(db: WritableDB, issueId: number): number {
  const row = db.prepare('SELECT MAX(sequence) AS max FROM pages WHERE issue_id = ?').get(issueId) as {
    max: number | null;
  };
  return (row.max ?? 0) + 1;
}

/** Every page with the issue it belongs to, by issue. */
export function pageIssues(db: ReadableDB): { pageId: number; issueId: number }[] {
  return db
    .prepare('SELECT id AS pageId, issue_id AS issueId FROM pages ORDER BY issue_id, sequence, id')
    .all() as {
    pageId: number;
    issueId: number;
  }[];
}

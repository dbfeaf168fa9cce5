// The rows backfile merge reads from a shard's archive and writes into the target archive: pages
// with their file and catalogue, regions, articles with their parts and photos. Text goes
// through page-text.ts (storedText, insertStoredText); ids are never carried over, only mapped.

import type { ReadableDB, WritableDB } from './db-handles.ts';
import type { StoredFile } from './file-rows.ts';
import type { NewPage } from './pages.ts';
import { insertRegion, type RegionOrigin } from './region-rows.ts';
import { correctedLineCount } from './line-rows.ts';
import { pageArticleIds } from './article-rows.ts';
import type { Polygon } from '../../shared/geometry.ts';
import type { RegionRole } from '../../shared/model.ts';

/** A shard page, with what it takes to place it in another archive. */
export interface ShardPage extends Omit<NewPage, 'issueId' | 'sequence'> {
  id: number;
  issueId: number;
  status: string;
  statusReason: string | null;
  language: string | null;
  ocrEngine: string | null;
  readHost: string | null;
  readShard: string | null;
  title: string;
  date: string;
  edition: string;
  volume: string | null;
  number: string | null;
  file: StoredFile;
}

/** The shard's pages in the order of its collection (title, date, edition, sequence). */
export function shardPages(db: ReadableDB): ShardPage[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.issue_id, p.printed_number, p.source_sha256, p.source_index, p.width, p.height, p.dpi, p.raster_path,
              p.thumbnail_path, p.tiles_path, p.created_at, p.status, p.status_reason, p.language, p.ocr_engine,
              p.read_host, p.read_shard, t.name AS title, i.issue_date, i.edition, i.volume, i.number,
              f.size, f.format, f.original_name, f.stored_path, f.page_count, f.imported_at
       FROM pages p JOIN issues i ON i.id = p.issue_id JOIN titles t ON t.id = i.title_id
       JOIN files f ON f.sha256 = p.source_sha256
       ORDER BY t.name, i.issue_date, i.edition, p.sequence, p.id`,
    )
    .all() as Record<string, string | number | null>[];
  return rows.map((r) => ({
    id: r.id as number,
    issueId: r.issue_id as number,
    printedNumber: r.printed_number as string | null,
    sourceSha256: r.source_sha256 as string,
    sourceIndex: r.source_index as number,
    width: r.width as number,
    height: r.height as number,
    dpi: r.dpi as number | null,
    rasterPath: r.raster_path as string,
    thumbnailPath: r.thumbnail_path as string,
    tilesPath: r.tiles_path as string,
    createdAt: r.created_at as string,
    status: r.status as string,
    statusReason: r.status_reason as string | null,
    language: r.language as string | null,
    ocrEngine: r.ocr_engine as string | null,
    readHost: r.read_host as string | null,
    readShard: r.read_shard as string | null,
    title: r.title as string,
    date: r.issue_date as string,
    edition: r.edition as string,
    volume: r.volume as string | null,
    number: r.number as string | null,
    file: {
      sha256: r.source_sha256 as string,
      size: r.size as number,
      format: r.format as string,
      originalName: r.original_name as string,
      storedPath: r.stored_path as string,
      pageCount: r.page_count as number,
      importedAt: r.imported_at as string,
    },
  }));
}

/** The target's page made from the same original page, if it has one. */
export function pageBySource(db: ReadableDB, sha256: string, index: number): number | undefined {
  return db
    .prepare('SELECT id FROM pages WHERE source_sha256 = ? AND source_index = ?')
    .pluck()
    .get(sha256, index) as number | undefined;
}

/** What people have done on a page: corrected lines, regions they drew or accepted, articles. */
export function humanWorkOnPage(
  db: ReadableDB,
  pageId: number,
): { corrected: number; regions: number; articles: number } {
  return {
    corrected: correctedLineCount(db, pageId),
    regions: db
      .prepare("SELECT COUNT(*) FROM regions WHERE page_id = ? AND (origin <> 'suggested' OR accepted = 1)")
      .pluck()
      .get(pageId) as number,
    articles: pageArticleIds(db, pageId).length,
  };
}

export function regionCount(db: ReadableDB, pageId: number): number {
  return db.prepare('SELECT COUNT(*) FROM regions WHERE page_id = ?').pluck().get(pageId) as number;
}

/** The page's line texts in reading order: what "the same text" compares. */
export function pageLineTexts(db: ReadableDB, pageId: number): string[] {
  return db
    .prepare('SELECT text FROM lines WHERE page_id = ? ORDER BY position, id')
    .pluck()
    .all(pageId) as string[];
}

/** The columns a merge carries over to a page it adds or fills (status, language, provenance). */
export function setMergedPageState(db: WritableDB, pageId: number, page: ShardPage): void {
  db.prepare(
    `UPDATE pages SET status = ?, status_reason = ?, language = COALESCE(language, ?), ocr_engine = COALESCE(ocr_engine, ?),
       read_host = ?, read_shard = ? WHERE id = ?`,
  ).run(page.status, page.statusReason, page.language, page.ocrEngine, page.readHost, page.readShard, pageId);
}

/** Copies the page's regions as they are (origin, acceptance, order); returns old id → new id. */
export function copyRegions(
  from: ReadableDB,
  to: WritableDB,
  fromPage: number,
  toPage: number,
): Map<number, number> {
  const map = new Map<number, number>();
  for (const r of from
    .prepare(
      'SELECT id, role, polygon, reading_order, origin, accepted, created_at FROM regions WHERE page_id = ? ORDER BY reading_order, id',
    )
    .all(fromPage) as {
    id: number;
    role: RegionRole;
    polygon: string;
    reading_order: number;
    origin: RegionOrigin;
    accepted: number;
    created_at: string;
  }[])
    map.set(
      r.id,
      insertRegion(
        to,
        {
          pageId: toPage,
          role: r.role,
          polygon: JSON.parse(r.polygon) as Polygon,
          readingOrder: r.reading_order,
          origin: r.origin,
        },
        { accepted: r.accepted === 1, createdAt: r.created_at },
      ),
    );
  return map;
}

/** The shard's articles whose parts include one of these regions, with their part regions. */
export function articlesWithRegions(
  db: ReadableDB,
  regionIds: readonly number[],
): { id: number; issueId: number; parts: number[] }[] {
  if (regionIds.length === 0) return [];
  const ids = db
    .prepare(
      `SELECT DISTINCT article_id FROM article_parts WHERE region_id IN (SELECT value FROM json_each(?)) ORDER BY article_id`,
    )
    .pluck()
    .all(JSON.stringify(regionIds)) as number[];
  const parts = db
    .prepare('SELECT region_id FROM article_parts WHERE article_id = ? ORDER BY position')
    .pluck();
  const issue = db.prepare('SELECT issue_id FROM articles WHERE id = ?').pluck();
  return ids.map((id) => ({ id, issueId: issue.get(id) as number, parts: parts.all(id) as number[] }));
}

/**
 * Copies an article with its parts and photos into `issueId`, regions mapped; every region it
 * names must be in `regions`. Returns the new id.
 */
export function copyArticle(
  from: ReadableDB,
  to: WritableDB,
  articleId: number,
  issueId: number,
  regions: ReadonlyMap<number, number>,
): number {
  const row = from
    .prepare(
      `SELECT headline, kicker, subhead, byline, dateline, section, body_override, status, status_reason, origin,
              accepted, created_at, updated_at FROM articles WHERE id = ?`,
    )
    .get(articleId) as Record<string, unknown>;
  const id = Number(
    to
      .prepare(
        `INSERT INTO articles (issue_id, headline, kicker, subhead, byline, dateline, section, body_override, status,
           status_reason, origin, accepted, created_at, updated_at)
         VALUES (@issue_id, @headline, @kicker, @subhead, @byline, @dateline, @section, @body_override, @status,
           @status_reason, @origin, @accepted, @created_at, @updated_at)`,
      )
      .run({ ...row, issue_id: issueId }).lastInsertRowid,
  );
  const insertPart = to.prepare(
    'INSERT INTO article_parts (article_id, position, region_id) VALUES (?, ?, ?)',
  );
  for (const part of from
    .prepare('SELECT position, region_id FROM article_parts WHERE article_id = ? ORDER BY position')
    .all(articleId) as { position: number; region_id: number }[])
    insertPart.run(id, part.position, regions.get(part.region_id)!);
  const insertPhoto = to.prepare(
    `INSERT INTO photos (article_id, position, region_id, caption_region_id, caption, media_type, width, height, image)
     VALUES (@article_id, @position, @region_id, @caption_region_id, @caption, @media_type, @width, @height, @image)`,
  );
  for (const photo of from
    .prepare(
      'SELECT position, region_id, caption_region_id, caption, media_type, width, height, image FROM photos WHERE article_id = ? ORDER BY position',
    )
    .all(articleId) as Record<string, unknown>[]) {
    const mapped = (id: unknown) => (id === null ? null : (regions.get(id as number) ?? null));
    insertPhoto.run({
      ...photo,
      article_id: id,
      region_id: mapped(photo.region_id),
      caption_region_id: mapped(photo.caption_region_id),
    });
  }
  return id;
}

/** Whether a shard is finished: its OCR jobs still waiting or under way, and its failed files. */
export function shardState(db: ReadableDB): {
  unread: number;
  failedFiles: { path: string; message: string }[];
} {
  const unread = db
    .prepare("SELECT COUNT(*) FROM jobs WHERE kind = 'ocr' AND status IN ('todo', 'running')")
    .pluck()
    .get() as number;
  // A file that failed and then came in on a later run is not a failure any more.
  const failedFiles = db
    .prepare(
      `SELECT l.path, COALESCE(l.message, l.error_code, 'failed') AS message FROM import_log l
       WHERE l.outcome = 'failed' AND l.id = (SELECT MAX(id) FROM import_log WHERE path = l.path)
       ORDER BY l.path`,
    )
    .all() as { path: string; message: string }[];
  return { unread, failedFiles };
}

// Single lines of the lines table, as corrections, searches, articles and the page view read and
// change them. Storing a source's whole page text is page-text.ts; this is the line at a time.

import type { ReadableDB, WritableDB } from './db-handles.ts';
import type { Box } from '../../shared/geometry.ts';
import { nowIso } from './archive.ts';
import { originalLineTextSql } from './history.ts';
import type { PageLines } from '../../shared/api/contract.ts';

interface BoxColumns {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const boxOf = (r: BoxColumns): Box => ({ x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1 });

/** A region's lines in reading order, with their boxes. */
export function regionLines(db: ReadableDB, regionId: number): { text: string; box: Box }[] {
  return (
    db
      .prepare('SELECT text, x0, y0, x1, y1 FROM lines WHERE region_id = ? ORDER BY position, id')
      .all(regionId) as ({ text: string } & BoxColumns)[]
  ).map((l) => ({ text: l.text, box: boxOf(l) }));
}

/** A region's current text, one line per line. */
export function regionText(db: ReadableDB, regionId: number): string {
  return regionLines(db, regionId)
    .map((l) => l.text)
    .join('\n');
}

export function getLine(db: ReadableDB, id: number): { pageId: number; text: string; box: Box } | undefined {
  const row = db.prepare('SELECT page_id, text, x0, y0, x1, y1 FROM lines WHERE id = ?').get(id) as
    ({ page_id: number; text: string } & BoxColumns) | undefined;
  return row && { pageId: row.page_id, text: row.text, box: boxOf(row) };
}

/** The line with the source that read it (kind, engine and version as one label). */
export function lineWithSource(
  db: ReadableDB,
  id: number,
): { pageId: number; text: string; source: string } | undefined {
  const row = db
    .prepare(
      `SELECT l.page_id AS pageId, l.text, s.kind, s.engine, s.version FROM lines l
       JOIN text_sources s ON s.id = l.source_id WHERE l.id = ?`,
    )
    .get(id) as { pageId: number; text: string; kind: string; engine: string; version: string } | undefined;
  return (
    row && {
      pageId: row.pageId,
      text: row.text,
      source: [row.kind, row.engine, row.version].filter(Boolean).join(' '),
    }
  );
}

/** Lines of these pages (all pages when absent), in page and reading order. */
export function linesOfPages(
  db: ReadableDB,
  pageIds?: readonly number[],
): { id: number; pageId: number; text: string }[] {
  const rows = (
    pageIds
      ? db
          .prepare(
            `SELECT id, page_id, text FROM lines WHERE page_id IN (${pageIds.map(() => '?').join(',')}) ORDER BY page_id, position, id`,
          )
          .all(...pageIds)
      : db.prepare('SELECT id, page_id, text FROM lines ORDER BY page_id, position, id').all()
  ) as { id: number; page_id: number; text: string }[];
  return rows.map((r) => ({ id: r.id, pageId: r.page_id, text: r.text }));
}

/** A person's text for a line: marked corrected, so no machine source replaces it. */
export function setCorrectedText(db: WritableDB, id: number, text: string): void {
  db.prepare('UPDATE lines SET text = ?, corrected = 1, updated_at = ? WHERE id = ?').run(text, nowIso(), id);
}

/**
 * A line's text put back by undo or redo. It counts as corrected while it differs from what its
 * source gave: undoing the last correction makes it a machine line again, which the next re-read
 * may replace, instead of a "corrected" copy of machine text.
 */
export function restoreLineText(db: WritableDB, id: number, text: string | null): void {
  db.prepare(
    `UPDATE lines SET text = @text, corrected = (@text != ${originalLineTextSql('lines')}), updated_at = @now WHERE id = @id`,
  ).run({ text, id, now: nowIso() });
}

export function pageLineCount(db: ReadableDB, pageId: number): number {
  return db.prepare('SELECT COUNT(*) FROM lines WHERE page_id = ?').pluck().get(pageId) as number;
}

export function correctedLineCount(db: ReadableDB, pageId: number): number {
  return db
    .prepare('SELECT COUNT(*) FROM lines WHERE page_id = ? AND corrected = 1')
    .pluck()
    .get(pageId) as number;
}

/** A line as the page view shows it: current and original text, its region, its words as stored. */
export type ReviewLine = PageLines['lines'][number];

/** The page's lines in order; only `lineIds` of them when given (read by id, not filtered after). */
export function reviewLines(db: ReadableDB, pageId: number, lineIds?: readonly number[]): ReviewLine[] {
  const params = { page: pageId, ids: lineIds ? JSON.stringify(lineIds) : null };
  const lines = db
    .prepare(
      `SELECT l.id, l.text, l.confidence, l.corrected, l.region_id, l.x0, l.y0, l.x1, l.y1,
        ${originalLineTextSql('l')} AS original
       FROM lines l WHERE l.page_id = @page
         AND (@ids IS NULL OR l.id IN (SELECT value FROM json_each(@ids)))
       ORDER BY l.position, l.id`,
    )
    .all(params) as ({
    id: number;
    text: string;
    confidence: number | null;
    corrected: number;
    region_id: number | null;
    original: string;
  } & BoxColumns)[];
  const words = new Map<number, ReviewLine['words']>();
  for (const w of db
    .prepare(
      `SELECT w.line_id, w.text, w.confidence, w.x0, w.y0, w.x1, w.y1 FROM words w
       JOIN lines l ON l.id = w.line_id WHERE l.page_id = @page
         AND (@ids IS NULL OR l.id IN (SELECT value FROM json_each(@ids)))
       ORDER BY w.line_id, w.position`,
    )
    .all(params) as ({ line_id: number; text: string; confidence: number | null } & BoxColumns)[]) {
    const list = words.get(w.line_id) ?? [];
    list.push({ text: w.text, confidence: w.confidence, box: boxOf(w) });
    words.set(w.line_id, list);
  }
  return lines.map((l) => ({
    id: l.id,
    text: l.text,
    original: l.original,
    corrected: l.corrected === 1,
    confidence: l.confidence,
    regionId: l.region_id,
    box: boxOf(l),
    words: words.get(l.id) ?? [],
  }));
}

/** Pages without a line of text, with the stored file they come from and their issue, in the
 * order of the collection: what `backfile shard --archive` hands out to be read. */
export function unreadPagesWithFiles(db: ReadableDB): {
  pageId: number;
  sha256: string;
  storedPath: string;
  sourceIndex: number;
  title: string;
  date: string;
  edition: string;
}[] {
  return db
    .prepare(
      `SELECT p.id AS pageId, p.source_sha256 AS sha256, f.stored_path AS storedPath, p.source_index AS sourceIndex,
              t.name AS title, i.issue_date AS date, i.edition AS edition
       FROM pages p JOIN files f ON f.sha256 = p.source_sha256 JOIN issues i ON i.id = p.issue_id
       JOIN titles t ON t.id = i.title_id
       WHERE NOT EXISTS (SELECT 1 FROM lines l WHERE l.page_id = p.id)
       ORDER BY t.name, i.issue_date, i.edition, p.sequence, p.id`,
    )
    .all() as ReturnType<typeof unreadPagesWithFiles>;
}

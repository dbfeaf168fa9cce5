// Stores a source's text for a page at word level (box, text, confidence, source), and reads it
// back. Lines a person has corrected are never replaced by a machine source, and which region
// each line belongs to is derived again whenever the lines change.

import type { ReadableDB, WritableDB } from './db-handles.ts';
import { wordsOfLine } from '../text/line-words.ts';
import {
  boxArea,
  intersectBoxes,
  roundBox,
  unionBoxes,
  type Box,
  type Polygon,
} from '../../shared/geometry.ts';
import type { Block, Line, PageText, TextSource, Word } from '../../shared/model.ts';
import { nowIso } from './archive.ts';
import { assignLinesToRegions } from './line-regions.ts';
import { pageLineCount } from './line-rows.ts';

export function textSourceId(db: WritableDB, source: TextSource): number {
  db.prepare(
    'INSERT OR IGNORE INTO text_sources (kind, engine, version, model) VALUES (@kind, @engine, @version, @model)',
  ).run(source);
  const row = db
    .prepare(
      'SELECT id FROM text_sources WHERE kind = @kind AND engine = @engine AND version = @version AND model = @model',
    )
    .get(source) as { id: number };
  return row.id;
}

interface BoxRow {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function boxOf(row: BoxRow): Box {
  return { x0: row.x0, y0: row.y0, x1: row.x1, y1: row.y1 };
}

/** A baseline as the lines.baseline column keeps it: JSON points, whole pixels. */
function baselineColumn(baseline: Polygon | undefined): string | null {
  if (!baseline || baseline.length < 2) return null;
  return JSON.stringify(baseline.map(([x, y]) => [Math.round(x), Math.round(y)]));
}

function baselineOf(column: string | null): Polygon | undefined {
  return column === null ? undefined : (JSON.parse(column) as Polygon);
}

/**
 * Whether a machine line would stand where a person's corrected line already stands. Measured
 * against the smaller of the two boxes, not their union: a second engine cuts lines differently
 * (one line across two columns, or a line in two pieces), so boxes of the same printed words
 * can have an IoU far below one half while one lies almost wholly inside the other.
 */
export function coversCorrectedLine(line: Box, corrected: readonly Box[]): boolean {
  return corrected.some((c) => {
    const common = intersectBoxes(line, c);
    return common !== null && boxArea(common) > 0.5 * Math.min(boxArea(line), boxArea(c));
  });
}

/**
 * Line ids are never given twice. A replaced line's id stays in its history, in the snapshot
 * that undoes a re-read, and in the drafts of an editor that had it open; SQLite would hand out
 * max(id) + 1, which after a re-read can be the id of a line just replaced. So the highest id
 * ever given is kept in settings (as AUTOINCREMENT would keep it, for this one table).
 */
const LINE_ID_MARK = 'lines.highest_id';

function takeLineIds(db: WritableDB, count: number): number {
  const first =
    (db
      .prepare(
        `SELECT MAX(COALESCE((SELECT MAX(id) FROM lines), 0),
                    COALESCE((SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?), 0))`,
      )
      .pluck()
      .get(LINE_ID_MARK) as number) + 1;
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(LINE_ID_MARK, String(first + count - 1));
  return first;
}

// The rows a page's text is stored in, written by a fresh reading and by the undo of a re-read.
const INSERT_BLOCK = 'INSERT INTO blocks (page_id, position, x0, y0, x1, y1) VALUES (?, ?, ?, ?, ?, ?)';
const INSERT_LINE = `INSERT INTO lines (id, page_id, block_id, position, x0, y0, x1, y1, raw_text, text, confidence, source_id, updated_at, baseline)
  VALUES (@id, @page_id, @block_id, @position, @x0, @y0, @x1, @y1, @raw_text, @text, @confidence, @source_id, @updated_at, @baseline)`;
const INSERT_WORD = `INSERT INTO words (line_id, position, x0, y0, x1, y1, text, confidence, source_id)
  VALUES (@line_id, @position, @x0, @y0, @x1, @y1, @text, @confidence, @source_id)`;

/** Blocks of the page that no line belongs to any more. */
function dropEmptyBlocks(db: WritableDB, pageId: number): void {
  db.prepare(
    'DELETE FROM blocks WHERE page_id = ? AND id NOT IN (SELECT block_id FROM lines WHERE block_id IS NOT NULL)',
  ).run(pageId);
}

/**
 * Replaces the page's machine text with `text`, keeping every corrected line (and leaving out
 * the machine lines that would stand on one), then derives which region each line belongs to.
 * Run inside a transaction. A re-read that should be undoable goes through ocr/re-read.ts.
 */
export function savePageText(
  db: WritableDB,
  pageId: number,
  text: PageText,
): { lines: number; words: number } {
  const sourceId = textSourceId(db, text.source);
  const corrected = (
    db.prepare('SELECT x0, y0, x1, y1 FROM lines WHERE page_id = ? AND corrected = 1').all(pageId) as BoxRow[]
  ).map(boxOf);
  let lineId = takeLineIds(
    db,
    text.blocks.reduce((n, b) => n + b.lines.length, 0),
  );
  removeMachineText(db, pageId);
  const insertBlock = db.prepare(INSERT_BLOCK);
  const insertLine = db.prepare(INSERT_LINE);
  const insertWord = db.prepare(INSERT_WORD);
  const now = nowIso();
  let position = 0;
  let lineCount = 0;
  let wordCount = 0;
  text.blocks.forEach((block, blockIndex) => {
    const b = roundBox(block.box);
    const blockId = Number(insertBlock.run(pageId, blockIndex, b.x0, b.y0, b.x1, b.y1).lastInsertRowid);
    for (const line of block.lines) {
      position++;
      if (coversCorrectedLine(line.box, corrected)) continue;
      insertLine.run({
        id: lineId,
        page_id: pageId,
        block_id: blockId,
        position,
        ...roundBox(line.box),
        raw_text: line.rawText,
        text: line.text,
        confidence: line.confidence,
        source_id: sourceId,
        updated_at: now,
        baseline: baselineColumn(line.baseline),
      });
      line.words.forEach((word, i) => {
        insertWord.run({
          line_id: lineId,
          position: i,
          ...roundBox(word.box),
          text: word.text,
          confidence: word.confidence,
          source_id: sourceId,
        });
        wordCount++;
      });
      lineId++;
      lineCount++;
    }
  });
  dropEmptyBlocks(db, pageId);
  db.prepare('UPDATE pages SET text_source = ? WHERE id = ?').run(text.source.kind, pageId);
  assignLinesToRegions(db, pageId);
  return { lines: lineCount, words: wordCount };
}

function removeMachineText(db: WritableDB, pageId: number): void {
  db.prepare('DELETE FROM lines WHERE page_id = ? AND corrected = 0').run(pageId);
  dropEmptyBlocks(db, pageId);
}

/** A page's machine text exactly as stored (ids included), so that a re-read can be undone. */
export interface MachineText {
  textSource: string | null;
  blocks: { position: number; x0: number; y0: number; x1: number; y1: number }[];
  lines: {
    id: number;
    block: number | null; // index into blocks
    position: number;
    x0: number;
    y0: number;
    x1: number;
    y1: number;
    raw_text: string;
    text: string;
    confidence: number | null;
    source_id: number;
    updated_at: string;
    baseline: string | null;
    words: {
      position: number;
      x0: number;
      y0: number;
      x1: number;
      y1: number;
      text: string;
      confidence: number | null;
      source_id: number;
    }[];
  }[];
}

export function machineText(db: WritableDB, pageId: number): MachineText {
  const blockRows = db
    .prepare(
      `SELECT id, position, x0, y0, x1, y1 FROM blocks WHERE page_id = ? AND id IN
         (SELECT block_id FROM lines WHERE page_id = ? AND corrected = 0) ORDER BY position, id`,
    )
    .all(pageId, pageId) as {
    id: number;
    position: number;
    x0: number;
    y0: number;
    x1: number;
    y1: number;
  }[];
  const blockIndex = new Map(blockRows.map((b, i) => [b.id, i]));
  const words = db.prepare(
    'SELECT position, x0, y0, x1, y1, text, confidence, source_id FROM words WHERE line_id = ? ORDER BY position',
  );
  const lines = (
    db
      .prepare(
        `SELECT id, block_id, position, x0, y0, x1, y1, raw_text, text, confidence, source_id, updated_at, baseline
         FROM lines WHERE page_id = ? AND corrected = 0 ORDER BY position, id`,
      )
      .all(pageId) as (Omit<MachineText['lines'][number], 'block' | 'words'> & { block_id: number | null })[]
  ).map(({ block_id, ...line }) => ({
    ...line,
    block: block_id === null ? null : (blockIndex.get(block_id) ?? null),
    words: words.all(line.id) as MachineText['lines'][number]['words'],
  }));
  const textSource = db.prepare('SELECT text_source FROM pages WHERE id = ?').pluck().get(pageId) as
    string | null;
  return { textSource, blocks: blockRows.map(({ id: _id, ...b }) => b), lines };
}

/** Puts a page's machine text back as `machineText` took it; corrected lines stay as they are. */
export function restoreMachineText(db: WritableDB, pageId: number, text: MachineText): void {
  removeMachineText(db, pageId);
  const insertBlock = db.prepare(INSERT_BLOCK);
  const blockIds = text.blocks.map((b) =>
    Number(insertBlock.run(pageId, b.position, b.x0, b.y0, b.x1, b.y1).lastInsertRowid),
  );
  const insertLine = db.prepare(INSERT_LINE);
  const insertWord = db.prepare(INSERT_WORD);
  for (const { words, block, ...line } of text.lines) {
    // Snapshots taken before version 6 have no baseline.
    insertLine.run({
      ...line,
      baseline: line.baseline ?? null,
      page_id: pageId,
      block_id: block === null ? null : blockIds[block],
    });
    for (const word of words) insertWord.run({ ...word, line_id: line.id });
  }
  db.prepare('UPDATE pages SET text_source = ? WHERE id = ?').run(text.textSource, pageId);
  assignLinesToRegions(db, pageId);
}

interface LineRow extends BoxRow {
  id: number;
  block_id: number | null;
  raw_text: string;
  text: string;
  confidence: number | null;
  baseline: string | null;
}

interface WordRow extends BoxRow {
  line_id: number;
  text: string;
  confidence: number | null;
}

/** A stored line with where it stands: its source's block and the region it belongs to. */
export interface PlacedLine {
  line: Line;
  blockId: number | null;
  regionId: number | null;
  position: number;
}

/** The page's lines in reading order, with their words and their block and region. */
export function loadPageLines(db: WritableDB, pageId: number): PlacedLine[] {
  const lines = db
    .prepare(
      'SELECT id, block_id, region_id, position, x0, y0, x1, y1, raw_text, text, confidence, baseline FROM lines WHERE page_id = ? ORDER BY position, id',
    )
    .all(pageId) as (LineRow & { region_id: number | null; position: number })[];
  const words = db
    .prepare(
      `SELECT w.line_id, w.x0, w.y0, w.x1, w.y1, w.text, w.confidence FROM words w JOIN lines l ON l.id = w.line_id
       WHERE l.page_id = ? ORDER BY w.line_id, w.position`,
    )
    .all(pageId) as WordRow[];
  const wordsByLine = new Map<number, Word[]>();
  for (const w of words) {
    const list = wordsByLine.get(w.line_id) ?? [];
    list.push({ box: boxOf(w), text: w.text, confidence: w.confidence });
    wordsByLine.set(w.line_id, list);
  }
  return lines.map((row) => {
    const read = wordsByLine.get(row.id) ?? [];
    return {
      line: {
        box: boxOf(row),
        rawText: row.raw_text,
        text: row.text,
        confidence: row.confidence,
        // Words carry the line's current text (exports are made from words), also after a
        // correction or a replace-all changed the line.
        words: read.length ? wordsOfLine(row.text, read, boxOf(row)) : read,
        ...(row.baseline === null ? {} : { baseline: baselineOf(row.baseline) }),
      },
      blockId: row.block_id,
      regionId: row.region_id,
      position: row.position,
    };
  });
}

/** Consecutive lines that share a key, as blocks (box: the union of their lines' boxes). */
export function groupLines<K>(
  lines: readonly PlacedLine[],
  key: (l: PlacedLine) => K,
): { key: K; block: Block }[] {
  const groups: { key: K; block: Block }[] = [];
  for (const placed of lines) {
    const k = key(placed);
    const last = groups.at(-1);
    if (last && last.key === k) {
      last.block.lines.push(placed.line);
      last.block.box = unionBoxes([last.block.box, placed.line.box]);
    } else groups.push({ key: k, block: { box: placed.line.box, lines: [placed.line] } });
  }
  return groups;
}

/** The page's lines in reading order, grouped by block, with their words. */
export function loadPageBlocks(db: WritableDB, pageId: number): Block[] {
  return groupLines(loadPageLines(db, pageId), (l) => l.blockId).map((g) => g.block);
}

/** The source that gave most of a page's lines (a page read by one engine has one). */
export function mainTextSource(db: ReadableDB, pageId: number): TextSource | null {
  return (
    (db
      .prepare(
        `SELECT s.kind, s.engine, s.version, s.model FROM lines l JOIN text_sources s ON s.id = l.source_id
         WHERE l.page_id = ? GROUP BY s.id ORDER BY COUNT(*) DESC LIMIT 1`,
      )
      .get(pageId) as TextSource | undefined) ?? null
  );
}

/**
 * A page's whole text as stored, corrected lines included, with each line's and word's source
 * by what it is (kind, engine, version, model) rather than by an archive's row id: the text as
 * it moves from one archive to another (backfile merge).
 */
export interface StoredText {
  textSource: string | null;
  blocks: { position: number; x0: number; y0: number; x1: number; y1: number }[];
  lines: (Omit<MachineText['lines'][number], 'id' | 'source_id' | 'words'> & {
    corrected: number;
    source: TextSource;
    words: (Omit<MachineText['lines'][number]['words'][number], 'source_id'> & { source: TextSource })[];
  })[];
}

export function storedText(db: ReadableDB, pageId: number): StoredText {
  const blockRows = db
    .prepare('SELECT id, position, x0, y0, x1, y1 FROM blocks WHERE page_id = ? ORDER BY position, id')
    .all(pageId) as { id: number; position: number; x0: number; y0: number; x1: number; y1: number }[];
  const blockIndex = new Map(blockRows.map((b, i) => [b.id, i]));
  const sources = new Map(
    (
      db.prepare('SELECT id, kind, engine, version, model FROM text_sources').all() as (TextSource & {
        id: number;
      })[]
    ).map(({ id, ...source }) => [id, source]),
  );
  const words = db.prepare(
    'SELECT position, x0, y0, x1, y1, text, confidence, source_id FROM words WHERE line_id = ? ORDER BY position',
  );
  type Row = Omit<MachineText['lines'][number], 'block' | 'words'> & {
    block_id: number | null;
    corrected: number;
  };
  const lines = (
    db
      .prepare(
        `SELECT id, block_id, position, x0, y0, x1, y1, raw_text, text, confidence, source_id, updated_at, baseline, corrected
         FROM lines WHERE page_id = ? ORDER BY position, id`,
      )
      .all(pageId) as Row[]
  ).map(({ block_id, id, source_id, ...line }) => ({
    ...line,
    block: block_id === null ? null : (blockIndex.get(block_id) ?? null),
    source: sources.get(source_id)!,
    words: (words.all(id) as MachineText['lines'][number]['words']).map(
      ({ source_id: wordSource, ...w }) => ({
        ...w,
        source: sources.get(wordSource)!,
      }),
    ),
  }));
  const textSource = db.prepare('SELECT text_source FROM pages WHERE id = ?').pluck().get(pageId) as
    string | null;
  return { textSource, blocks: blockRows.map(({ id: _id, ...b }) => b), lines };
}

/** Removes every line and block of a page (a merge replacing machine text that no one touched). */
export function clearPageText(db: WritableDB, pageId: number): void {
  db.prepare('DELETE FROM lines WHERE page_id = ?').run(pageId);
  db.prepare('DELETE FROM blocks WHERE page_id = ?').run(pageId);
  db.prepare('UPDATE pages SET text_source = NULL WHERE id = ?').run(pageId);
}

/**
 * Puts another archive's text on a page that has none (inside the caller's transaction): blocks,
 * lines with their corrected marks, words, each source found or added here. Lines get new ids
 * (takeLineIds), and which region each belongs to is derived again from this archive's regions.
 */
export function insertStoredText(db: WritableDB, pageId: number, text: StoredText): number {
  if (pageLineCount(db, pageId) > 0) throw new Error(`page ${pageId} has text already`);
  db.prepare('DELETE FROM blocks WHERE page_id = ?').run(pageId);
  const insertBlock = db.prepare(INSERT_BLOCK);
  const blockIds = text.blocks.map((b) =>
    Number(insertBlock.run(pageId, b.position, b.x0, b.y0, b.x1, b.y1).lastInsertRowid),
  );
  const sourceIds = new Map<string, number>();
  const sourceId = (s: TextSource) => {
    const key = JSON.stringify([s.kind, s.engine, s.version, s.model]);
    if (!sourceIds.has(key)) sourceIds.set(key, textSourceId(db, s));
    return sourceIds.get(key)!;
  };
  const insertLine = db.prepare(INSERT_LINE);
  const insertWord = db.prepare(INSERT_WORD);
  const markCorrected = db.prepare('UPDATE lines SET corrected = 1 WHERE id = ?');
  let lineId = takeLineIds(db, text.lines.length);
  for (const { words, block, corrected, source, ...line } of text.lines) {
    insertLine.run({
      ...line,
      id: lineId,
      page_id: pageId,
      block_id: block === null ? null : blockIds[block],
      source_id: sourceId(source),
    });
    if (corrected) markCorrected.run(lineId);
    for (const { source: wordSource, ...word } of words)
      insertWord.run({ ...word, line_id: lineId, source_id: sourceId(wordSource) });
    lineId++;
  }
  dropEmptyBlocks(db, pageId);
  db.prepare('UPDATE pages SET text_source = ? WHERE id = ?').run(text.textSource, pageId);
  assignLinesToRegions(db, pageId);
  return text.lines.length;
}

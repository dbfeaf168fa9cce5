// Stores a source's text for a page at word level (box, text, confidence, source), and reads it
// back. Lines a person has corrected are never replaced by a machine source.

import type Database from 'better-sqlite3';
import { wordsOfLine } from '../text/line-words.ts';
import { iou, roundBox, type Box } from '../../shared/geometry.ts';
import type { Block, Line, PageText, TextSource, Word } from '../../shared/model.ts';
import { nowIso } from './archive.ts';

export function textSourceId(db: Database.Database, source: TextSource): number {
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

/** Replaces the page's machine text with `text`, keeping every corrected line. Run inside a transaction. */
export function savePageText(
  db: Database.Database,
  pageId: number,
  text: PageText,
): { lines: number; words: number } {
  const sourceId = textSourceId(db, text.source);
  const corrected = (
    db.prepare('SELECT x0, y0, x1, y1 FROM lines WHERE page_id = ? AND corrected = 1').all(pageId) as BoxRow[]
  ).map(boxOf);
  db.prepare('DELETE FROM lines WHERE page_id = ? AND corrected = 0').run(pageId);
  db.prepare(
    'DELETE FROM blocks WHERE page_id = ? AND id NOT IN (SELECT block_id FROM lines WHERE block_id IS NOT NULL)',
  ).run(pageId);
  const insertBlock = db.prepare(
    'INSERT INTO blocks (page_id, position, x0, y0, x1, y1) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertLine = db.prepare(
    `INSERT INTO lines (page_id, block_id, position, x0, y0, x1, y1, raw_text, text, confidence, source_id, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertWord = db.prepare(
    'INSERT INTO words (line_id, position, x0, y0, x1, y1, text, confidence, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const now = nowIso();
  let position = 0;
  let wordCount = 0;
  text.blocks.forEach((block, blockIndex) => {
    const b = roundBox(block.box);
    const blockId = Number(insertBlock.run(pageId, blockIndex, b.x0, b.y0, b.x1, b.y1).lastInsertRowid);
    for (const line of block.lines) {
      position++;
      if (corrected.some((c) => iou(c, line.box) > 0.5)) continue;
      const l = roundBox(line.box);
      const lineId = Number(
        insertLine.run(
          pageId,
          blockId,
          position,
          l.x0,
          l.y0,
          l.x1,
          l.y1,
          line.rawText,
          line.text,
          line.confidence,
          sourceId,
          now,
        ).lastInsertRowid,
      );
      line.words.forEach((word, i) => {
        const w = roundBox(word.box);
        insertWord.run(lineId, i, w.x0, w.y0, w.x1, w.y1, word.text, word.confidence, sourceId);
        wordCount++;
      });
    }
  });
  db.prepare('UPDATE pages SET text_source = ? WHERE id = ?').run(text.source.kind, pageId);
  return { lines: position, words: wordCount };
}

interface LineRow extends BoxRow {
  id: number;
  block_id: number | null;
  raw_text: string;
  text: string;
  confidence: number | null;
}

interface WordRow extends BoxRow {
  line_id: number;
  text: string;
  confidence: number | null;
}

/** The page's lines in reading order, grouped by block, with their words. */
export function loadPageBlocks(db: Database.Database, pageId: number): Block[] {
  const lines = db
    .prepare(
      'SELECT id, block_id, x0, y0, x1, y1, raw_text, text, confidence FROM lines WHERE page_id = ? ORDER BY position, id',
    )
    .all(pageId) as LineRow[];
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
  const blocks: Block[] = [];
  let currentBlockId: number | null | undefined;
  for (const row of lines) {
    const read = wordsByLine.get(row.id) ?? [];
    const line: Line = {
      box: boxOf(row),
      rawText: row.raw_text,
      text: row.text,
      confidence: row.confidence,
      // Words carry the line's current text (exports are made from words), also after a
      // correction or a replace-all changed the line.
      words: read.length ? wordsOfLine(row.text, read, boxOf(row)) : read,
    };
    const block = blocks.at(-1);
    if (block && row.block_id === currentBlockId) {
      block.lines.push(line);
      block.box = {
        x0: Math.min(block.box.x0, line.box.x0),
        y0: Math.min(block.box.y0, line.box.y0),
        x1: Math.max(block.box.x1, line.box.x1),
        y1: Math.max(block.box.y1, line.box.y1),
      };
    } else {
      blocks.push({ box: line.box, lines: [line] });
      currentBlockId = row.block_id;
    }
  }
  return blocks;
}

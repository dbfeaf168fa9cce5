// Tesseract's TSV output to Backfile blocks. TSV carries everything Backfile keeps (block, line,
// word, box, confidence, text) and costs less to produce than tesseract.js's full block tree with
// symbols and choices (measured: 6.17 s against 6.53 s for a degraded sample page).

import { unionBoxes } from '../../shared/geometry.ts';
import type { Block, Line, Word } from '../../shared/model.ts';
import { lineTextFromWords } from './line-text.ts';

const WORD_LEVEL = '5';

/**
 * `fixWord` puts right what a model misreads every time (fraktur-confusions.ts); the line's raw
 * text keeps what the engine read.
 */
export function blocksFromTsv(tsv: string, fixWord: (word: string) => string = (w) => w): Block[] {
  const blocks = new Map<string, Map<string, { read: string; word: Word }[]>>();
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] !== WORD_LEVEL) continue;
    const [, , block, paragraph, line, , left, top, width, height, conf] = cells.map(Number) as number[];
    const text = cells.slice(11).join('\t').trim();
    if (!text) continue;
    const blockKey = String(block);
    const lineKey = `${paragraph}:${line}`;
    const lines = blocks.get(blockKey) ?? new Map<string, { read: string; word: Word }[]>();
    blocks.set(blockKey, lines);
    const words = lines.get(lineKey) ?? [];
    lines.set(lineKey, words);
    words.push({
      read: text,
      word: {
        box: { x0: left!, y0: top!, x1: left! + width!, y1: top! + height! },
        text: fixWord(text),
        confidence: Math.max(0, conf!) / 100,
      },
    });
  }
  const out: Block[] = [];
  for (const lineMap of blocks.values()) {
    const lines: Line[] = [...lineMap.values()].map((read) => {
      const words = read.map((r) => r.word);
      return {
        box: unionBoxes(words.map((w) => w.box)),
        rawText: read.map((r) => r.read).join(' '),
        text: lineTextFromWords(words),
        confidence: words.reduce((sum, w) => sum + (w.confidence ?? 0), 0) / words.length,
        words,
      };
    });
    out.push({ box: unionBoxes(lines.map((l) => l.box)), lines });
  }
  return out;
}

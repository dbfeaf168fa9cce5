// Splits the lines of a block into paragraphs and joins each paragraph's wrapped lines. A line
// starts a paragraph when it is indented (Chinese paragraphs open with a two-character indent)
// or when the line before it ends short of the block's right edge.

import { joinLines } from './normalise.ts';
import { median } from '../median.ts';

export interface PlacedLine {
  box: { x0: number; y0: number; x1: number; y1: number };
  text: string;
}

const INDENT = 0.8; // in line heights: a two-character CJK indent is about 2, Latin indents about 1
const SHORT_END = 1.5; // a line ending this many line heights before the right edge ends its paragraph

/**
 * A block's paragraphs, and how they meet the blocks around it: whether its first line is set
 * flush (a paragraph's continuation, not its indented start) and whether its last line runs to
 * the right edge (its paragraph goes on in the next column).
 */
export interface BlockParagraphs {
  paragraphs: string[];
  opensFlush: boolean;
  endsFull: boolean;
  /** The body's line height, to tell body type from a headline's. */
  lineHeight: number;
}

export function blockParagraphs(lines: readonly PlacedLine[]): BlockParagraphs {
  const paragraphs = linesToParagraphs(lines);
  if (lines.length < 2) return { paragraphs, opensFlush: false, endsFull: false, lineHeight: 0 };
  const left = Math.min(...lines.map((l) => l.box.x0));
  const right = Math.max(...lines.map((l) => l.box.x1));
  const lineHeight = Math.max(1, median(lines.map((l) => l.box.y1 - l.box.y0)));
  const first = lines[0]!;
  const last = lines.at(-1)!;
  return {
    paragraphs,
    opensFlush: first.box.x0 - left <= INDENT * lineHeight,
    endsFull: right - last.box.x1 <= SHORT_END * lineHeight,
    lineHeight,
  };
}

export function linesToParagraphs(lines: readonly PlacedLine[]): string[] {
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map((l) => l.box.x0));
  const right = Math.max(...lines.map((l) => l.box.x1));
  const paragraphs: string[][] = [];
  lines.forEach((line, i) => {
    const height = Math.max(1, line.box.y1 - line.box.y0);
    const previous = lines[i - 1];
    const indented = line.box.x0 - left > INDENT * height;
    const previousShort = previous !== undefined && right - previous.box.x1 > SHORT_END * height;
    if (i === 0 || indented || previousShort) paragraphs.push([line.text]);
    else paragraphs.at(-1)!.push(line.text);
  });
  return paragraphs.map((p) => joinLines(p)).filter((p) => p.length > 0);
}

// Type sizes on a page. Body text is the size most characters are set in; display type
// (headlines, kickers, subheads) is markedly larger. Chinese type is set on a square em, so a
// line of ideographs measures its size in its width per character, which an OCR engine's ink
// box gives far more steadily than its height (a line of flat strokes is short, one of tall
// ones tall). A Latin line's size is its height: for a PDF text layer the font's em, for OCR
// the ink of the line, which follows it.

import type { Box } from '../../shared/geometry.ts';
import { isCjkOrCjkPunctuation } from '../../shared/text/script.ts';
import { runsDown } from '../../shared/line-direction.ts';

export interface TypeSizes {
  /** Height of a body line, in page pixels: the page's unit of length for layout. */
  body: number;
  /** The body's em measured along lines of ideographs, when the page has them. */
  bodyEm: number | null;
  /** The body's width per character along lines of other scripts (Latin), when it has them. */
  bodyPitch?: number | null;
}

export type LineClass = 'display' | 'jump' | 'byline' | 'text';

// Newspaper type steps by about a sixth or more (e.g. 9 pt body, 10.5 pt, 12 pt, 14 pt …);
// a bold intertitle in body size is a few per cent taller in ink and stays text.
const DISPLAY = 1.15;

/** "（上接第1版）", "（下转第2版）", "Continued on page 4", "Fortsetzung auf Seite 2". */
export const JUMP_LINE =
  /^[（(]\s*(?:[上下][接转]\s*第?\s*[\d一二三四五六七八九十]{1,4}\s*[版页]|(?:continued|see|from)\b.{0,20}\bpage\s*\d{1,3}|(?:fortsetzung|siehe)\b.{0,20}\bseite\s*\d{1,3})\s*[)）]$|^(?:continued (?:on|from) page \d{1,3}|see \S+,? page \d{1,3})\.?$/iu;
/** "□ 路小飞 张晋" above the body (an engine may read the box as 口), "（路小飞）" after it. */
const BYLINE = /^□|^口[\p{Script=Han}·\s《]{2,10}$|^[（(][\p{Script=Han}·\s]{2,12}[)）]$/u;

/**
 * A line's em measured along it: its width per character, for a line mostly of ideographs.
 * `fewest` ideographs at least: the page's body em is measured on lines long enough to average
 * out a narrow punctuation mark's ink at the line's end (4). A single line's size may be
 * measured on fewer: a paragraph's last line of one to three characters is as tall as any
 * (an engine's box of "产品。" stands a third taller than the body's median box), but its width
 * per character is the body's or less (the full stop's ink is narrow), never a headline's.
 */
function emAlong(line: { box: Box; text: string }, fewest = 4): number | null {
  const chars = [...line.text.replace(/\s+/gu, '')];
  const square = chars.filter(isCjkOrCjkPunctuation).length;
  if (square < fewest || square < 0.5 * chars.length) return null;
  // Digits and Latin letters in Chinese type are half an em wide.
  return (line.box.x1 - line.box.x0) / (square + 0.5 * (chars.length - square));
}

/**
 * A Latin line's width per character (a word space counted as one), for a line long enough
 * to average over its letters: a headline's letters are wider as they are taller, while a
 * body line's box may be tall only because the box was drawn loosely (an imported PAGE
 * polygon) or its letters have ascenders and descenders.
 */
function pitchAlong(line: { box: Box; text: string }): number | null {
  if (emAlong(line) !== null) return null;
  const chars = [...line.text.trim().replace(/\s+/gu, ' ')];
  if (chars.length < 8) return null;
  return (line.box.x1 - line.box.x0) / chars.length;
}

function weightedMedian(values: { v: number; n: number }[]): number | null {
  const sorted = values.filter((x) => x.n > 0 && x.v > 0).sort((a, b) => a.v - b.v);
  const total = sorted.reduce((n, x) => n + x.n, 0);
  let seen = 0;
  for (const x of sorted) {
    seen += x.n;
    if (seen >= total / 2) return x.v;
  }
  return null;
}

/**
 * A line as its type is measured: along it and across it. A line of ideographs that runs down
 * the frame (a headline set across a vertical page's columns, seen in the page's turned frame,
 * quarter-turn.ts) is measured along its height and across its width.
 */
function measured<L extends { box: Box; text: string }>(line: L): L {
  if (!runsDown(line)) return line;
  const b = line.box;
  return { ...line, box: { x0: b.x0, y0: b.y0, x1: b.x0 + (b.y1 - b.y0), y1: b.y0 + (b.x1 - b.x0) } };
}

export function typeSizes(input: readonly { box: Box; text: string }[]): TypeSizes {
  const lines = input.map(measured);
  // Medians over characters, not lines: a page has few headline lines, but over lines a
  // page of short lines might still tip; over characters the body surely is the median.
  const count = (l: { text: string }) => [...l.text.replace(/\s+/gu, '')].length;
  const body = weightedMedian(lines.map((l) => ({ v: l.box.y1 - l.box.y0, n: count(l) }))) ?? 1;
  const bodyEm = weightedMedian(lines.map((l) => ({ v: emAlong(l) ?? 0, n: count(l) })));
  const bodyPitch = weightedMedian(lines.map((l) => ({ v: pitchAlong(l) ?? 0, n: count(l) })));
  return { body, bodyEm, bodyPitch };
}

/** A line's type size relative to the body's (1: body type). */
export function relativeSize(input: { box: Box; text: string }, sizes: TypeSizes): number {
  const line = measured(input);
  const em = emAlong(line, 1);
  // Never more than the height says: a headline's halves set apart widen the line, not its type.
  const byHeight = (line.box.y1 - line.box.y0) / sizes.body;
  if (em !== null && sizes.bodyEm) return Math.min(1.1 * byHeight, em / sizes.bodyEm);
  // A Latin line is larger type only when its letters are wider as well as its box taller.
  const pitch = pitchAlong(line);
  return pitch !== null && sizes.bodyPitch ? Math.min(byHeight, pitch / sizes.bodyPitch) : byHeight;
}

export function classOfLine(line: { box: Box; text: string }, sizes: TypeSizes): LineClass {
  const text = line.text.trim();
  if (JUMP_LINE.test(text.replace(/\s+/gu, ' '))) return 'jump';
  if (BYLINE.test(text)) return 'byline';
  return relativeSize(line, sizes) >= DISPLAY ? 'display' : 'text';
}

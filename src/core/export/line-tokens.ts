// A line as the word-level formats write it (ALTO String/SP, hOCR ocrx_word, PAGE Word): its
// tokens with their boxes, and where the line's text has a space between them. The line's text
// is the one truth; the engine's words lend their boxes where they still match it. A corrected
// line, or one stored without words, is cut at its spaces, each piece given the share of the
// line's box its characters take.

import type { Box } from '../../shared/geometry.ts';
import type { Line } from '../../shared/model.ts';

export interface LineToken {
  text: string;
  box: Box;
  confidence: number | null;
  /** The line's text has a space before this token (never for the first). */
  spaceBefore: boolean;
}

const length = (s: string) => [...s].length;

/** The engine's words, when they spell the line's text in order; null when they do not. */
function alignedWords(line: Line): LineToken[] | null {
  const words = line.words.filter((w) => w.text.trim() !== '');
  if (words.length === 0) return null;
  const text = line.text;
  const tokens: LineToken[] = [];
  let at = 0;
  for (const word of words) {
    const start = at;
    while (at < text.length && /\s/u.test(text[at]!)) at++;
    const piece = word.text.trim();
    if (!text.startsWith(piece, at)) return null;
    tokens.push({
      text: piece,
      box: word.box,
      confidence: word.confidence,
      spaceBefore: tokens.length > 0 && at > start,
    });
    at += piece.length;
  }
  return text.slice(at).trim() === '' ? tokens : null;
}

/** The line cut at its spaces, each piece boxed by its share of the characters. */
function spacedPieces(line: Line): LineToken[] {
  const { box } = line;
  const vertical = box.y1 - box.y0 > 2 * (box.x1 - box.x0);
  const total = Math.max(1, length(line.text));
  const tokens: LineToken[] = [];
  let offset = 0;
  for (const match of line.text.matchAll(/\S+|\s+/gu)) {
    const piece = match[0];
    const from = offset / total;
    offset += length(piece);
    if (/^\s/u.test(piece)) continue;
    const to = offset / total;
    const along = (a: number, b: number, t: number) => a + (b - a) * t;
    tokens.push({
      text: piece,
      box: vertical
        ? { x0: box.x0, x1: box.x1, y0: along(box.y0, box.y1, from), y1: along(box.y0, box.y1, to) }
        : { y0: box.y0, y1: box.y1, x0: along(box.x0, box.x1, from), x1: along(box.x0, box.x1, to) },
      confidence: line.words.length === 0 ? line.confidence : null,
      spaceBefore: tokens.length > 0,
    });
  }
  return tokens;
}

export function lineTokens(line: Line): LineToken[] {
  return alignedWords(line) ?? spacedPieces(line);
}

/** The tokens joined as the line reads: one space where the text has one, none elsewhere. */
export function tokensText(tokens: readonly LineToken[]): string {
  return tokens.map((t) => (t.spaceBefore ? ' ' : '') + t.text).join('');
}

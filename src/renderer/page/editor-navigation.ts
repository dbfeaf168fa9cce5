// Keyboard navigation of the line editor, as pure functions of the page's lines: the next or
// previous line, and the next low-confidence word after the cursor (wrapping at the end).

import { LOW_CONFIDENCE } from '../../shared/model.ts';

export interface NavigableLine {
  id: number;
  words: { confidence: number | null }[];
  /** A person corrected the line: they read it, so none of its words is uncertain any more. */
  corrected?: boolean;
}

export interface WordPosition {
  lineIndex: number;
  wordIndex: number;
}

export function nextLineIndex(count: number, current: number, step: 1 | -1): number {
  if (count === 0) return -1;
  return Math.min(Math.max(current + step, 0), count - 1);
}

export function isLowConfidence(confidence: number | null): boolean {
  return confidence !== null && confidence < LOW_CONFIDENCE;
}

/**
 * Whether a word still asks for a reader's eye: the engine was unsure of it and nobody has
 * corrected its line since. Marks on the image and in the editor, and F2, all follow this.
 */
export function isUncertain(line: NavigableLine, word: { confidence: number | null }): boolean {
  return !line.corrected && isLowConfidence(word.confidence);
}

/** The first uncertain word strictly after `from` (in reading order), wrapping; null if none. */
export function nextLowConfidenceWord(
  lines: readonly NavigableLine[],
  from: WordPosition,
): WordPosition | null {
  const positions: WordPosition[] = [];
  lines.forEach((line, lineIndex) =>
    line.words.forEach((w, wordIndex) => {
      if (isUncertain(line, w)) positions.push({ lineIndex, wordIndex });
    }),
  );
  if (positions.length === 0) return null;
  const after = positions.find(
    (p) => p.lineIndex > from.lineIndex || (p.lineIndex === from.lineIndex && p.wordIndex > from.wordIndex),
  );
  return after ?? positions[0]!;
}

/**
 * Where a word of the line's words lies in the line's current text: the character range of its
 * first occurrence at or after the previous word's end (words are what the engine read; the
 * text may have been corrected since, so a word that no longer occurs gives null).
 */
export function wordRanges(text: string, words: readonly { text: string }[]): ([number, number] | null)[] {
  let from = 0;
  return words.map((w) => {
    const needle = w.text.trim();
    if (!needle) return null;
    const at = text.indexOf(needle, from);
    if (at < 0) return null;
    from = at + needle.length;
    return [at, from];
  });
}

/**
 * The stretches of `text` (the line as it now stands, typing included) that are words the engine
 * was unsure of: where the editor marks them. A word the reader has retyped no longer occurs, so
 * its mark goes as soon as the correction is typed.
 */
export function uncertainStretches(
  text: string,
  line: NavigableLine & { words: readonly { text: string; confidence: number | null }[] },
): [number, number][] {
  const ranges = wordRanges(text, line.words);
  return line.words.flatMap((w, i) => {
    const range = ranges[i];
    return range && isUncertain(line, w) ? [range] : [];
  });
}

/** The text cut at the stretches: pieces to paint, each marked or not. */
export function markedPieces(
  text: string,
  stretches: readonly [number, number][],
): { text: string; marked: boolean }[] {
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [from, to] of stretches) {
    if (from > at) pieces.push({ text: text.slice(at, from), marked: false });
    pieces.push({ text: text.slice(from, to), marked: true });
    at = to;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

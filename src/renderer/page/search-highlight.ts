// Where a search's hits are on the page: the boxes of the words that hold a hit, or the line's
// box where the words no longer match its (corrected) text.

import type { Box } from '../../shared/geometry.ts';
import { hitMask, queryTerms } from '../../shared/text/search-terms.ts';
import { wordRanges } from './editor-navigation.ts';

interface HighlightLine {
  text: string;
  box: Box;
  words: { text: string; box: Box }[];
}

export function hitBoxes(lines: readonly HighlightLine[], query: string | null): Box[] {
  if (!query) return [];
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const boxes: Box[] = [];
  for (const line of lines) {
    const mask = hitMask(line.text, terms);
    if (!mask.includes(true)) continue;
    // hitMask counts code points, wordRanges UTF-16 units: map one to the other.
    const unitToPoint: number[] = [];
    [...line.text].forEach((ch, i) => {
      for (let k = 0; k < ch.length; k++) unitToPoint.push(i);
    });
    const ranges = wordRanges(line.text, line.words);
    const hitWords = line.words.filter((_, i) => {
      const r = ranges[i];
      if (!r) return false;
      for (let u = r[0]; u < r[1]; u++) if (mask[unitToPoint[u]!]) return true;
      return false;
    });
    if (hitWords.length) boxes.push(...hitWords.map((w) => w.box));
    else boxes.push(line.box);
  }
  return boxes;
}

// A line's text from its words. Between two CJK words there is no space unless the gap is wide
// (a printed space: after 本报讯, between a headline's halves); between Latin words one space.

import type { Word } from '../../shared/model.ts';
import { normaliseLine } from '../../shared/text/normalise.ts';
import { isCjkOrCjkPunctuation } from '../../shared/text/script.ts';

// A gap wider than this share of the line's height is a printed space even in CJK text. On the
// sample scans, justified lines spread characters by up to ~0.7 of the line height, and a printed
// space (after 本报讯) is a little over one em; at 0.6 spurious spaces appeared mid-sentence.
const CJK_SPACE_GAP = 1.0;
// A private-use character stands for a printed space while normalisation removes the others.
const PRINTED_SPACE = '\uE000';

export function lineTextFromWords(words: readonly Word[]): string {
  let raw = '';
  // The line's height, not a word's: glyph boxes of 一 or “ are much lower than the line.
  const height = Math.max(1, Math.max(...words.map((w) => w.box.y1)) - Math.min(...words.map((w) => w.box.y0)));
  words.forEach((word, i) => {
    const previous = words[i - 1];
    if (previous) {
      const cjkJoin = isCjkOrCjkPunctuation([...previous.text].at(-1) ?? '') || isCjkOrCjkPunctuation([...word.text][0] ?? '');
      const gap = word.box.x0 - previous.box.x1;
      if (!cjkJoin) raw += ' ';
      else if (gap > CJK_SPACE_GAP * height) raw += PRINTED_SPACE;
    }
    raw += word.text;
  });
  return normaliseLine(raw).replaceAll(PRINTED_SPACE, ' ');
}

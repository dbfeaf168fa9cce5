// A line's text from an engine's words: one space between the Latin words it read, none between
// Chinese characters. A printed space in Chinese cannot be told from the blank beside a narrow
// character in ink boxes (measured, shared/text/word-spacing.ts); a reviewer adds the few.

import type { Word } from '../../shared/model.ts';
import { normaliseLine } from '../../shared/text/normalise.ts';
import { joinWords } from '../../shared/text/word-spacing.ts';

export function lineTextFromWords(words: readonly Word[]): string {
  return normaliseLine(joinWords(words, { latinWordsAreSeparate: true, chineseSpacesFromGaps: false }), {
    spacesArePrinted: true,
  });
}

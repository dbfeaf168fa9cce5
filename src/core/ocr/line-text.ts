// A line's text from its words: a space where one is printed (told from where the glyphs stand,
// shared/text/word-spacing.ts), none between Chinese characters set solid, one between the
// Latin words an engine read.

import type { Word } from '../../shared/model.ts';
import { normaliseLine } from '../../shared/text/normalise.ts';
import { joinWords } from '../../shared/text/word-spacing.ts';

export function lineTextFromWords(words: readonly Word[]): string {
  return normaliseLine(joinWords(words, { latinWordsAreSeparate: true }), { spacesFromGeometry: true });
}

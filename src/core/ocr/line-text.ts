// A line's text from its words: no space between CJK words, one space between Latin words.
// Wide gaps in CJK lines are not turned into spaces: on the sample scans, justified columns and
// tesseract's word boxes put gaps of over a line height mid-sentence, so a printed space (after
// 本报讯) cannot be told from spacing; a reviewer adds the few real ones.

import type { Word } from '../../shared/model.ts';
import { normaliseLine } from '../../shared/text/normalise.ts';

export function lineTextFromWords(words: readonly Word[]): string {
  return normaliseLine(words.map((w) => w.text).join(' '));
}

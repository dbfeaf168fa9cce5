// Puts a space around every CJK character, so a word tokenizer indexes each one as a token and
// a run of characters can be found as a phrase ("交城" → "交 城"). Latin words are untouched.

import { isCjk } from './script.ts';

export function splitCjk(text: string): string {
  let out = '';
  for (const ch of text) out += isCjk(ch) ? ` ${ch} ` : ch;
  return out.replace(/\s+/g, ' ').trim();
}

// Text rewritten for a word tokenizer, so FTS5's unicode61 finds short Chinese queries.
// splitCjk: every CJK character a token ("交城" → "交 城"), for one-character queries.
// cjkBigrams: every pair of adjacent CJK characters a token ("交城县" → "交城 城县"), so a
// two-character query is one token lookup instead of a phrase of two very common characters.
// Latin words are untouched in both.

import { isCjk } from './script.ts';

export function splitCjk(text: string): string {
  let out = '';
  for (const ch of text) out += isCjk(ch) ? ` ${ch} ` : ch;
  return out.replace(/\s+/g, ' ').trim();
}

export function cjkBigrams(text: string): string {
  let out = '';
  let run: string[] = [];
  const flush = () => {
    if (run.length === 1) out += ` ${run[0]} `;
    for (let i = 0; i + 1 < run.length; i++) out += ` ${run[i]}${run[i + 1]} `;
    run = [];
  };
  for (const ch of text) {
    if (isCjk(ch)) run.push(ch);
    else {
      flush();
      out += ch;
    }
  }
  flush();
  return out.replace(/\s+/g, ' ').trim();
}

// A search query as a librarian types it: words and "quoted phrases", all of which must occur.
// Each term becomes an FTS5 expression for the index that can answer it: the trigram index for
// terms of three or more characters, the CJK-bigram index when the shortest term has two, the
// one-token-per-CJK-character index when a term has one.

import { cjkBigrams, splitCjk } from '../../shared/text/cjk-split.ts';
import { foldCompatibility } from '../../shared/text/normalise.ts';
import { BackfileError } from '../../shared/errors.ts';

export interface ParsedQuery {
  terms: string[];
  index: 'trigram' | 'bigram' | 'unigram';
  match: string;
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

export function parseQuery(input: string): ParsedQuery {
  const terms: string[] = [];
  for (const m of input.matchAll(/"([^"]*)"|(\S+)/g)) {
    // Chinese is written without spaces: "交 城" in a quoted phrase means 交城.
    const term = foldCompatibility((m[1] ?? m[2] ?? '').trim())
      .replace(/\s+/g, ' ')
      .replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
    if (term) terms.push(term);
  }
  if (terms.length === 0) throw new BackfileError('invalid-input', 'Type something to search for.');
  if (terms.length > 16) throw new BackfileError('invalid-input', 'At most 16 search terms.');
  const shortest = Math.min(...terms.map((t) => [...t.replace(/\s/g, '')].length));
  if (shortest >= 3) return { terms, index: 'trigram', match: terms.map(quote).join(' AND ') };
  if (shortest === 2)
    return { terms, index: 'bigram', match: terms.map((t) => quote(cjkBigrams(t))).join(' AND ') };
  return { terms, index: 'unigram', match: terms.map((t) => quote(splitCjk(t))).join(' AND ') };
}

/** Text folded for finding a term in a line: lower case, no diacritics, compatibility forms folded. */
export function foldForSearch(text: string): string {
  return foldCompatibility(text).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The line with every occurrence of every term wrapped in [ and ]. */
export function markHits(text: string, terms: readonly string[]): string {
  const chars = [...text];
  const folded = chars.map((c) => foldForSearch(c));
  const marked = new Array<boolean>(chars.length).fill(false);
  for (const term of terms) {
    const needle = [...foldForSearch(term).replace(/\s+/g, '')];
    if (needle.length === 0) continue;
    const haystack = folded.map((c) => c.replace(/\s+/g, ''));
    for (let i = 0; i < haystack.length; i++) {
      if (haystack[i] === '') continue; // a match starts on a character, not on a space
      let j = 0;
      let k = i;
      // Spaces in the line do not break a match ("交 城" in raw text, "Zürcher  Zeitung").
      while (k < haystack.length && j < needle.length) {
        if (haystack[k] === '') {
          k++;
          continue;
        }
        if (haystack[k] !== needle[j]) break;
        j++;
        k++;
      }
      if (j === needle.length) for (let x = i; x < k; x++) marked[x] = true;
    }
  }
  let out = '';
  chars.forEach((c, i) => {
    if (marked[i] && !marked[i - 1]) out += '[';
    out += c;
    if (marked[i] && !marked[i + 1]) out += ']';
  });
  return out;
}

// A search query's terms, and the hits of those terms marked in a line: shared by the search
// (which marks snippets) and the page view (which highlights the matching words on the image).

import { foldCompatibility } from './normalise.ts';
import { foldVariants } from './variants.ts';

/**
 * Whether traditional and simplified forms count as one (發展 finds 发展 and back): on unless a
 * search asks for the form typed only. Compatibility forms (ſ, ligatures, full-width letters)
 * are folded either way.
 */
export interface VariantOption {
  variants?: boolean;
}

/** A line as the search indexes store it: compatibility forms folded, Chinese in simplified form. */
export function searchForm(text: string): string {
  return foldVariants(foldCompatibility(text));
}

/** Words and "quoted phrases" as a librarian types them, compatibility forms folded. */
export function queryTerms(input: string): string[] {
  const terms: string[] = [];
  for (const m of input.matchAll(/"([^"]*)"|(\S+)/g)) {
    // Chinese is written without spaces: "交 城" in a quoted phrase means 交城.
    const term = foldCompatibility((m[1] ?? m[2] ?? '').trim())
      .replace(/\s+/g, ' ')
      .replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
    if (term) terms.push(term);
  }
  return terms;
}

/** Text folded for finding a term in a line: lower case, no diacritics, compatibility forms folded. */
export function foldForSearch(text: string): string {
  return foldCompatibility(text).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Which characters (code points) of the line belong to an occurrence of a term. */
export function hitMask(
  text: string,
  terms: readonly string[],
  { variants = true }: VariantOption = {},
): boolean[] {
  const chars = [...text];
  const fold = (c: string) => (variants ? foldVariants(foldForSearch(c)) : foldForSearch(c));
  const folded = chars.map(fold);
  const marked = new Array<boolean>(chars.length).fill(false);
  for (const term of terms) {
    const needle = [...fold(term).replace(/\s+/g, '')];
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
  return marked;
}

/** Whether the line holds every term (the test a search for the typed form only adds). */
export function holdsEveryTerm(text: string, terms: readonly string[], option: VariantOption = {}): boolean {
  return terms.every((term) => hitMask(text, [term], option).includes(true));
}

/** The line with every occurrence of every term wrapped in [ and ]. */
export function markHits(text: string, terms: readonly string[], option: VariantOption = {}): string {
  const chars = [...text];
  const marked = hitMask(text, terms, option);
  let out = '';
  chars.forEach((c, i) => {
    if (marked[i] && !marked[i - 1]) out += '[';
    out += c;
    if (marked[i] && !marked[i + 1]) out += ']';
  });
  return out;
}

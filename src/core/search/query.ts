// A search query as a librarian types it: words and "quoted phrases", all of which must occur.
// Each term becomes an FTS5 expression for the index that can answer it: the trigram index for
// terms of three or more characters, the CJK-bigram index when the shortest term has two, the
// one-token-per-CJK-character index when a term has one. The indexes hold each line's search form
// (Chinese in simplified form), so a term is looked up in that form too; a search for the typed
// form only filters what that finds (line-search.ts).

import { cjkBigrams, splitCjk } from '../../shared/text/cjk-split.ts';
import { queryTerms, searchForm } from '../../shared/text/search-terms.ts';
import { BackfileError } from '../../shared/errors.ts';

export { markHits, foldForSearch, holdsEveryTerm } from '../../shared/text/search-terms.ts';

export interface ParsedQuery {
  terms: string[];
  index: 'trigram' | 'bigram' | 'unigram';
  match: string;
}

const quote = (text: string) => `"${searchForm(text).replace(/"/g, '""')}"`;

export function parseQuery(input: string): ParsedQuery {
  const terms = queryTerms(input);
  if (terms.length === 0)
    throw new BackfileError('invalid-input', 'Type something to search for.', { reason: 'search-empty' });
  if (terms.length > 16) throw new BackfileError('invalid-input', 'At most 16 search terms.');
  const shortest = Math.min(...terms.map((t) => [...t.replace(/\s/g, '')].length));
  if (shortest >= 3) return { terms, index: 'trigram', match: terms.map(quote).join(' AND ') };
  if (shortest === 2)
    return { terms, index: 'bigram', match: terms.map((t) => quote(cjkBigrams(t))).join(' AND ') };
  return { terms, index: 'unigram', match: terms.map((t) => quote(splitCjk(t))).join(' AND ') };
}

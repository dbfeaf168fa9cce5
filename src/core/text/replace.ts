// Find and replace across the collection: every line of the scope whose text matches (a literal
// string or a regular expression), previewed with context, then applied as ONE recorded change
// so that one undo takes the whole replacement back.

import type { ReadableDB, WritableDB } from '../archive/db-handles.ts';
import { recordChange, type Edit } from '../archive/history.ts';
import { linesOfPages, setCorrectedText } from '../archive/line-rows.ts';
import { BackfileError } from '../../shared/errors.ts';
import { RE2JS } from 're2js';

export interface ReplaceMatch {
  lineId: number;
  pageId: number;
  before: string;
  after: string;
  occurrences: number;
}

export interface ReplaceSpec {
  find: string;
  replacement: string;
  regex?: boolean;
  pageIds?: readonly number[];
}

/**
 * What to find, as a function from a line's text to its occurrences and its replaced text.
 * Regular expressions run on RE2 (re2js), whose matching time is linear in the text: a pattern
 * such as (a+)+$ would take JavaScript's backtracking engine seconds per line and block the
 * server; RE2 refuses only what it cannot do in linear time (backreferences, lookaround).
 */
function pattern(spec: ReplaceSpec): (text: string) => { occurrences: number; after: string } {
  if (!spec.find) throw new BackfileError('invalid-input', 'Give the text to find.');
  if (!spec.regex)
    return (text) => ({
      occurrences: text.split(spec.find).length - 1,
      after: text.replaceAll(spec.find, () => spec.replacement),
    });
  let re: RE2JS;
  try {
    re = RE2JS.compile(spec.find);
  } catch (error) {
    throw new BackfileError(
      'invalid-input',
      `Not a valid regular expression, or one that needs backtracking (backreferences, lookaround), which Backfile does not run: ${(error as Error).message}`,
      { reason: 'pattern-invalid' },
    );
  }
  return (text) => {
    if (!re.test(text)) return { occurrences: 0, after: text };
    const m = re.matcher(text);
    let occurrences = 0;
    while (m.find()) if ((m.group() ?? '').length > 0) occurrences++;
    return { occurrences, after: occurrences > 0 ? re.matcher(text).replaceAll(spec.replacement) : text };
  };
}

export function findReplacements(db: ReadableDB, spec: ReplaceSpec): ReplaceMatch[] {
  const find = pattern(spec);
  const matches: ReplaceMatch[] = [];
  for (const row of linesOfPages(db, spec.pageIds)) {
    const { occurrences, after } = find(row.text);
    if (occurrences > 0 && after !== row.text)
      matches.push({ lineId: row.id, pageId: row.pageId, before: row.text, after, occurrences });
  }
  return matches;
}

/** Applies the accepted matches (all when `accept` is absent) as one change; returns its id. */
export function applyReplacements(
  db: WritableDB,
  spec: ReplaceSpec,
  user: string,
  accept?: ReadonlySet<number>,
): { changeId: number | null; lines: number } {
  return db
    .transaction(() => {
      const matches = findReplacements(db, spec).filter((m) => !accept || accept.has(m.lineId));
      if (matches.length === 0) return { changeId: null, lines: 0 };
      const edits: Edit[] = matches.map((m) => {
        setCorrectedText(db, m.lineId, m.after);
        return { entity: 'line', entityId: m.lineId, field: 'text', before: m.before, after: m.after };
      });
      const label = `replace “${spec.find}” with “${spec.replacement}” in ${matches.length} lines`;
      return { changeId: recordChange(db, label, user, edits), lines: matches.length };
    })
    .immediate();
}

// Find and replace across the collection: every line of the scope whose text matches (a literal
// string or a regular expression), previewed with context, then applied as ONE recorded change
// so that one undo takes the whole replacement back.

import type Database from 'better-sqlite3';
import { nowIso } from '../archive/archive.ts';
import { recordChange, type Edit } from '../archive/history.ts';
import { BackfileError } from '../../shared/errors.ts';

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

function pattern(spec: ReplaceSpec): RegExp {
  if (!spec.find) throw new BackfileError('invalid-input', 'Give the text to find.');
  if (!spec.regex) return new RegExp(spec.find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gu');
  try {
    return new RegExp(spec.find, 'gu');
  } catch (error) {
    throw new BackfileError('invalid-input', `Not a valid regular expression: ${(error as Error).message}`);
  }
}

export function findReplacements(db: Database.Database, spec: ReplaceSpec): ReplaceMatch[] {
  const re = pattern(spec);
  const rows = (
    spec.pageIds
      ? db
          .prepare(
            `SELECT id, page_id, text FROM lines WHERE page_id IN (${spec.pageIds.map(() => '?').join(',')}) ORDER BY page_id, position, id`,
          )
          .all(...spec.pageIds)
      : db.prepare('SELECT id, page_id, text FROM lines ORDER BY page_id, position, id').all()
  ) as { id: number; page_id: number; text: string }[];
  const matches: ReplaceMatch[] = [];
  for (const row of rows) {
    const found = row.text.match(re);
    if (!found || found.every((m) => m === '')) continue;
    const after = spec.regex
      ? row.text.replace(re, spec.replacement)
      : row.text.replaceAll(spec.find, () => spec.replacement);
    if (after !== row.text)
      matches.push({
        lineId: row.id,
        pageId: row.page_id,
        before: row.text,
        after,
        occurrences: found.length,
      });
  }
  return matches;
}

/** Applies the accepted matches (all when `accept` is absent) as one change; returns its id. */
export function applyReplacements(
  db: Database.Database,
  spec: ReplaceSpec,
  user: string,
  accept?: ReadonlySet<number>,
): { changeId: number | null; lines: number } {
  return db
    .transaction(() => {
      const matches = findReplacements(db, spec).filter((m) => !accept || accept.has(m.lineId));
      if (matches.length === 0) return { changeId: null, lines: 0 };
      const update = db.prepare('UPDATE lines SET text = ?, corrected = 1, updated_at = ? WHERE id = ?');
      const now = nowIso();
      const edits: Edit[] = matches.map((m) => {
        update.run(m.after, now, m.lineId);
        return { entity: 'line', entityId: m.lineId, field: 'text', before: m.before, after: m.after };
      });
      const label = `replace “${spec.find}” with “${spec.replacement}” in ${matches.length} lines`;
      return { changeId: recordChange(db, label, user, edits), lines: matches.length };
    })
    .immediate();
}

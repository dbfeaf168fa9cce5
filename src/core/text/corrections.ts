// Correcting a line's text: the new text is stored with the line (marked corrected, so no
// machine source replaces it), the change goes into the history, and the page moves to
// "in correction". Committed before the call returns: a correction acknowledged is durable.

import type Database from 'better-sqlite3';
import { nowIso } from '../archive/archive.ts';
import { recordChange } from '../archive/history.ts';
import { BackfileError } from '../../shared/errors.ts';

export const MAX_LINE_LENGTH = 10_000;

export function correctLine(
  db: Database.Database,
  lineId: number,
  text: string,
  user: string,
): { changeId: number | null } {
  if (text.length > MAX_LINE_LENGTH)
    throw new BackfileError('invalid-input', `A line holds at most ${MAX_LINE_LENGTH} characters.`);
  return db
    .transaction(() => {
      const line = db.prepare('SELECT page_id, text FROM lines WHERE id = ?').get(lineId) as
        { page_id: number; text: string } | undefined;
      if (!line) throw new BackfileError('not-found', `No line ${lineId}.`);
      if (line.text === text) return { changeId: null };
      db.prepare('UPDATE lines SET text = ?, corrected = 1, updated_at = ? WHERE id = ?').run(
        text,
        nowIso(),
        lineId,
      );
      db.prepare(
        "UPDATE pages SET status = 'in_correction' WHERE id = ? AND status IN ('imported', 'ocr')",
      ).run(line.page_id);
      const changeId = recordChange(db, 'correct line', user, [
        { entity: 'line', entityId: lineId, field: 'text', before: line.text, after: text },
      ]);
      return { changeId };
    })
    .immediate();
}

// Correcting a line's text: the new text is stored with the line (marked corrected, so no
// machine source replaces it), the change goes into the history, and the page moves to
// "in correction". Committed before the call returns: a correction acknowledged is durable.

import type { WritableDB } from '../archive/db-handles.ts';
import { nowIso } from '../archive/archive.ts';
import { originalLineTextSql, recordChange, type Edit } from '../archive/history.ts';
import { BackfileError } from '../../shared/errors.ts';
import { moveStatus } from '../review/status.ts';

export const MAX_LINE_LENGTH = 10_000;

export function correctLine(
  db: WritableDB,
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
      const status = db.prepare('SELECT status FROM pages WHERE id = ?').pluck().get(line.page_id) as string;
      const moved = ['imported', 'ocr'].includes(status)
        ? moveStatus(db, 'page', line.page_id, 'in_correction', undefined).edits
        : [];
      const changeId = recordChange(db, 'correct line', user, [
        { entity: 'line', entityId: lineId, field: 'text', before: line.text, after: text },
        ...moved,
      ]);
      return { changeId };
    })
    .immediate();
}

/**
 * Undo (and redo) of a line's text edit. A line counts as corrected while its text differs from
 * what its source gave: undoing the last correction (or a whole replace-all) makes it a machine
 * line again, which the next re-read may replace, instead of a "corrected" copy of machine text
 * that a re-read would keep beside the new reading.
 */
export function revertLineTextEdit(db: WritableDB, edit: Edit): void {
  db.prepare(
    `UPDATE lines SET text = @text, corrected = (@text != ${originalLineTextSql('lines')}), updated_at = @now WHERE id = @id`,
  ).run({ text: edit.before, id: edit.entityId, now: nowIso() });
}

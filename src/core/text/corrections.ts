// Correcting a line's text: the new text is stored with the line (marked corrected, so no
// machine source replaces it), the change goes into the history, and the page moves to
// "in correction". Committed before the call returns: a correction acknowledged is durable.

import type { WritableDB } from '../archive/db-handles.ts';
import { recordChange, type Edit } from '../archive/history.ts';
import { getLine, restoreLineText, setCorrectedText } from '../archive/line-rows.ts';
import { getPage } from '../archive/pages.ts';
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
      const line = getLine(db, lineId);
      if (!line) throw new BackfileError('not-found', `No line ${lineId}.`);
      if (line.text === text) return { changeId: null };
      setCorrectedText(db, lineId, text);
      const moved = ['imported', 'ocr'].includes(getPage(db, line.pageId)!.status)
        ? moveStatus(db, 'page', line.pageId, 'in_correction', undefined).edits
        : [];
      const changeId = recordChange(db, 'correct line', user, [
        { entity: 'line', entityId: lineId, field: 'text', before: line.text, after: text },
        ...moved,
      ]);
      return { changeId };
    })
    .immediate();
}

/** Undo (and redo) of a line's text edit, also of each line of a whole replace-all. */
export function revertLineTextEdit(db: WritableDB, edit: Edit): void {
  restoreLineText(db, edit.entityId, edit.before);
}

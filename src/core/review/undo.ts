// Undo and redo of any recorded change (a correction, a replace-all, a region or article edit, a
// status move, a re-read): each edit's before or after value written back.

import type { WritableDB } from '../archive/db-handles.ts';
import {
  type ChangeScope,
  changeLabel,
  lastChange,
  redoChange,
  redoableChange,
  undoChange,
  type Edit,
} from '../archive/history.ts';
import { deletePhoto } from '../archive/photo-rows.ts';
import { BackfileError } from '../../shared/errors.ts';
import { revertArticleEdit } from '../articles/articles.ts';
import { revertRegionEdit } from '../articles/regions.ts';
import { STATUS_FIELDS, revertStatusEdit } from './status.ts';
import { revertLineTextEdit } from '../text/corrections.ts';
import { revertPageTextEdit } from '../ocr/re-read.ts';
import { METADATA_FIELDS, revertPageMetadataEdit } from '../archive/page-metadata.ts';

/** Writes an edit's "before" value back. Also used to revert to an older version. */
export function revertEdit(db: WritableDB, edit: Edit): void {
  if ((edit.entity === 'page' || edit.entity === 'article') && STATUS_FIELDS.includes(edit.field))
    revertStatusEdit(db, edit);
  else if (edit.entity === 'region') revertRegionEdit(db, edit);
  else if (edit.entity === 'article') revertArticleEdit(db, edit);
  else if (edit.entity === 'photo' && edit.before === null) deletePhoto(db, edit.entityId);
  else if (edit.entity === 'line' && edit.field === 'text') revertLineTextEdit(db, edit);
  else if (edit.entity === 'page' && edit.field === 'text') revertPageTextEdit(db, edit);
  else if (edit.entity === 'page' && METADATA_FIELDS.includes(edit.field)) revertPageMetadataEdit(db, edit);
  else
    // Refusing keeps the change marked as not undone: better than marking it undone and
    // leaving the data as it was.
    throw new BackfileError(
      'invalid-input',
      `A ${edit.entity} ${edit.field} edit cannot be undone; change it back by editing it.`,
    );
}

export function undo(db: WritableDB, changeId: number, user: string | null = null): void {
  undoChange(db, changeId, revertEdit, user);
}

export function redo(db: WritableDB, changeId: number): void {
  redoChange(db, changeId, revertEdit);
}

const labelOf = (db: WritableDB, id: number) => changeLabel(db, id) ?? null;

/**
 * Undo of the newest change, as the editor's Ctrl+Z does (scoped to the page being looked at);
 * null when there is nothing to undo.
 */
export function undoLast(
  db: WritableDB,
  user: string,
  scope: ChangeScope = {},
): { changeId: number | null; label: string | null } {
  const id = lastChange(db, scope);
  if (id === null) return { changeId: null, label: null };
  undo(db, id, user);
  return { changeId: id, label: labelOf(db, id) };
}

export function redoLast(
  db: WritableDB,
  scope: ChangeScope = {},
): { changeId: number | null; label: string | null } {
  const id = redoableChange(db, scope);
  if (id === null) return { changeId: null, label: null };
  redo(db, id);
  return { changeId: id, label: labelOf(db, id) };
}

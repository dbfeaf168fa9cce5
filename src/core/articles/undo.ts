// Undo for every kind of recorded change.

import type Database from 'better-sqlite3';
import { undoChange, type Edit } from '../archive/history.ts';
import { revertArticleEdit } from './articles.ts';
import { revertRegionEdit } from './regions.ts';

function revert(db: Database.Database, edit: Edit): void {
  if (edit.entity === 'region') revertRegionEdit(db, edit);
  else if (edit.entity === 'article') revertArticleEdit(db, edit);
  else if (edit.entity === 'photo' && edit.before === null)
    db.prepare('DELETE FROM photos WHERE id = ?').run(edit.entityId);
  else if (edit.entity === 'line' && edit.field === 'text')
    db.prepare('UPDATE lines SET text = ? WHERE id = ?').run(edit.before, edit.entityId);
}

export function undo(db: Database.Database, changeId: number): void {
  undoChange(db, changeId, revert);
}

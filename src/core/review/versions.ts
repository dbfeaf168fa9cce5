// The history of a line or an article as versions: who changed what, when, from what to what,
// with a character-level diff, and whether the change was later undone. Reverting to a version
// is itself a new recorded change (nothing in the history is ever rewritten), so a revert can be
// undone like any other edit.

import type { ReadableDB, WritableDB } from '../archive/db-handles.ts';
import {
  articleEdits,
  lineTextEdits,
  recordChange,
  type Edit,
  type HistoryEdit,
} from '../archive/history.ts';
import { getLine, lineWithSource } from '../archive/line-rows.ts';
import { articleRow } from '../archive/article-rows.ts';
import type { ArticleHistory, LineHistory, Version } from '../../shared/history.ts';
import { revertEdit } from './undo.ts';
import { BackfileError } from '../../shared/errors.ts';
import { diffText } from '../../shared/text/diff.ts';

function toVersions(rows: readonly HistoryEdit[]): Version[] {
  const byChange = new Map<number, Version>();
  for (const r of rows) {
    let v = byChange.get(r.changeId);
    if (!v) {
      v = {
        changeId: r.changeId,
        label: r.label,
        user: r.user,
        at: r.at,
        undone: r.undone,
        undoneAt: r.undoneAt,
        undoneBy: r.undoneBy,
        edits: [],
      };
      byChange.set(r.changeId, v);
    }
    const edit: Edit = {
      entity: r.entity,
      entityId: r.entityId,
      field: r.field,
      before: r.before,
      after: r.after,
    };
    v.edits.push({ ...edit, diff: diffText(r.before ?? '', r.after ?? '') });
  }
  return [...byChange.values()].sort((a, b) => a.changeId - b.changeId);
}

export function lineHistory(db: ReadableDB, lineId: number): LineHistory {
  const line = lineWithSource(db, lineId);
  if (!line) throw new BackfileError('not-found', `No line ${lineId}.`);
  const rows = lineTextEdits(db, lineId);
  return {
    lineId,
    pageId: line.pageId,
    original: rows[0]?.before ?? line.text,
    source: line.source,
    current: line.text,
    versions: toVersions(rows),
  };
}

/** The article's own edits (fields, parts, status) and the corrections of the lines in its regions. */
export function articleHistory(db: ReadableDB, articleId: number): ArticleHistory {
  if (!articleRow(db, articleId)) throw new BackfileError('not-found', `No article ${articleId}.`);
  return { articleId, versions: toVersions(articleEdits(db, articleId)) };
}

/**
 * Puts every field touched in `versions` back to its value right after change `changeId`
 * (0: before the first change), as one new change. Undone changes are skipped: their edits
 * are already taken back.
 */
function revertTo(
  db: WritableDB,
  versions: readonly Version[],
  changeId: number,
  label: string,
  user: string,
): { changeId: number | null } {
  if (changeId !== 0 && !versions.some((v) => v.changeId === changeId))
    throw new BackfileError('not-found', `Change ${changeId} is not in this history.`);
  const later = versions.filter((v) => !v.undone && v.changeId > changeId).flatMap((v) => v.edits);
  const targets = new Map<string, Edit>();
  for (const e of later) {
    const key = `${e.entity}:${e.entityId}:${e.field}`;
    const first = targets.get(key);
    // The earliest later edit's "before" is the value at the chosen version; the latest's
    // "after" is the value now.
    if (!first)
      targets.set(key, {
        entity: e.entity,
        entityId: e.entityId,
        field: e.field,
        before: e.before,
        after: e.after,
      });
    else first.after = e.after;
  }
  const edits: Edit[] = [];
  for (const t of targets.values()) {
    if (t.before === t.after) continue;
    revertEdit(db, t);
    edits.push({ entity: t.entity, entityId: t.entityId, field: t.field, before: t.after, after: t.before });
  }
  if (edits.length === 0) return { changeId: null };
  return { changeId: recordChange(db, label, user, edits) };
}

export function revertLine(
  db: WritableDB,
  lineId: number,
  toChangeId: number,
  user: string,
): { changeId: number | null; text: string } {
  return db
    .transaction(() => {
      const history = lineHistory(db, lineId);
      const result = revertTo(
        db,
        history.versions,
        toChangeId,
        toChangeId === 0 ? 'revert line to the original' : `revert line to change ${toChangeId}`,
        user,
      );
      const text = getLine(db, lineId)!.text;
      return { ...result, text };
    })
    .immediate();
}

export function revertArticle(
  db: WritableDB,
  articleId: number,
  toChangeId: number,
  user: string,
): { changeId: number | null } {
  // Before its first change an article did not exist: going there is deleting it, a different act.
  if (toChangeId === 0)
    throw new BackfileError(
      'invalid-input',
      'Choose the change to go back to; to remove an article, delete it.',
    );
  return db
    .transaction(() =>
      revertTo(
        db,
        articleHistory(db, articleId).versions,
        toChangeId,
        `revert article to change ${toChangeId}`,
        user,
      ),
    )
    .immediate();
}

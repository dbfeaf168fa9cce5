// Changing a page's metadata after import (newspaper title, issue date, edition, printed page
// number): the page moves to the matching issue, and the change is recorded in the edit history
// (one change, one edit per field, with before and after), which undo writes back.

import type { WritableDB } from './db-handles.ts';
import { BackfileError } from '../../shared/errors.ts';
import { nowIso } from './archive.ts';
import { findOrCreateIssue, findOrCreateTitle } from './catalogue.ts';

export interface PageMetadataChange {
  title?: string;
  date?: string; // YYYY-MM-DD or '' for undated
  edition?: string;
  printedNumber?: string;
}

interface Fields {
  title: string;
  date: string;
  edition: string;
  printedNumber: string | null;
}

interface Current extends Fields {
  sequence: number;
}

export function updatePageMetadata(
  db: WritableDB,
  pageId: number,
  change: PageMetadataChange,
  user: string,
): number | null {
  return updatePagesMetadata(db, [pageId], change, user);
}

/**
 * The same metadata for several pages (a selection in the library) as one change: undone, all
 * of them go back. Null when nothing was different.
 */
export function updatePagesMetadata(
  db: WritableDB,
  pageIds: readonly number[],
  change: PageMetadataChange,
  user: string,
): number | null {
  return db
    .transaction(() => {
      const edits: { pageId: number; field: string; before: string | null; after: string | null }[] = [];
      for (const pageId of pageIds) {
        const current = currentOf(db, pageId);
        const next: Current = {
          title: change.title ?? current.title,
          date: change.date ?? current.date,
          edition: change.edition ?? current.edition,
          printedNumber: change.printedNumber ?? current.printedNumber,
          sequence: current.sequence,
        };
        const fields = (['title', 'date', 'edition', 'printedNumber'] as const).filter(
          (f) => next[f] !== current[f],
        );
        if (fields.length === 0) continue;
        const sequence = place(db, pageId, next);
        for (const field of fields) edits.push({ pageId, field, before: current[field], after: next[field] });
        // A numbered page takes its place in the issue by its number; undo puts it back.
        if (sequence !== current.sequence)
          edits.push({
            pageId,
            field: 'sequence',
            before: String(current.sequence),
            after: String(sequence),
          });
      }
      if (edits.length === 0) return null;
      const changeId = Number(
        db
          .prepare('INSERT INTO changes (label, user_name, at) VALUES (?, ?, ?)')
          .run('edit page metadata', user, nowIso()).lastInsertRowid,
      );
      const edit = db.prepare(
        "INSERT INTO edits (change_id, entity, entity_id, field, before, after) VALUES (?, 'page', ?, ?, ?, ?)",
      );
      for (const e of edits) edit.run(changeId, e.pageId, e.field, e.before, e.after);
      return changeId;
    })
    .immediate();
}

/** The page fields a metadata edit records, each of which undo (and redo) writes back. */
export const METADATA_FIELDS: readonly string[] = ['title', 'date', 'edition', 'printedNumber', 'sequence'];

/** One field of a metadata edit written back: the page goes to that value's issue. */
export function revertPageMetadataEdit(
  db: WritableDB,
  edit: { entityId: number; field: string; before: string | null },
): void {
  if (edit.field === 'sequence') {
    db.prepare('UPDATE pages SET sequence = ? WHERE id = ?').run(Number(edit.before), edit.entityId);
    return;
  }
  if (!METADATA_FIELDS.includes(edit.field))
    throw new BackfileError('invalid-input', `No page field ${edit.field}.`);
  const current = currentOf(db, edit.entityId);
  const value = edit.field === 'printedNumber' ? edit.before : (edit.before ?? '');
  place(db, edit.entityId, { ...current, [edit.field]: value });
}

function currentOf(db: WritableDB, pageId: number): Current {
  const current = db
    .prepare(
      `SELECT t.name AS title, i.issue_date AS date, i.edition AS edition, p.printed_number AS printedNumber,
              p.sequence AS sequence
       FROM pages p JOIN issues i ON i.id = p.issue_id JOIN titles t ON t.id = i.title_id WHERE p.id = ?`,
    )
    .get(pageId) as Current | undefined;
  if (!current) throw new BackfileError('not-found', `Page ${pageId} is not in the archive.`);
  return current;
}

/**
 * Files the page under the issue its metadata names, with its printed number; returns its
 * sequence in the issue after (a page numbered in figures takes that place).
 */
function place(db: WritableDB, pageId: number, next: Current): number {
  const issue = findOrCreateIssue(db, findOrCreateTitle(db, next.title).id, next.date, next.edition);
  const numbered = next.printedNumber && /^\d+$/.test(next.printedNumber) ? Number(next.printedNumber) : null;
  db.prepare(
    'UPDATE pages SET issue_id = ?, printed_number = ?, sequence = COALESCE(?, sequence) WHERE id = ?',
  ).run(issue.id, next.printedNumber, numbered, pageId);
  return numbered ?? next.sequence;
}

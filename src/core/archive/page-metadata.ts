// Changing a page's metadata after import (newspaper title, issue date, edition, printed page
// number): the page moves to the matching issue, and the change is recorded in the edit history
// (one change, one edit per field, with before and after).

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

interface Current {
  title: string;
  date: string;
  edition: string;
  printedNumber: string | null;
}

export function updatePageMetadata(
  db: WritableDB,
  pageId: number,
  change: PageMetadataChange,
  user: string,
): void {
  db.transaction(() => {
    const current = db
      .prepare(
        `SELECT t.name AS title, i.issue_date AS date, i.edition AS edition, p.printed_number AS printedNumber
         FROM pages p JOIN issues i ON i.id = p.issue_id JOIN titles t ON t.id = i.title_id WHERE p.id = ?`,
      )
      .get(pageId) as Current | undefined;
    if (!current) throw new BackfileError('not-found', `Page ${pageId} is not in the archive.`);
    const next = {
      title: change.title ?? current.title,
      date: change.date ?? current.date,
      edition: change.edition ?? current.edition,
      printedNumber: change.printedNumber ?? current.printedNumber,
    };
    const fields = (Object.keys(next) as (keyof Current)[]).filter((f) => next[f] !== current[f]);
    if (fields.length === 0) return;
    const issue = findOrCreateIssue(db, findOrCreateTitle(db, next.title).id, next.date, next.edition);
    const sequence =
      next.printedNumber && /^\d+$/.test(next.printedNumber) ? Number(next.printedNumber) : null;
    db.prepare(
      'UPDATE pages SET issue_id = ?, printed_number = ?, sequence = COALESCE(?, sequence) WHERE id = ?',
    ).run(issue.id, next.printedNumber, sequence, pageId);
    const changeId = Number(
      db
        .prepare('INSERT INTO changes (label, user_name, at) VALUES (?, ?, ?)')
        .run('edit page metadata', user, nowIso()).lastInsertRowid,
    );
    const edit = db.prepare(
      "INSERT INTO edits (change_id, entity, entity_id, field, before, after) VALUES (?, 'page', ?, ?, ?, ?)",
    );
    for (const field of fields) edit.run(changeId, pageId, field, current[field], next[field]);
  }).immediate();
}

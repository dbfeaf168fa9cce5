// Titles (newspapers) and issues (one date and edition of a title).

import { isRealIsoDate } from '../../shared/date.ts';
import { BackfileError } from '../../shared/errors.ts';
import type { ReadableDB, WritableDB } from './db-handles.ts';
import type { Issue, Title } from '../../shared/model.ts';
import { nowIso } from './archive.ts';

export function findOrCreateTitle(db: WritableDB, name: string): Title {
  const existing = db.prepare('SELECT id, name FROM titles WHERE name = ?').get(name) as Title | undefined;
  if (existing) return existing;
  const { lastInsertRowid } = db
    .prepare('INSERT INTO titles (name, created_at) VALUES (?, ?)')
    .run(name, nowIso());
  return { id: Number(lastInsertRowid), name };
}

interface IssueRow {
  id: number;
  title_id: number;
  issue_date: string;
  edition: string;
}

function rowToIssue(row: IssueRow): Issue {
  return { id: row.id, titleId: row.title_id, date: row.issue_date, edition: row.edition };
}

export function findOrCreateIssue(
  db: WritableDB,
  titleId: number,
  date: string,
  edition: string,
  extra: { volume?: string | undefined; number?: string | undefined } = {},
): Issue {
  // Every way into the catalogue passes here (import, upload, edit-page), so this is where a
  // date that is not a real day is stopped, before it reaches file names and exports.
  if (date !== '' && !isRealIsoDate(date))
    throw new BackfileError(
      'metadata-invalid',
      `"${date}" is not a date: an issue date is a real day, YYYY-MM-DD.`,
    );
  const row = db
    .prepare(
      'SELECT id, title_id, issue_date, edition FROM issues WHERE title_id = ? AND issue_date = ? AND edition = ?',
    )
    .get(titleId, date, edition) as IssueRow | undefined;
  if (row) return rowToIssue(row);
  const { lastInsertRowid } = db
    .prepare(
      'INSERT INTO issues (title_id, issue_date, edition, volume, number, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(titleId, date, edition, extra.volume ?? null, extra.number ?? null, nowIso());
  return { id: Number(lastInsertRowid), titleId, date, edition };
}

/** How an issue is named: its title's name, its date and edition, and its printed volume and number. */
export interface IssueLabel {
  title: string;
  date: string;
  edition: string;
  volume: string | null;
  number: string | null;
}

export function issueLabel(db: ReadableDB, issueId: number): IssueLabel | undefined {
  return db
    .prepare(
      `SELECT t.name AS title, i.issue_date AS date, i.edition, i.volume, i.number
       FROM issues i JOIN titles t ON t.id = i.title_id WHERE i.id = ?`,
    )
    .get(issueId) as IssueLabel | undefined;
}

/** The issues of these titles. */
export function issueIdsOfTitles(db: ReadableDB, titleIds: readonly number[]): number[] {
  if (titleIds.length === 0) return [];
  return db
    .prepare(`SELECT id FROM issues WHERE title_id IN (${titleIds.map(() => '?').join(',')}) ORDER BY id`)
    .pluck()
    .all(...titleIds) as number[];
}

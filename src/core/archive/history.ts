// The edit history: a change is one undoable step made of field-level edits (who, when, before,
// after). Undo applies the edits' "before" values in reverse; each entity kind says how.

import type { ReadableDB, WritableDB } from './db-handles.ts';
import { BackfileError } from '../../shared/errors.ts';
import { nowIso } from './archive.ts';

export type { Edit, Entity } from '../../shared/history.ts';
import { partRegionIds, type Edit, type Entity, type Version } from '../../shared/history.ts';
import type { Statement } from 'better-sqlite3';

export function recordChange(db: WritableDB, label: string, user: string, edits: readonly Edit[]): number {
  const changeId = Number(
    db.prepare('INSERT INTO changes (label, user_name, at) VALUES (?, ?, ?)').run(label, user, nowIso())
      .lastInsertRowid,
  );
  const insert = db.prepare(
    'INSERT INTO edits (change_id, entity, entity_id, field, before, after) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const e of edits) insert.run(changeId, e.entity, e.entityId, e.field, e.before, e.after);
  return changeId;
}

export function changeEdits(db: WritableDB, changeId: number): Edit[] {
  return db
    .prepare(
      'SELECT entity, entity_id AS entityId, field, before, after FROM edits WHERE change_id = ? ORDER BY id',
    )
    .all(changeId) as Edit[];
}

/**
 * SQL true when change `c` touched page @page: the page itself (status, metadata, a re-read), a
 * line, a word or a region on it (a deleted region by its snapshot), a photo on it, or an article with a
 * part on it (or whose parts, before or after, included a region on it). What the reviewer looking
 * at a page expects Ctrl+Z to undo; the History view keeps the archive-wide list.
 */
const CHANGE_ON_PAGE = `EXISTS (SELECT 1 FROM edits e WHERE e.change_id = c.id AND (
    (e.entity = 'page' AND e.entity_id = @page)
    OR (e.entity = 'line' AND e.entity_id IN (SELECT id FROM lines WHERE page_id = @page))
    OR (e.entity = 'word' AND e.entity_id IN
        (SELECT w.id FROM words w JOIN lines l ON l.id = w.line_id WHERE l.page_id = @page))
    OR (e.entity = 'region' AND (e.entity_id IN (SELECT id FROM regions WHERE page_id = @page)
        OR (json_valid(e.before) AND json_extract(e.before, '$.page_id') = @page)
        OR (json_valid(e.after) AND json_extract(e.after, '$.page_id') = @page)))
    OR (e.entity = 'photo' AND e.entity_id IN
        (SELECT p.id FROM photos p JOIN regions r ON r.id = p.region_id WHERE r.page_id = @page))
    OR (e.entity = 'article' AND (e.entity_id IN
        (SELECT ap.article_id FROM article_parts ap JOIN regions r ON r.id = ap.region_id WHERE r.page_id = @page)
        OR (e.field = 'parts' AND EXISTS (SELECT 1 FROM regions r WHERE r.page_id = @page AND r.id IN
            (SELECT value FROM json_each(CASE WHEN json_valid(e.before) THEN e.before ELSE '[]' END)
             UNION SELECT value FROM json_each(CASE WHEN json_valid(e.after) THEN e.after ELSE '[]' END)))))))
  )`;

/** The change scope: every change, or those that touched one page. */
export type ChangeScope = { pageId?: number };
const scopeSql = (scope: ChangeScope) => (scope.pageId === undefined ? '1' : CHANGE_ON_PAGE);
const scopeParams = (scope: ChangeScope) => (scope.pageId === undefined ? {} : { page: scope.pageId });

/** The newest change not yet undone, in the whole archive or on one page. */
export function lastChange(db: WritableDB, scope: ChangeScope = {}): number | null {
  return (
    (db
      .prepare(`SELECT id FROM changes c WHERE undone = 0 AND ${scopeSql(scope)} ORDER BY id DESC LIMIT 1`)
      .pluck()
      .get(scopeParams(scope)) as number | undefined) ?? null
  );
}

export type Reverter = (db: WritableDB, edit: Edit) => void;

export function undoChange(
  db: WritableDB,
  changeId: number,
  revert: Reverter,
  user: string | null = null,
): void {
  db.transaction(() => {
    const change = db.prepare('SELECT undone FROM changes WHERE id = ?').get(changeId) as
      { undone: number } | undefined;
    if (!change) throw new BackfileError('not-found', `No change ${changeId}.`);
    if (change.undone) throw new BackfileError('invalid-input', `Change ${changeId} is already undone.`);
    for (const edit of changeEdits(db, changeId).reverse()) revert(db, edit);
    db.prepare('UPDATE changes SET undone = 1, undone_at = ?, undone_by = ? WHERE id = ?').run(
      nowIso(),
      user,
      changeId,
    );
  }).immediate();
}

/**
 * The change a redo would re-apply: the one undone most recently, as long as nothing new was
 * recorded after that undo (a new edit ends the redo chain, as in every editor). Scoped to a page,
 * only that page's changes count, both for what is undone and for what ends the chain.
 */
export function redoableChange(db: WritableDB, scope: ChangeScope = {}): number | null {
  const row = db
    .prepare(
      `SELECT id, undone_at FROM changes c WHERE undone = 1 AND undone_at IS NOT NULL AND ${scopeSql(scope)}
       ORDER BY undone_at DESC, id DESC LIMIT 1`,
    )
    .get(scopeParams(scope)) as { id: number; undone_at: string } | undefined;
  if (!row) return null;
  const newer = db
    // >=: a change in the same millisecond as the undo may have come after it; offering a redo
    // over it would overwrite it, so the chain ends.
    .prepare(`SELECT 1 FROM changes c WHERE at >= @at AND undone = 0 AND ${scopeSql(scope)} LIMIT 1`)
    .get({ ...scopeParams(scope), at: row.undone_at });
  return newer ? null : row.id;
}

/** Re-applies an undone change: each edit's "after" value written back, in the original order. */
export function redoChange(db: WritableDB, changeId: number, apply: Reverter): void {
  db.transaction(() => {
    const change = db.prepare('SELECT undone FROM changes WHERE id = ?').get(changeId) as
      { undone: number } | undefined;
    if (!change) throw new BackfileError('not-found', `No change ${changeId}.`);
    if (!change.undone) throw new BackfileError('invalid-input', `Change ${changeId} is not undone.`);
    for (const edit of changeEdits(db, changeId))
      apply(db, { ...edit, before: edit.after, after: edit.before });
    db.prepare('UPDATE changes SET undone = 0, undone_at = NULL, undone_by = NULL WHERE id = ?').run(
      changeId,
    );
  }).immediate();
}

/**
 * SQL for a line's original text (as its source gave it, normalised): the "before" of its first
 * text edit, or its text when it was never edited. `line` is the lines table's alias.
 */
export function originalLineTextSql(line: string): string {
  return `COALESCE((SELECT e.before FROM edits e WHERE e.entity = 'line' AND e.entity_id = ${line}.id
    AND e.field = 'text' ORDER BY e.id LIMIT 1), ${line}.text)`;
}

export function changeLabel(db: ReadableDB, id: number): string | undefined {
  return db.prepare('SELECT label FROM changes WHERE id = ?').pluck().get(id) as string | undefined;
}

/** An edit with the change it belongs to: who, when, and whether it was undone. */
export interface HistoryEdit extends Edit, Omit<Version, 'edits'> {}

const HISTORY_COLUMNS = `e.change_id AS changeId, c.label, c.user_name AS user, c.at, c.undone,
  c.undone_at AS undoneAt, c.undone_by AS undoneBy,
  e.entity, e.entity_id AS entityId, e.field, e.before, e.after`;

const toHistoryEdit = (r: Omit<HistoryEdit, 'undone'> & { undone: number }): HistoryEdit => ({
  ...r,
  undone: r.undone === 1,
});

/** Every text edit of a line, oldest first. */
export function lineTextEdits(db: ReadableDB, lineId: number): HistoryEdit[] {
  return (
    db
      .prepare(
        `SELECT ${HISTORY_COLUMNS} FROM edits e JOIN changes c ON c.id = e.change_id
         WHERE e.entity = 'line' AND e.entity_id = ? AND e.field = 'text' ORDER BY e.id`,
      )
      .all(lineId) as Parameters<typeof toHistoryEdit>[0][]
  ).map(toHistoryEdit);
}

/** An article's own edits (fields, parts, status) and the text edits of the lines in its regions. */
export function articleEdits(db: ReadableDB, articleId: number): HistoryEdit[] {
  return (
    db
      .prepare(
        `SELECT ${HISTORY_COLUMNS} FROM edits e JOIN changes c ON c.id = e.change_id
         WHERE (e.entity = 'article' AND e.entity_id = @id)
            OR (e.entity = 'line' AND e.field = 'text' AND e.entity_id IN (
                  SELECT l.id FROM lines l JOIN article_parts ap ON ap.region_id = l.region_id
                  WHERE ap.article_id = @id))
         ORDER BY e.id`,
      )
      .all({ id: articleId }) as Parameters<typeof toHistoryEdit>[0][]
  ).map(toHistoryEdit);
}

/** What changes reached: the pages their edits touched, the kinds of thing, and the lines. */
export interface EditReach {
  pages: number[];
  entities: Entity[];
  lines: number[];
}

/** The newest change's id (0 in a new archive): what a later change is newer than. */
export function newestChangeId(db: ReadableDB): number {
  return db.prepare('SELECT coalesce(max(id), 0) FROM changes').pluck().get() as number;
}

/** The changes made after `sinceId`, by anyone. */
export function changesSince(db: ReadableDB, sinceId: number): number[] {
  return db.prepare('SELECT id FROM changes WHERE id > ? ORDER BY id').pluck().all(sinceId) as number[];
}

/**
 * The pages these changes touched, edit by edit (a deleted region by its snapshot, an article by
 * its parts before and after), or null when an edit's page can no longer be found: then the
 * caller must assume anything changed.
 */
export function changeReach(db: ReadableDB, changeIds: readonly number[]): EditReach | null {
  const edits = db.prepare(
    'SELECT entity, entity_id AS entityId, field, before, after FROM edits WHERE change_id = ?',
  );
  const page = {
    ofLine: db.prepare('SELECT page_id FROM lines WHERE id = ?'),
    ofWord: db.prepare('SELECT l.page_id FROM words w JOIN lines l ON l.id = w.line_id WHERE w.id = ?'),
    ofRegion: db.prepare('SELECT page_id FROM regions WHERE id = ?'),
    ofPhoto: db.prepare('SELECT r.page_id FROM photos p JOIN regions r ON r.id = p.region_id WHERE p.id = ?'),
    ofArticle: db.prepare(
      'SELECT DISTINCT r.page_id FROM article_parts ap JOIN regions r ON r.id = ap.region_id WHERE ap.article_id = ?',
    ),
  };
  const pagesOf: Record<Entity, (e: Edit) => number[]> = {
    page: (e) => [e.entityId],
    line: (e) => ids(page.ofLine, e.entityId),
    word: (e) => ids(page.ofWord, e.entityId),
    region: (e) => [...ids(page.ofRegion, e.entityId), ...[e.before, e.after].flatMap(snapshotPage)],
    photo: (e) => ids(page.ofPhoto, e.entityId),
    article: (e) => [
      ...ids(page.ofArticle, e.entityId),
      ...(e.field === 'parts'
        ? [e.before, e.after].flatMap(partRegionIds).flatMap((r) => ids(page.ofRegion, r))
        : []),
    ],
  };
  const pages = new Set<number>();
  const entities = new Set<Entity>();
  const lines = new Set<number>();
  for (const changeId of changeIds)
    for (const e of edits.all(changeId) as Edit[]) {
      const reached = pagesOf[e.entity](e);
      // An article with no part left and none before (a field of an empty one) is on no page.
      if (reached.length === 0 && e.entity !== 'article') return null;
      for (const p of reached) pages.add(p);
      entities.add(e.entity);
      if (e.entity === 'line') lines.add(e.entityId);
    }
  return { pages: [...pages], entities: [...entities], lines: [...lines] };
}

const ids = (statement: Statement, id: number) => statement.pluck().all(id) as number[];

/** A region's snapshot names its page (a deleted region is found by it). */
function snapshotPage(json: string | null): number[] {
  if (json === null) return [];
  try {
    const value = JSON.parse(json) as { page_id?: unknown } | null;
    return typeof value?.page_id === 'number' ? [value.page_id] : [];
  } catch {
    return [];
  }
}

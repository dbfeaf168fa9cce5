// Which pages a request means (some pages, an issue, a title, everything), and what a title,
// issue or page remembers for reading it: its OCR language and engine, kept in a column of each
// and, archive-wide, in settings. A page's own choice wins over its issue's, then its title's.

import type { ReadableDB, WritableDB } from './db-handles.ts';

export type PageScope = { pages: number[] } | { issue: number } | { title: number } | { all: true };

/** The scope's page ids in reading order of the collection; for `pages`, the known ones among them. */
export function pageIdsInScope(db: ReadableDB, scope: PageScope): number[] {
  if ('pages' in scope) {
    const known = new Set(db.prepare('SELECT id FROM pages').pluck().all() as number[]);
    return scope.pages.filter((id) => known.has(id));
  }
  if ('issue' in scope)
    return db
      .prepare('SELECT id FROM pages WHERE issue_id = ? ORDER BY sequence, id')
      .pluck()
      .all(scope.issue) as number[];
  const order = 'ORDER BY i.title_id, i.issue_date, p.sequence, p.id';
  if ('title' in scope)
    return db
      .prepare(`SELECT p.id FROM pages p JOIN issues i ON i.id = p.issue_id WHERE i.title_id = ? ${order}`)
      .pluck()
      .all(scope.title) as number[];
  return db
    .prepare(`SELECT p.id FROM pages p JOIN issues i ON i.id = p.issue_id ${order}`)
    .pluck()
    .all() as number[];
}

/** The pages of these issues. */
export function pageIdsOfIssues(db: ReadableDB, issueIds: readonly number[]): number[] {
  if (issueIds.length === 0) return [];
  return db
    .prepare(
      `SELECT id FROM pages WHERE issue_id IN (${issueIds.map(() => '?').join(',')}) ORDER BY issue_id, sequence, id`,
    )
    .pluck()
    .all(...issueIds) as number[];
}

/** What is remembered, by its column and its archive-wide setting. */
const REMEMBERED = {
  language: { column: 'language', setting: 'ocr.language' },
  engine: { column: 'ocr_engine', setting: 'ocr.engine' },
} as const;
export type Remembered = keyof typeof REMEMBERED;

/** Remembers a choice for the scope; null forgets it, so the scope takes its issue's, title's or archive's. */
export function rememberForScope(
  db: WritableDB,
  scope: PageScope,
  what: Remembered,
  value: string | null,
): void {
  const { column, setting } = REMEMBERED[what];
  if ('all' in scope && value === null) {
    db.prepare('DELETE FROM settings WHERE key = ?').run(setting);
    return;
  }
  if ('pages' in scope) {
    const update = db.prepare(`UPDATE pages SET ${column} = ? WHERE id = ?`);
    for (const id of scope.pages) update.run(value, id);
  } else if ('issue' in scope)
    db.prepare(`UPDATE issues SET ${column} = ? WHERE id = ?`).run(value, scope.issue);
  else if ('title' in scope)
    db.prepare(`UPDATE titles SET ${column} = ? WHERE id = ?`).run(value, scope.title);
  else
    db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(setting, value);
}

/**
 * The page's remembered choice: its own, its issue's or its title's, then (with `archiveWide`)
 * the archive's. Null when none.
 */
export function rememberedForPage(
  db: ReadableDB,
  pageId: number,
  what: Remembered,
  options: { archiveWide: boolean } = { archiveWide: true },
): string | null {
  const { column, setting } = REMEMBERED[what];
  const archiveWide = options.archiveWide ? `, (SELECT value FROM settings WHERE key = '${setting}')` : '';
  return (
    (db
      .prepare(
        `SELECT COALESCE(p.${column}, i.${column}, t.${column}${archiveWide}) FROM pages p
         JOIN issues i ON i.id = p.issue_id JOIN titles t ON t.id = i.title_id WHERE p.id = ?`,
      )
      .pluck()
      .get(pageId) as string | null | undefined) ?? null
  );
}

/** Whether the title or issue a scope names is in the archive (pages and everything: always). */
export function scopeExists(db: ReadableDB, scope: PageScope): boolean {
  if ('title' in scope) return db.prepare('SELECT 1 FROM titles WHERE id = ?').get(scope.title) !== undefined;
  if ('issue' in scope) return db.prepare('SELECT 1 FROM issues WHERE id = ?').get(scope.issue) !== undefined;
  return true;
}

/** One scope's own remembered choices (null: it takes them from above). */
export interface RememberedChoices {
  language: string | null;
  engine: string | null;
}

/** What every title and issue, and the archive, remember for reading: the library's view of it. */
export function rememberedByScope(db: ReadableDB): {
  archive: RememberedChoices;
  titles: ({ id: number } & RememberedChoices)[];
  issues: ({ id: number; titleId: number } & RememberedChoices)[];
} {
  const setting = (key: string) =>
    (db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  return {
    archive: {
      language: setting(REMEMBERED.language.setting),
      engine: setting(REMEMBERED.engine.setting),
    },
    titles: db.prepare('SELECT id, language, ocr_engine AS engine FROM titles ORDER BY id').all() as ({
      id: number;
    } & RememberedChoices)[],
    issues: db
      .prepare('SELECT id, title_id AS titleId, language, ocr_engine AS engine FROM issues ORDER BY id')
      .all() as ({ id: number; titleId: number } & RememberedChoices)[],
  };
}

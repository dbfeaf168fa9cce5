// Choosing pages to read and queueing them: the scope (pages, an issue, everything), the
// language remembered per title, issue or page, and which pages already have text.

import type { WritableDB } from '../archive/db-handles.ts';
import type { Archive } from '../archive/archive.ts';
import { BackfileError } from '../../shared/errors.ts';
import { localUser } from '../archive/local-user.ts';
import { describeReReadImpact, reReadImpact } from './re-read.ts';
import { enqueueJobs } from '../jobs/job-queue.ts';
import { OCR_JOB, type OcrJobPayload } from '../jobs/ocr-runner.ts';
import { DEFAULT_LANGUAGES } from './language-data.ts';
import { ENGINE_NAMES, chooseEngine, type EngineChoice, type EngineName } from './engines.ts';

export type PageScope = { pages: number[] } | { issue: number } | { title: number } | { all: true };

export function pagesInScope(db: WritableDB, scope: PageScope): number[] {
  if ('pages' in scope) {
    const known = new Set(db.prepare('SELECT id FROM pages').pluck().all() as number[]);
    const missing = scope.pages.filter((id) => !known.has(id));
    if (missing.length > 0)
      throw new BackfileError('not-found', `No page with id ${missing.join(', ')} in the archive.`);
    return scope.pages;
  }
  if ('issue' in scope) {
    const ids = db
      .prepare('SELECT id FROM pages WHERE issue_id = ? ORDER BY sequence, id')
      .pluck()
      .all(scope.issue) as number[];
    if (ids.length === 0)
      throw new BackfileError('not-found', `Issue ${scope.issue} has no pages (or does not exist).`);
    return ids;
  }
  if ('title' in scope) {
    return db
      .prepare(
        'SELECT p.id FROM pages p JOIN issues i ON i.id = p.issue_id WHERE i.title_id = ? ORDER BY i.issue_date, p.sequence, p.id',
      )
      .pluck()
      .all(scope.title) as number[];
  }
  return db
    .prepare(
      'SELECT p.id FROM pages p JOIN issues i ON i.id = p.issue_id ORDER BY i.title_id, i.issue_date, p.sequence, p.id',
    )
    .pluck()
    .all() as number[];
}

/** What a title, issue or page remembers for OCR: its column, and the archive-wide setting. */
const REMEMBERED = {
  language: { column: 'language', setting: 'ocr.language' },
  engine: { column: 'ocr_engine', setting: 'ocr.engine' },
} as const;

function rememberForScope(
  db: WritableDB,
  scope: PageScope,
  what: keyof typeof REMEMBERED,
  value: string,
): void {
  const { column, setting } = REMEMBERED[what];
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

/** Remembers a language for the scope, so later runs on it use the same one. */
export function rememberLanguage(db: WritableDB, scope: PageScope, languages: string): void {
  rememberForScope(db, scope, 'language', languages);
}

export function languageForPage(db: WritableDB, pageId: number): string {
  const row = db
    .prepare(
      `SELECT COALESCE(p.language, i.language, t.language, (SELECT value FROM settings WHERE key = 'ocr.language'), ?) AS language
       FROM pages p JOIN issues i ON i.id = p.issue_id JOIN titles t ON t.id = i.title_id WHERE p.id = ?`,
    )
    .get(DEFAULT_LANGUAGES, pageId) as { language: string } | undefined;
  return row?.language ?? DEFAULT_LANGUAGES;
}

/** Remembers an engine choice for the scope, as rememberLanguage does for languages. */
export function rememberEngine(db: WritableDB, scope: PageScope, engine: EngineChoice): void {
  rememberForScope(db, scope, 'engine', engine);
}

/** The engine for a page: the page's, its issue's, its title's or the archive's choice, else by script and resolution. */
export function engineForPage(db: WritableDB, pageId: number, languages: string): EngineName {
  const row = db
    .prepare(
      `SELECT COALESCE(p.ocr_engine, i.ocr_engine, t.ocr_engine, (SELECT value FROM settings WHERE key = 'ocr.engine'), 'auto') AS choice,
         p.dpi, p.width
       FROM pages p JOIN issues i ON i.id = p.issue_id JOIN titles t ON t.id = i.title_id WHERE p.id = ?`,
    )
    .get(pageId) as { choice: string; dpi: number | null; width: number } | undefined;
  if (!row) return 'tesseract';
  return row.choice !== 'auto' && (ENGINE_NAMES as readonly string[]).includes(row.choice)
    ? (row.choice as EngineName)
    : chooseEngine(languages, row);
}

export interface QueueOcrOptions {
  scope: PageScope;
  languages?: string;
  /** The engine to use from now on for the scope ('auto': by script). */
  engine?: EngineChoice;
  /** Read pages again that already have text (a PDF text layer, earlier OCR); corrections stay. */
  force?: boolean;
  /** The user was told what a re-read does to the pages with human work (reReadImpact) and
   * agreed. Without it, a forced re-read of such pages is refused with what it would do. */
  confirmed?: boolean;
  deskew?: boolean;
  binarise?: boolean;
}

export interface QueuedOcr {
  queued: number[];
  skipped: { pageId: number; reason: string }[];
  /** What the re-read does to pages with human work, one sentence a page. */
  warnings: string[];
}

export function queueOcr(archive: Archive, options: QueueOcrOptions): QueuedOcr {
  const db = archive.db;
  const pageIds = pagesInScope(db, options.scope);
  if (options.languages) rememberLanguage(db, options.scope, options.languages);
  if (options.engine) rememberEngine(db, options.scope, options.engine);
  const textSource = db.prepare('SELECT text_source FROM pages WHERE id = ?').pluck();
  const skipped: QueuedOcr['skipped'] = [];
  // Pages grouped by what reads them: one payload per engine and languages.
  const groups = new Map<string, { engine: EngineName; languages: string; ids: number[] }>();
  for (const id of pageIds) {
    const source = textSource.get(id) as string | null;
    if (source && !options.force) {
      skipped.push({
        pageId: id,
        reason: source === 'pdf' ? 'has a PDF text layer' : `already has ${source} text`,
      });
      continue;
    }
    const languages = languageForPage(db, id);
    const engine = engineForPage(db, id, languages);
    const key = `${engine} ${languages}`;
    const group = groups.get(key) ?? { engine, languages, ids: [] };
    group.ids.push(id);
    groups.set(key, group);
  }
  const impact = reReadImpact(
    db,
    [...groups.values()].flatMap((g) => g.ids),
  );
  const warnings = describeReReadImpact(impact);
  if (impact.length > 0 && !options.confirmed)
    throw new BackfileError(
      'needs-confirmation',
      `Reading these pages again changes work people have done on them: ${warnings.join(' ')}`,
    );
  const queued: number[] = [];
  for (const { engine, languages, ids } of groups.values()) {
    const payload: OcrJobPayload = {
      engine,
      languages,
      deskew: options.deskew ?? true,
      binarise: options.binarise ?? false,
      user: localUser(db),
    };
    queued.push(...enqueueJobs(db, OCR_JOB, ids, payload));
  }
  return { queued, skipped, warnings };
}

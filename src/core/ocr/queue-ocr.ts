// Choosing pages to read and queueing them: the scope (pages, an issue, everything), the
// language remembered per title, issue or page, and which pages already have text.

import type { ReadableDB, WritableDB } from '../archive/db-handles.ts';
import { mainTextSource } from '../archive/page-text.ts';
import type { Archive } from '../archive/archive.ts';
import { BackfileError } from '../../shared/errors.ts';
import { localUser } from '../archive/local-user.ts';
import { getPage } from '../archive/pages.ts';
import {
  pageIdsInScope,
  rememberForScope,
  rememberedForPage,
  type PageScope,
} from '../archive/page-scope.ts';
import { describeReReadImpact, reReadImpact } from './re-read.ts';
import { enqueueJobs } from '../archive/job-queue.ts';
import { OCR_JOB, type OcrJobPayload } from '../jobs/ocr-runner.ts';
import { AUTO_LANGUAGES, DEFAULT_LANGUAGES } from './language-data.ts';
import { ENGINE_NAMES, chooseEngine, type EngineChoice, type EngineName } from './engines.ts';

export type { PageScope };

export function pagesInScope(db: WritableDB, scope: PageScope): number[] {
  const ids = pageIdsInScope(db, scope);
  if ('pages' in scope) {
    const known = new Set(ids);
    const missing = scope.pages.filter((id) => !known.has(id));
    if (missing.length > 0)
      throw new BackfileError('not-found', `No page with id ${missing.join(', ')} in the archive.`);
  }
  if ('issue' in scope && ids.length === 0)
    throw new BackfileError('not-found', `Issue ${scope.issue} has no pages (or does not exist).`);
  return ids;
}

/** Remembers a language for the scope, so later runs on it use the same one. */
export function rememberLanguage(db: WritableDB, scope: PageScope, languages: string): void {
  rememberForScope(db, scope, 'language', languages);
}

export function languageForPage(db: ReadableDB, pageId: number): string {
  return rememberedForPage(db, pageId, 'language') ?? DEFAULT_LANGUAGES;
}

/**
 * A page's language setting (remembered for it, its issue or title, else auto) and what its text
 * was in fact read with, engine and model ("tesseract.js frk 4.0.0_best_int"): auto's choice.
 */
export function pageReading(db: ReadableDB, pageId: number): { language: string; readWith: string | null } {
  const read = mainTextSource(db, pageId);
  return {
    language: languageForPage(db, pageId),
    readWith: read && read.kind === 'ocr' ? `${read.engine} ${read.model}` : null,
  };
}

/** Remembers an engine choice for the scope, as rememberLanguage does for languages. */
export function rememberEngine(db: WritableDB, scope: PageScope, engine: EngineChoice): void {
  rememberForScope(db, scope, 'engine', engine);
}

/**
 * The engine for a page: the page's, its issue's, its title's or the archive's choice, else by
 * script and resolution; 'auto' while the script is still to be found (the reading decides).
 */
export function engineForPage(db: WritableDB, pageId: number, languages: string): EngineChoice {
  const page = getPage(db, pageId);
  if (!page) return 'tesseract';
  const choice = rememberedForPage(db, pageId, 'engine') ?? 'auto';
  if (choice !== 'auto' && (ENGINE_NAMES as readonly string[]).includes(choice)) return choice as EngineName;
  return languages === AUTO_LANGUAGES ? 'auto' : chooseEngine(languages, page);
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
  const skipped: QueuedOcr['skipped'] = [];
  // Pages grouped by what reads them: one payload per engine and languages.
  const groups = new Map<string, { engine: EngineChoice; languages: string; ids: number[] }>();
  for (const id of pageIds) {
    const source = getPage(db, id)!.textSource;
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

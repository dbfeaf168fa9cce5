// Choosing how a title or an issue is read, before any page of it is: its OCR engine and language,
// remembered for its pages that have no choice of their own, or forgotten (null) so it takes
// its title's or the archive's again. Reading is not started here; "Read" does that.

import type { ReadableDB, WritableDB } from '../archive/db-handles.ts';
import { rememberForScope, rememberedByScope, scopeExists } from '../archive/page-scope.ts';
import { BackfileError } from '../../shared/errors.ts';
import type { EngineChoice, ReadingChoices } from '../../shared/ocr.ts';

export type ReadingScope = { titleId: number } | { issueId: number };

export interface ReadingChange {
  /** Absent: left as it is; null: forgotten. */
  engine?: EngineChoice | null;
  languages?: string | null;
}

export function readingChoices(db: ReadableDB): ReadingChoices {
  return rememberedByScope(db);
}

export function chooseReading(db: WritableDB, scope: ReadingScope, change: ReadingChange): void {
  const pageScope = 'titleId' in scope ? { title: scope.titleId } : { issue: scope.issueId };
  db.transaction(() => {
    if (!scopeExists(db, pageScope))
      throw new BackfileError(
        'not-found',
        'titleId' in scope
          ? `No title with id ${scope.titleId} in the archive.`
          : `No issue with id ${scope.issueId} in the archive.`,
      );
    if (change.engine !== undefined) rememberForScope(db, pageScope, 'engine', change.engine);
    if (change.languages !== undefined) rememberForScope(db, pageScope, 'language', change.languages);
  })();
}

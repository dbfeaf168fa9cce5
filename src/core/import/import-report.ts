// An import's outcome as the UI shows it: counts, and each failed file with its reason, which
// begins with the file's name.

import path from 'node:path';
import type { ImportReport } from '../../shared/api/contract.ts';
import type { ImportSummary } from './importer.ts';

export function toImportReport(summary: ImportSummary): ImportReport {
  return {
    imported: summary.imported,
    duplicates: summary.duplicates,
    failed: summary.failed,
    pages: summary.pages,
    failures: summary.files
      .filter((f) => f.outcome === 'failed')
      .map((f) => {
        const name = path.basename(f.path);
        // The app shows the file by its name: a browser's files arrive under a temporary path
        // the reader never gave, and a folder's whole path says nothing the name does not.
        const message = (f.error?.message ?? 'failed').split(f.path).join(name);
        return {
          name,
          code: f.error?.code ?? 'internal',
          message: message.startsWith(name) ? message : `${name}: ${message}`,
        };
      }),
  };
}

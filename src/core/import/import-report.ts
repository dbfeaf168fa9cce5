// An import's outcome as the UI shows it: counts, and each failed file with its reason.

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
      .map((f) => ({
        name: path.basename(f.path),
        code: f.error?.code ?? 'internal',
        message: f.error?.message ?? 'failed',
      })),
  };
}

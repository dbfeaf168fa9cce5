// What reading a page again does to the work people did on it: the one rule for the page's
// review step after a re-read, used by the core when it reads (ocr/re-read.ts) and by everything
// that tells a person beforehand (the CLI's warning, the app's question), so what is said is what
// happens.

import { PAGE_STATUSES, type PageStatus } from './model.ts';

/** A page whose re-read touches human work, and how (core/ocr/re-read.ts reReadImpact). */
export interface ReReadImpact {
  pageId: number;
  status: string;
  correctedLines: number;
  articles: number;
}

/**
 * The step a page goes back to when it is read again: to correction while it keeps corrected
 * lines, else to "OCR read"; null when it is not past that step already.
 */
export function pageStatusAfterReRead(status: string, correctedLines: number): PageStatus | null {
  const target: PageStatus = correctedLines > 0 ? 'in_correction' : 'ocr';
  const past = PAGE_STATUSES.indexOf(status as PageStatus) > PAGE_STATUSES.indexOf(target);
  return status === 'imported' || past ? target : null;
}

// Plain text per page, in reading order: each block's wrapped lines joined into paragraphs,
// blocks separated by a blank line. Enough to check OCR from the command line; the other
// formats have their own writers.

import type { Block } from '../../shared/model.ts';
import { linesToParagraphs } from '../../shared/text/paragraphs.ts';

export function pageToPlainText(blocks: readonly Block[]): string {
  const parts = blocks.map((block) => linesToParagraphs(block.lines).join('\n')).filter(Boolean);
  return parts.length > 0 ? parts.join('\n\n') + '\n' : '';
}

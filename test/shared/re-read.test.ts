// The one rule for a page's review step after it is read again, which the core follows when it
// reads and the app and the CLI state beforehand: back to correction while corrected lines stay,
// else back to "OCR read"; nothing for a page not past that step; an imported page moves on.

import { describe, expect, it } from 'vitest';
import { pageStatusAfterReRead } from '../../src/shared/re-read.ts';

describe('a page’s step after a re-read', () => {
  it('goes back to correction while it keeps corrected lines', () => {
    for (const status of ['corrected', 'reviewed', 'approved'])
      expect(pageStatusAfterReRead(status, 3)).toBe('in_correction');
    expect(pageStatusAfterReRead('in_correction', 3)).toBeNull();
    expect(pageStatusAfterReRead('ocr', 3)).toBeNull();
  });

  it('goes back to "OCR read" when no corrected line stays, from correction too', () => {
    for (const status of ['in_correction', 'corrected', 'reviewed', 'approved'])
      expect(pageStatusAfterReRead(status, 0)).toBe('ocr');
    expect(pageStatusAfterReRead('ocr', 0)).toBeNull();
    expect(pageStatusAfterReRead('imported', 0)).toBe('ocr');
  });
});

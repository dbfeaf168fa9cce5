// The layout on real pages: the four NZZ front pages (1800–1943, German, Fraktur and Antiqua,
// ruled columns, a map, a scanner's dark margin) with ground truth made by people. Their lines
// go through the layout with the regions thrown away; the reading order must come out as the
// people who made the ground truth read the page. The bounds are the layout issue's bar for a
// real page (ordered CER ≤ 10 %) and a line order that keeps nearly every pair of lines that
// follow one another in a region. These pages showed the faults fixed in decision 009 (42 %
// ordered CER before), so they are development pages now; the made-up Latin pages of
// analyse.test.ts check the same rules on pages nobody looked at.

import { describe, expect, it } from 'vitest';
import { nzzPages, scoreRealLayout } from '../../bench/lib/real-layout.ts';

describe('reading order on real pages (NZZ, PAGE ground truth)', () => {
  it.each(nzzPages().map((f) => [f.split('/').at(-1)!, f]))(
    '%s reads in the order of its ground truth',
    async (_, file) => {
      const score = await scoreRealLayout(file);
      expect(score.cer).toBeLessThanOrEqual(0.1);
      expect(score.kept / score.pairs).toBeGreaterThanOrEqual(0.95);
    },
    120_000,
  );
});

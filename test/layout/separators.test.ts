// Rules and photos found in a page's ink, as a scan gives them: rules a little turned (under
// the deskew threshold), thick-and-thin double rules, and a scanner's dark margin beside the
// paper. Each grid is drawn here, cell by cell, so what is there is known exactly.

import { describe, expect, it } from 'vitest';
import { findRules, ruleAt, type InkGrid } from '../../src/core/layout/separators.ts';
import { findPhotos } from '../../src/core/layout/photos.ts';

const BODY = 36; // a body line, in page pixels; the grid's cell is 3 pixels (100 per inch at 300 dpi)
const CELL = 3;

function grid(
  width: number,
  height: number,
): InkGrid & { fill(x0: number, y0: number, x1: number, y1: number): void } {
  const ink = new Uint8Array(width * height);
  return {
    width,
    height,
    ink,
    cell: CELL,
    fill(x0, y0, x1, y1) {
      for (let y = Math.max(0, y0); y < Math.min(height, y1); y++)
        for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) ink[y * width + x] = 1;
    },
  };
}

describe('printed rules', () => {
  it('finds a page-wide rule turned by a tenth of a degree as one rule, and where it runs at each end', () => {
    const g = grid(1200, 400);
    // 3 cells thick, dropping 2 cells from end to end (0.1° over 1,100 cells).
    for (let x = 50; x < 1150; x++) {
      const y = 200 + Math.floor(((x - 50) * 2) / 1100);
      g.fill(x, y, x + 1, y + 3);
    }
    const rules = findRules(g, BODY).filter((r) => r.axis === 'h');
    expect(rules).toHaveLength(1);
    const rule = rules[0]!;
    expect(rule.to - rule.from).toBeGreaterThan(1000 * CELL);
    // Where it runs at each end: within a cell of the drawn rule's middle there.
    expect(Math.abs(ruleAt(rule, 60 * CELL) - 201.5 * CELL)).toBeLessThan(CELL);
    expect(Math.abs(ruleAt(rule, 1140 * CELL) - 203.5 * CELL)).toBeLessThan(CELL);
  });

  it('takes a straight rule two cells wide, its halves of unequal length, for a straight rule', () => {
    const g = grid(300, 1600);
    g.fill(100, 50, 101, 1550);
    g.fill(101, 52, 102, 1549);
    const rules = findRules(g, BODY).filter((r) => r.axis === 'v');
    expect(rules).toHaveLength(1);
    // No drift: at both ends the rule stands where it was drawn.
    for (const s of [60 * CELL, 1540 * CELL])
      expect(Math.abs(ruleAt(rules[0]!, s) - 101 * CELL)).toBeLessThan(CELL);
  });

  it('finds a thick-and-thin double rule, and not a block of ink as thick as a line of text', () => {
    const g = grid(1000, 600);
    // Thick and thin run together at scan resolution: 5 cells (15 px, 0.42 of a body line).
    g.fill(50, 100, 950, 104);
    g.fill(50, 104, 950, 105);
    g.fill(50, 400, 950, 414); // 14 cells (42 px): thicker than a body line
    const rules = findRules(g, BODY).filter((r) => r.axis === 'h');
    expect(rules).toHaveLength(1);
    expect(rules[0]!.at / CELL).toBeCloseTo(102.5, 5);
  });
});

describe('photos', () => {
  it('keeps a photo on the page, not the dark margin a scanner leaves along its edge', () => {
    const g = grid(800, 1100);
    g.fill(730, 0, 800, 1100); // the scanner's margin: the whole right edge, 70 cells wide
    g.fill(100, 200, 400, 450); // a photo
    const photos = findPhotos(g, BODY);
    expect(photos).toEqual([{ x0: 100 * CELL, y0: 200 * CELL, x1: 400 * CELL, y1: 450 * CELL }]);
  });
});

// How the pieces the text detector finds on a vertical page become its columns and its lines set
// across: the geometry alone, on boxes laid out as a tiered page lays them.

import { describe, expect, it } from 'vitest';
import type { Box } from '../../src/shared/geometry.ts';
import { joinPieces } from '../../src/core/ocr/ppocr/detect.ts';
import { headlineEnds } from '../../src/core/ocr/vertical-reading.ts';

const piece = (box: Box) => ({ box, score: 0.9 });

describe('the pieces of a vertical page', () => {
  it('joins the pieces of a column, but not across the rule between two tiers', () => {
    // One column parted at a comma, and under the tier rule (y = 1829) a column set 12 px aside.
    const found = [
      piece({ x0: 1398, y0: 652, x1: 1453, y1: 1000 }),
      piece({ x0: 1398, y0: 1010, x1: 1453, y1: 1796 }),
      piece({ x0: 1410, y0: 1850, x1: 1465, y1: 3371 }),
    ];
    expect(joinPieces(found, 'down')).toHaveLength(1);
    const rule = (upper: Box, lower: Box) => upper.y1 <= 1829 && lower.y0 >= 1829;
    const columns = joinPieces(found, 'down', rule).map((d) => d.box);
    expect(columns).toHaveLength(2);
    expect(columns[0]).toEqual({ x0: 1398, y0: 652, x1: 1453, y1: 1796 });
    expect(columns[1]!.x0).toBe(1410);
  });

  it("takes a headline's last character, alone on its line, for a line set across", () => {
    const lines = [
      { x0: 1202, y0: 252, x1: 1751, y1: 340 },
      { x0: 1209, y0: 353, x1: 1748, y1: 428 },
      { x0: 1209, y0: 446, x1: 1747, y1: 524 },
    ];
    const last = { x0: 1390, y0: 541, x1: 1461, y1: 615 };
    // A column of body type starting under the headline, and its first character parted at a comma.
    const column = { x0: 1398, y0: 652, x1: 1453, y1: 1796 };
    const first = { x0: 1515, y0: 560, x1: 1566, y1: 610 };
    // A column's first two characters, parted from it, as tall as a headline line but narrower.
    const two = { x0: 1113, y0: 545, x1: 1158, y1: 615 };
    const ends = headlineEnds(lines, [last, column, first, two]);
    expect([...ends]).toEqual([last]);
  });
});

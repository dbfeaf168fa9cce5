// Cutting a vertical column on its type grid, on ink profiles made row by row.

import { describe, expect, it } from 'vitest';
import { cellsOnGrid, typePitch } from '../../src/core/ocr/ppocr/column-grid.ts';

/** A column's rows: `inked` spans [y0, y1) inked across `share` of the column. */
function profile(rows: number, inked: [number, number, number?][]): number[] {
  const ink = new Array<number>(rows).fill(0);
  for (const [y0, y1, share] of inked) for (let y = y0; y < y1; y++) ink[y] = share ?? 0.5;
  return ink;
}

describe('the type grid of a column', () => {
  it('measures the pitch from one whole glyph to the next', () => {
    const cells = [0, 40, 80, 120, 160].map((y) => ({ y0: y + 2, y1: y + 38 }));
    expect(typePitch(cells, 36)).toBe(40);
    expect(typePitch(cells.slice(0, 3), 36)).toBeNull();
  });

  it('gives two short marks in neighbouring bodies a cell each', () => {
    // Bodies 40 rows tall: a glyph, a mark at the foot of its body (﹁), the bar of 一 in the
    // middle of the next, a glyph. Mark and bar stand closer than a pitch.
    const ink = profile(160, [
      [2, 38],
      [70, 79],
      [98, 101, 0.9],
      [122, 158],
    ]);
    expect(cellsOnGrid(ink, 40)).toEqual([
      { y0: 2, y1: 38 },
      { y0: 70, y1: 79 },
      { y0: 98, y1: 101 },
      { y0: 122, y1: 158 },
    ]);
  });

  it('keeps a glyph whose top stands apart in one cell, and cuts type set solid at its pitch', () => {
    // 交: its top (rows 42–47) apart from the rest (51–78); then three glyphs with no white between.
    const ink = profile(200, [
      [2, 38],
      [42, 47],
      [51, 78],
      [80, 200, 0.4],
    ]);
    const cells = cellsOnGrid(ink, 40);
    expect(cells.slice(0, 2)).toEqual([
      { y0: 2, y1: 38 },
      { y0: 42, y1: 78 },
    ]);
    expect(cells).toHaveLength(5);
  });
});

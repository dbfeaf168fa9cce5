// Reading order from line boxes, on synthetic layouts with exact expectations: columns whose
// paragraph breaks line up, a headline over its columns, two articles side by side, a sidebar.

import { describe, expect, it } from 'vitest';
import { readingOrder } from '../../src/core/layout/reading-order.ts';

interface L {
  id: string;
  box: { x0: number; y0: number; x1: number; y1: number };
}

/** A column of `n` body lines (height 16, pitch 22) at x, from y; a blank line where asked. */
function column(name: string, x: number, y: number, n: number, breaks: number[] = [], width = 160): L[] {
  const lines: L[] = [];
  let top = y;
  for (let i = 0; i < n; i++) {
    if (breaks.includes(i)) top += 22;
    lines.push({ id: `${name}${i}`, box: { x0: x, y0: top, x1: x + width, y1: top + 16 } });
    top += 22;
  }
  return lines;
}
const headline = (id: string, x0: number, x1: number, y: number): L => ({
  id,
  box: { x0, y0: y, x1, y1: y + 40 },
});
const ids = (lines: L[]) => readingOrder(lines).flatMap((b) => b.lines.map((l) => l.id));

describe('reading order', () => {
  it('reads column by column even where paragraph breaks line up across the columns', () => {
    const a = column('a', 0, 100, 10, [5]);
    const b = column('b', 180, 100, 10, [5]);
    const c = column('c', 360, 100, 10, [5]);
    expect(ids([...c, ...a, ...b])).toEqual([...a, ...b, ...c].map((l) => l.id));
  });

  it('reads a headline first, then the columns it spans', () => {
    const h = headline('h', 0, 520, 40);
    const a = column('a', 0, 90, 6);
    const b = column('b', 180, 90, 6);
    const c = column('c', 360, 90, 6);
    expect(ids([...b, h, ...c, ...a])).toEqual(
      ['h', ...a, ...b, ...c].map((l) => (typeof l === 'string' ? l : l.id)),
    );
  });

  it('reads two articles side by side one after the other, each headline before its body', () => {
    const h1 = headline('h1', 0, 340, 40);
    const left = [...column('a', 0, 90, 8), ...column('b', 180, 90, 8)];
    const h2 = headline('h2', 400, 740, 40);
    const right = [...column('c', 400, 90, 8), ...column('d', 580, 90, 8)];
    expect(ids([h2, ...right, h1, ...left])).toEqual([
      'h1',
      ...left.map((l) => l.id),
      'h2',
      ...right.map((l) => l.id),
    ]);
  });

  it('reads the main area before a sidebar that runs the height of the page, and stacked articles top to bottom', () => {
    const top = [...column('a', 0, 100, 6), ...column('b', 180, 100, 6)];
    const below = [headline('h2', 0, 340, 300), ...column('c', 0, 360, 5), ...column('d', 180, 360, 5)];
    const sidebar = column('s', 420, 100, 20);
    expect(ids([...sidebar, ...below, ...top])).toEqual([...top, ...below, ...sidebar].map((l) => l.id));
  });

  it('does not let a headline take the first line of the column under it', () => {
    const h = { id: 'h', box: { x0: 0, y0: 80, x1: 300, y1: 98 } };
    const a = column('a', 0, 104, 4);
    const blocks = readingOrder([h, ...a]);
    expect(blocks.map((b) => b.lines.map((l) => l.id))).toEqual([['h'], a.map((l) => l.id)]);
  });
});

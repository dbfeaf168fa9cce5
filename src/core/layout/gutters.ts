// Column gutters of an article frame, from the page image: the vertical bands of paper
// between columns. Pure. In the frame's body (headlines and photos left out, since they
// span columns), a gutter is a band at least a third of a body line wide in which nearly
// every row is paper. The spacing between characters also lines up in justified Chinese
// columns, but it is a fraction of that width. Read from the ink, not from lines, so a line an
// engine ran across a gutter cannot hide it.

import type { Box } from '../../shared/geometry.ts';
import type { InkGrid } from './separators.ts';

/** x-ranges (page pixels) of the columns of `frame`, left to right. */
export function columnsOf(
  grid: InkGrid,
  frame: Box,
  exclude: readonly Box[],
  body: number,
): [number, number][] {
  const c = grid.cell;
  const gx0 = Math.max(0, Math.floor(frame.x0 / c));
  const gx1 = Math.min(grid.width, Math.ceil(frame.x1 / c));
  const gy0 = Math.max(0, Math.floor(frame.y0 / c));
  const gy1 = Math.min(grid.height, Math.ceil(frame.y1 / c));
  const rows: number[] = [];
  for (let y = gy0; y < gy1; y++) {
    const py = (y + 0.5) * c;
    // Rows crossing a headline or photo show no gutter; leave them out.
    if (!exclude.some((b) => b.y0 <= py && py <= b.y1 && b.x1 > frame.x0 && b.x0 < frame.x1)) rows.push(y);
  }
  if (rows.length < (4 * body) / c || gx1 <= gx0) return [[frame.x0, frame.x1]];
  const inkRows = new Uint32Array(gx1 - gx0);
  let inkAnywhere = 0;
  for (const y of rows) {
    let any = false;
    for (let x = gx0; x < gx1; x++)
      if (grid.ink[y * grid.width + x]) {
        inkRows[x - gx0]!++;
        any = true;
      }
    if (any) inkAnywhere++;
  }
  // Paper in at least 97 % of the rows that hold text anywhere in the frame.
  const paper = (x: number) => inkRows[x]! <= 0.03 * inkAnywhere;
  const minWidth = Math.max(1, Math.round(body / 3 / c));
  const columns: [number, number][] = [];
  let start = 0;
  let x = 0;
  while (x < inkRows.length) {
    if (!paper(x)) {
      x++;
      continue;
    }
    let end = x;
    while (end < inkRows.length && paper(end)) end++;
    if (end - x >= minWidth && x > 0 && end < inkRows.length) {
      if ((x - start) * c >= 2 * body) columns.push([(gx0 + start) * c, (gx0 + x) * c]);
      start = end;
    }
    x = end;
  }
  if ((inkRows.length - start) * c >= 2 * body) columns.push([(gx0 + start) * c, gx1 * c]);
  return columns.length > 0 ? columns : [[frame.x0, frame.x1]];
}

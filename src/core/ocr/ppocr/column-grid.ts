// The cells of a vertical column, cut on its type's grid. Chinese type is set on a square body:
// every character, and every mark (、 。 ﹁ ﹂), takes one body down the column, so the cells
// follow one another at one pitch. Where the white between two bodies lies is what tells them
// apart: the top of 交 or 六, or a stroke of 三, stands apart from the rest of its glyph by a
// sliver of white, and a mark sits in a corner of its body with white beside it. Cutting at
// every white row and joining pieces while they stay within an em joins the wrong ones when a
// mark's white is short (﹁ then the top of 交 read as 二, and 父 for 交); cutting on the grid
// does not.

/** A cell's rows, [y0, y1) counted from the column's top. */
export interface CellRows {
  y0: number;
  y1: number;
}

/**
 * The column's pitch, from the cells a first cut found: the distance from one whole glyph's
 * top to the next one's, where two follow one another (the median, so that the few cells a
 * first cut got wrong do not move it). Null when the column has too few to tell.
 */
export function typePitch(cells: readonly CellRows[], em: number): number | null {
  const whole = (c: CellRows) => c.y1 - c.y0 >= 0.7 * em && c.y1 - c.y0 <= 1.12 * em;
  const steps: number[] = [];
  for (let i = 1; i < cells.length; i++) {
    const [a, b] = [cells[i - 1]!, cells[i]!];
    const step = b.y0 - a.y0;
    if (whole(a) && whole(b) && step < 1.6 * em) steps.push(step);
  }
  if (steps.length < 3) return null;
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)]!;
}

/**
 * The column cut into bodies one pitch tall, each cell the ink of one body. `ink[i]` is the share
 * of row i that is inked (0 for a white row). A cut costs nothing on a white row, and the share
 * of ink it goes through elsewhere (type set solid leaves no white row between bodies). Every
 * body costs the square of how far its height is from the pitch, in pitches, a white one too (a
 * space in the column is a body of white), so that two short marks never share one body. The
 * white before the column's first ink and after its last costs nothing, and the first and last
 * bodies may be short: the column's box starts and ends at ink, not at a body's edge.
 */
export function cellsOnGrid(ink: readonly number[], pitch: number): CellRows[] {
  const rows = ink.length;
  const longest = Math.ceil(1.6 * pitch);
  const inkedBefore = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) inkedBefore[i + 1] = inkedBefore[i]! + (ink[i]! > 0 ? 1 : 0);
  const cut = (j: number) => (j === 0 || j === rows ? 0 : Math.min(ink[j - 1]!, ink[j]!));
  const cost = new Float64Array(rows + 1).fill(Infinity);
  const from = new Int32Array(rows + 1).fill(-1);
  cost[0] = 0;
  const consider = (a: number, j: number, c: number) => {
    if (c < cost[j]!) {
      cost[j] = c;
      from[j] = a;
    }
  };
  for (let j = 1; j <= rows; j++) {
    if (inkedBefore[j] === 0) consider(j - 1, j, 0);
    for (let a = Math.max(0, j - longest); a < j; a++) {
      const length = j - a;
      const edge = (a === 0 || j === rows) && length < pitch;
      const off = edge ? 0 : (length - pitch) / pitch;
      consider(a, j, cost[a]! + off * off + cut(j));
    }
  }
  // The white after the last ink, however long.
  for (let a = rows - 1; a > 0 && inkedBefore[a] === inkedBefore[rows]; a--) consider(a, rows, cost[a]!);
  const cells: CellRows[] = [];
  for (let j = rows; j > 0; j = from[j]!) {
    const a = from[j]!;
    if (inkedBefore[j] === inkedBefore[a]) continue;
    let y0 = a;
    while (ink[y0] === 0) y0++;
    let y1 = j;
    while (ink[y1 - 1] === 0) y1--;
    cells.push({ y0, y1 });
  }
  return cells.reverse();
}

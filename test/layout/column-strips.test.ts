// What is read again after a page's first reading: only the columns on either side of a gutter
// a line of the first reading ran across, and only as far down as those lines. The rest of the
// frame keeps its first reading, no text is both kept and read again, and none is dropped
// without a strip to read it again.

import { describe, expect, it } from 'vitest';
import type { Box } from '../../src/shared/geometry.ts';
import { columnStrips } from '../../src/core/layout/reading-units.ts';
import type { LaidOutPage } from '../../src/core/layout/page-layout.ts';
import type { LayoutBlock } from '../../src/core/layout/analyse.ts';

const BODY = 40;
const CELL = 3;
const WIDTH = 4000;
const HEIGHT = 2400;
/** Four columns 800 px wide with gutters of 100 px (2.5 body lines). */
const COLUMNS: [number, number][] = [0, 1, 2, 3].map((k) => [100 + 900 * k, 900 + 900 * k]);

/** A frame's ink: a headline across the top, then body lines in every column. */
function ink() {
  const gw = Math.ceil(WIDTH / CELL);
  const gh = Math.ceil(HEIGHT / CELL);
  const cells = new Uint8Array(gw * gh);
  const fill = (b: Box) => {
    for (let y = Math.floor(b.y0 / CELL); y < Math.ceil(b.y1 / CELL); y++)
      cells.fill(1, y * gw + Math.floor(b.x0 / CELL), y * gw + Math.ceil(b.x1 / CELL));
  };
  fill({ x0: 100, y0: 100, x1: 3600, y1: 220 });
  for (const [x0, x1] of COLUMNS)
    for (let y = 300; y < 2300; y += 2 * BODY) fill({ x0, y0: y, x1, y1: y + BODY });
  return { width: gw, height: gh, ink: cells, cell: CELL };
}

/** A laid-out page of one frame: the headline, then the blocks given, one line each. */
function page(body: { role?: LayoutBlock['role']; box: Box }[]): LaidOutPage {
  const blocks: LayoutBlock[] = [
    { role: 'headline', box: { x0: 100, y0: 100, x1: 3600, y1: 220 }, lines: [0] },
    ...body.map((b, i) => ({ role: b.role ?? 'body', box: b.box, lines: [i + 1] })),
  ];
  return {
    layout: {
      blocks,
      header: [],
      articles: [blocks.map((_, i) => i)],
      order: blocks.map((_, i) => i),
      frames: [
        { box: { x0: 80, y0: 80, x1: 3920, y1: 2320 }, header: false, blocks: blocks.map((_, i) => i) },
      ],
      sizes: { body: BODY },
    },
    lines: [],
    boxes: blocks.map((b) => b.box),
    upright: blocks.map((b) => b.box),
    features: { skew: 0, rules: [], photos: [], ink: ink() },
  } as unknown as LaidOutPage;
}

const column = (k: number, y0 = 300, y1 = 2300): Box => ({ x0: COLUMNS[k]![0], y0, x1: COLUMNS[k]![1], y1 });
const inside = (b: Box, s: Box) => b.x0 >= s.x0 && b.x1 <= s.x1 && b.y0 >= s.y0 && b.y1 <= s.y1;

describe('the columns read again', () => {
  it('are none where no line of the first reading crosses a gutter', () => {
    const plan = columnStrips(page([0, 1, 2, 3].map((k) => ({ box: column(k) }))));
    expect(plan.strips).toEqual([]);
    expect(plan.keep.sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('are the two beside a crossed gutter, as far down as the crossing, the rest kept', () => {
    // The first reading ran the lines of columns 2 and 3 together (block 2).
    const laidOut = page([
      { box: column(0) },
      { box: { x0: COLUMNS[1]![0], y0: 300, x1: COLUMNS[2]![1], y1: 1200 } },
      { box: column(1, 1215) },
      { box: column(2, 1215) },
      { box: column(3) },
    ]);
    const plan = columnStrips(laidOut);
    const read = (k: number) =>
      plan.strips.some((s) => s.box.x0 <= COLUMNS[k]![0] && s.box.x1 >= COLUMNS[k]![1]);
    expect([0, 1, 2, 3].map(read)).toEqual([false, true, true, false]);
    expect(plan.strips).toHaveLength(2);
    // The headline, the untouched columns and the lines below the crossing keep their first
    // reading; the strips never reach into a column not read again, nor across a gutter, and
    // end within a line of the crossing.
    expect(plan.keep.sort()).toEqual([0, 1, 3, 4, 5]);
    for (const s of plan.strips) expect(s.box.y1).toBeLessThan(1200 + BODY);
    for (const s of plan.strips) {
      expect(s.box.x1 - s.box.x0).toBeLessThan(800 + BODY);
      expect(s.blank.some((b) => inside(laidOut.layout.blocks[0]!.box, b))).toBe(true);
    }
    // The kept lines a strip reaches over are painted out of it.
    for (const k of [3, 4]) {
      const kept = laidOut.layout.blocks[k]!.box;
      const reaching = plan.strips.filter(
        (s) => s.box.x0 < kept.x1 && s.box.x1 > kept.x0 && s.box.y1 > kept.y0,
      );
      expect(reaching).toHaveLength(1);
      for (const s of reaching) expect(s.blank).toContainEqual(kept);
    }
    // Every line not kept lies in the strips (with the gutters between them), so it is read
    // again; no kept body line does.
    const strips = {
      x0: Math.min(...plan.strips.map((s) => s.box.x0)),
      y0: Math.min(...plan.strips.map((s) => s.box.y0)),
      x1: Math.max(...plan.strips.map((s) => s.box.x1)),
      y1: Math.max(...plan.strips.map((s) => s.box.y1)),
    };
    const dropped = laidOut.layout.blocks.filter((b) => !plan.keep.includes(b.lines[0]!));
    expect(dropped).toHaveLength(1);
    for (const b of dropped) expect(inside(b.box, strips)).toBe(true);
    const keptBody = laidOut.layout.blocks.filter(
      (b) => b.role === 'body' && plan.keep.includes(b.lines[0]!),
    );
    for (const b of keptBody) expect(plan.strips.some((s) => inside(b.box, s.box))).toBe(false);
  });
});

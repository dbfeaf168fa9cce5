// What to read again, column by column, after a first reading of the whole page: an engine
// given a whole newspaper page runs lines on across narrow gutters and mixes columns; given
// one column at a time it cannot. Pure. For each article frame with more than one column (its
// gutters found in the image, gutters.ts) where a line of the first reading crosses a gutter,
// the columns on either side of that gutter are strips to read on their own, with
// the frame's headlines, photos and captions (which span columns, and were read whole the
// first time) painted out. Everything else keeps its first reading.

import type { Box } from '../../shared/geometry.ts';
import type { LaidOutPage } from './page-layout.ts';
import { columnsOf } from './gutters.ts';

export interface ColumnStrip {
  /** Upright page coordinates. */
  box: Box;
  blank: Box[];
}

export interface ReadingPlan {
  strips: ColumnStrip[];
  /** Lines of the first reading kept (indexes into `laidOut.lines`). */
  keep: number[];
}

const SPANNING = new Set(['headline', 'kicker', 'subhead', 'photo', 'caption', 'page_header']);

export function columnStrips(laidOut: LaidOutPage): ReadingPlan {
  const { layout, features } = laidOut;
  const body = layout.sizes.body;
  const plan: ColumnStrip[] = [];
  const keep: number[] = [];
  for (const frame of layout.frames) {
    const blocks = frame.blocks.map((b) => layout.blocks[b]!);
    const spanning = blocks.filter((b) => SPANNING.has(b.role));
    const columns = frame.header
      ? []
      : columnsOf(
          features.ink,
          frame.box,
          spanning.map((b) => b.box),
          body,
        );
    // Only the columns on either side of a gutter the first reading ran a line across are read
    // again: elsewhere a whole-page reading has more context than a strip (measured: re-reading
    // every frame lost characters on degraded scans, bench/accuracy.ts).
    const overlaps = (box: Box, [x0, x1]: [number, number]) =>
      box.x0 < x1 - 0.5 * body && box.x1 > x0 + 0.5 * body;
    const reread = new Set<number>();
    for (const { role, box } of blocks) {
      if (SPANNING.has(role)) continue;
      for (let k = 0; k + 1 < columns.length; k++)
        if (overlaps(box, columns[k]!) && overlaps(box, columns[k + 1]!)) reread.add(k).add(k + 1);
    }
    if (reread.size === 0) {
      keep.push(...blocks.flatMap((b) => b.lines));
      continue;
    }
    const strips = columns.filter((_, k) => reread.has(k));
    // A block in a column read again is read again with it (one in the column's gutter too).
    const within = (box: Box, c: [number, number]) =>
      overlaps(box, c) || ((box.x0 + box.x1) / 2 >= c[0] && (box.x0 + box.x1) / 2 <= c[1]);
    keep.push(
      ...blocks
        .filter(({ role, box }) => SPANNING.has(role) || !strips.some((c) => within(box, c)))
        .flatMap((b) => b.lines),
    );
    // Below the frame's top heads, or beside them where a column starts at the frame's top.
    const pad = 0.3 * body;
    const blank = spanning.map((b) => ({
      x0: b.box.x0 - pad,
      y0: b.box.y0 - pad,
      x1: b.box.x1 + pad,
      y1: b.box.y1 + pad,
    }));
    // Into the gutter by a little, never across it (a gutter is a third of a line or more).
    const side = 0.15 * body;
    for (const [x0, x1] of strips)
      plan.push({
        box: { x0: x0 - side, y0: frame.box.y0 - pad, x1: x1 + side, y1: frame.box.y1 + pad },
        blank,
      });
  }
  return { strips: plan, keep };
}

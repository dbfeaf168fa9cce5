// What to read again, column by column, after a first reading of the whole page: an engine
// given a whole newspaper page runs lines on across narrow gutters and mixes columns; given
// one column at a time it cannot. Pure. For each article frame with more than one column (its
// gutters found in the image, gutters.ts) where a line of the first reading crosses a gutter,
// each column is a strip to read on its own, with
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
  const strips: ColumnStrip[] = [];
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
    // Only a frame where the first reading ran a line across a gutter is read again: where it
    // did not, a whole-page reading has more context than a strip (measured: re-reading every
    // frame lost characters on degraded scans, bench/accuracy.ts).
    const crossesGutter = blocks.some(({ role, box }) => {
      if (SPANNING.has(role)) return false;
      return columns.some(([, x1], k) => {
        const next = columns[k + 1];
        return next !== undefined && box.x0 < x1 - 0.5 * body && box.x1 > next[0] + 0.5 * body;
      });
    });
    if (columns.length < 2 || !crossesGutter) {
      keep.push(...blocks.flatMap((b) => b.lines));
      continue;
    }
    keep.push(...spanning.flatMap((b) => b.lines));
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
    for (const [x0, x1] of columns)
      strips.push({
        box: { x0: x0 - side, y0: frame.box.y0 - pad, x1: x1 + side, y1: frame.box.y1 + pad },
        blank,
      });
  }
  return { strips, keep };
}

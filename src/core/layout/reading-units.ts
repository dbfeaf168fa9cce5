// What to read again, column by column, after a first reading of the whole page: an engine
// given a whole newspaper page runs lines on across narrow gutters and mixes columns; given
// one column at a time it cannot. Pure. For each article frame with more than one column (its
// gutters found in the image, gutters.ts) where a line of the first reading crosses a gutter,
// the columns on either side of that gutter, as far down as the lines that crossed it, are
// strips to read on their own, with the frame's headlines, photos and captions (which span
// columns, and were read whole the first time) and the lines kept painted out. Everything else
// keeps its first reading.

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
    // again, and only down as far as the blocks that ran across it: elsewhere a whole-page
    // reading has more context than a strip (measured: re-reading every frame lost characters on
    // degraded scans, bench/accuracy.ts).
    const overlaps = (box: Box, [x0, x1]: [number, number]) =>
      box.x0 < x1 - 0.5 * body && box.x1 > x0 + 0.5 * body;
    const spans = new Map<number, [number, number][]>();
    for (const { role, box } of blocks) {
      if (SPANNING.has(role)) continue;
      for (let k = 0; k + 1 < columns.length; k++)
        if (overlaps(box, columns[k]!) && overlaps(box, columns[k + 1]!))
          for (const c of [k, k + 1]) spans.set(c, [...(spans.get(c) ?? []), [box.y0, box.y1]]);
    }
    // A strip reaches past its span by most of a line, so that a line whose middle is in the
    // span is read whole; spans closer than that are one strip, so no strip reads another's text.
    const reach = 0.6 * body;
    const strips = [...spans].flatMap(([k, list]) =>
      joinSpans(list, 2 * reach).map(([y0, y1]) => ({ column: columns[k]!, y0, y1 })),
    );
    const reread = (i: number) => {
      const b = laidOut.upright[i]!;
      const middle = (b.y0 + b.y1) / 2;
      const centre = (b.x0 + b.x1) / 2;
      return strips.some(
        (s) =>
          middle >= s.y0 &&
          middle <= s.y1 &&
          (overlaps(b, s.column) || (centre >= s.column[0] && centre <= s.column[1])),
      );
    };
    const kept = blocks.flatMap((b) => (SPANNING.has(b.role) ? b.lines : b.lines.filter((i) => !reread(i))));
    keep.push(...kept);
    if (strips.length === 0) continue;
    // Below the frame's top heads, or beside them where a column starts at the frame's top.
    const pad = 0.3 * body;
    const heads = spanning.map((b) => ({
      x0: b.box.x0 - pad,
      y0: b.box.y0 - pad,
      x1: b.box.x1 + pad,
      y1: b.box.y1 + pad,
    }));
    // Into the gutter by a little, never across it (a gutter is a third of a line or more).
    const side = 0.15 * body;
    for (const { column, y0, y1 } of strips) {
      const box = {
        x0: column[0] - side,
        y0: Math.max(frame.box.y0 - pad, y0 - reach),
        x1: column[1] + side,
        y1: Math.min(frame.box.y1 + pad, y1 + reach),
      };
      // What is kept from the first reading is painted out where the strip reaches over it.
      const keptHere = kept
        .map((i) => laidOut.upright[i]!)
        .filter((b) => b.x0 < box.x1 && b.x1 > box.x0 && b.y0 < box.y1 && b.y1 > box.y0);
      plan.push({ box, blank: [...heads, ...keptHere] });
    }
  }
  return { strips: plan, keep };
}

/** Spans down a column, those less than `gap` apart joined into one. */
function joinSpans(spans: readonly [number, number][], gap: number): [number, number][] {
  const out: [number, number][] = [];
  for (const [y0, y1] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && y0 <= last[1] + gap) last[1] = Math.max(last[1], y1);
    else out.push([y0, y1]);
  }
  return out;
}

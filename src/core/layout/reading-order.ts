// Reading order from line boxes, for any engine: lines are grouped into blocks (a run of lines
// of one column: stacked, overlapping horizontally, of like height), and blocks are ordered by
// recursive XY-cut — split where a horizontal band of white runs across the whole group (top
// to bottom first: article blocks, headlines above their columns), else where a vertical band
// does (columns left to right; a sidebar spanning the page's height comes after the main
// area). This is how a reader takes a horizontal Chinese broadsheet or a Latin-script paper:
// column by column within an article block, blocks top to bottom, right-hand sidebars after.

import type { Box } from '../../shared/geometry.ts';

export interface Boxed {
  box: Box;
}

export interface OrderedBlock<L extends Boxed> {
  box: Box;
  lines: L[];
}

const height = (b: Box) => b.y1 - b.y0;
const width = (b: Box) => b.x1 - b.x0;
const overlapX = (a: Box, b: Box) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
const union = (a: Box, b: Box): Box => ({
  x0: Math.min(a.x0, b.x0),
  y0: Math.min(a.y0, b.y0),
  x1: Math.max(a.x1, b.x1),
  y1: Math.max(a.y1, b.y1),
});

/**
 * Whether `line` continues the block whose last line is `last`: below it with at most a line's
 * height of white between, overlapping at least half the narrower of the two, and of like size
 * (a headline does not run on into its body text).
 */
function continues(last: Box, line: Box): boolean {
  const h = Math.min(height(last), height(line));
  const gap = line.y0 - last.y1;
  if (gap < -0.5 * h || gap > 1.0 * Math.max(height(last), height(line))) return false;
  const ratio = height(line) / height(last);
  if (ratio < 0.65 || ratio > 1.55) return false;
  return overlapX(last, line) >= 0.5 * Math.min(width(last), width(line));
}

export function groupIntoBlocks<L extends Boxed>(lines: readonly L[]): OrderedBlock<L>[] {
  const sorted = [...lines].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  const blocks: OrderedBlock<L>[] = [];
  for (const line of sorted) {
    let best: OrderedBlock<L> | null = null;
    let bestOverlap = 0;
    for (const block of blocks) {
      const last = block.lines.at(-1)!.box;
      if (!continues(last, line.box)) continue;
      const o = overlapX(last, line.box);
      if (o > bestOverlap) {
        best = block;
        bestOverlap = o;
      }
    }
    if (best) {
      best.lines.push(line);
      best.box = union(best.box, line.box);
    } else blocks.push({ box: line.box, lines: [line] });
  }
  return blocks;
}

/** Groups of items separated by white bands along one axis, in order along it, with the bands' widths. */
function cut<T extends { box: Box }>(
  items: readonly T[],
  axis: 'y' | 'x',
): { groups: T[][]; gaps: number[] } {
  const lo = axis === 'y' ? 'y0' : 'x0';
  const hi = axis === 'y' ? 'y1' : 'x1';
  const sorted = [...items].sort((a, b) => a.box[lo] - b.box[lo]);
  const groups: T[][] = [];
  const gaps: number[] = [];
  let reach = -Infinity;
  for (const item of sorted) {
    if (groups.length === 0 || item.box[lo] >= reach) {
      if (groups.length) gaps.push(item.box[lo] - reach);
      groups.push([item]);
    } else groups.at(-1)!.push(item);
    reach = Math.max(reach, item.box[hi]);
  }
  return { groups, gaps };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Orders blocks by XY-cut. A horizontal band of white is only a place to cut when it separates
 * things a reader takes one after the other: a wide band (an article's end), or one next to a
 * block wider than the columns (a headline over them). A narrow band where paragraph breaks
 * in neighbouring columns happen to line up is no cut — cutting there would read the tops of
 * all columns before their bottoms.
 */
export function orderBlocks<B extends { box: Box }>(blocks: readonly B[], lineHeight: number): B[] {
  if (blocks.length <= 1) return [...blocks];
  const rows = cut(blocks, 'y');
  if (rows.groups.length > 1) {
    const columnWidth = median(blocks.map((b) => width(b.box)));
    const spans = (group: readonly B[]) => group.some((b) => width(b.box) >= 1.5 * columnWidth);
    const clean = rows.gaps.map(
      (gap, i) => gap >= 1.5 * lineHeight || spans(rows.groups[i]!) || spans(rows.groups[i + 1]!),
    );
    if (clean.some(Boolean)) {
      const parts: B[][] = [[...rows.groups[0]!]];
      rows.groups.slice(1).forEach((g, i) => (clean[i] ? parts.push([...g]) : parts.at(-1)!.push(...g)));
      if (parts.length > 1) return parts.flatMap((part) => orderBlocks(part, lineHeight));
    }
  }
  const columns = cut(blocks, 'x');
  if (columns.groups.length > 1) return columns.groups.flatMap((column) => orderBlocks(column, lineHeight));
  if (rows.groups.length > 1) return rows.groups.flatMap((row) => orderBlocks(row, lineHeight));
  // Neither cut exists (blocks interlock): top to bottom, then left to right.
  return [...blocks].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}

/** Blocks in reading order, each with its lines top to bottom. */
export function readingOrder<L extends Boxed>(lines: readonly L[]): OrderedBlock<L>[] {
  return orderBlocks(groupIntoBlocks(lines), median(lines.map((l) => height(l.box))));
}

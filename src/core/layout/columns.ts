// Body lines into column blocks: a block is lines of one column, one under the other, each
// starting near the block's left edge (a paragraph's first line is indented two characters)
// and overlapping the line above. Jump lines and bylines are blocks of their own: they have
// roles of their own, and a trailing byline stands apart at the column's end.

import type { Box } from '../../shared/geometry.ts';
import type { LayoutBlock } from './analyse.ts';
import type { LineClass } from './type-sizes.ts';

export function columnBlocks(
  indexes: readonly number[],
  lines: readonly { box: Box }[],
  classes: ReadonlyMap<number, LineClass>,
  body: number,
): LayoutBlock[] {
  // Row by row, left to right within a row (pieces of one printed line start within a fraction
  // of a line of each other).
  const sorted = [...indexes].sort((a, b) => {
    const dy = lines[a]!.box.y0 - lines[b]!.box.y0;
    return Math.abs(dy) < 0.3 * body ? lines[a]!.box.x0 - lines[b]!.box.x0 : dy;
  });
  const open: { block: LayoutBlock; last: Box }[] = [];
  const blocks: LayoutBlock[] = [];
  for (const i of sorted) {
    const box = lines[i]!.box;
    const cls = classes.get(i) ?? 'text';
    const h = box.y1 - box.y0;
    const role = cls === 'jump' ? 'jump' : cls === 'byline' ? 'byline' : 'body';
    const target =
      role === 'body'
        ? open.find(({ block, last }) => {
            // A piece of the same printed line (a text layer may give a line's last
            // punctuation mark as a run of its own, an engine a line's first character).
            // Pieces of one line touch, or a good part of one lies over the other (a quarter
            // of the smaller); a gutter is wider.
            // Two long boxes that overlap by a sliver of their width are two columns' lines
            // drawn loosely (imported polygons padded into the gutter), not one line.
            const along = last.x1 - box.x0;
            const sameRow =
              Math.min(box.y1, last.y1) - Math.max(box.y0, last.y0) > 0.6 * Math.min(h, last.y1 - last.y0) &&
              box.x0 > last.x0 &&
              -along < 0.25 * body &&
              (along < 0.1 * body || along >= 0.25 * Math.min(box.x1 - box.x0, last.x1 - last.x0));
            if (block.role === 'body' && sameRow) return true;
            const gap = box.y0 - last.y1;
            const overlap = Math.min(box.x1, last.x1) - Math.max(box.x0, last.x0);
            return (
              block.role === 'body' &&
              gap > -0.5 * Math.min(h, last.y1 - last.y0) &&
              gap < 1.0 * Math.max(h, body) &&
              overlap > 0.3 * Math.min(box.x1 - box.x0, last.x1 - last.x0) &&
              Math.abs(box.x0 - block.box.x0) < 2.5 * body
            );
          })
        : undefined;
    if (target) {
      target.block.lines.push(i);
      target.block.box = {
        x0: Math.min(target.block.box.x0, box.x0),
        y0: Math.min(target.block.box.y0, box.y0),
        x1: Math.max(target.block.box.x1, box.x1),
        y1: Math.max(target.block.box.y1, box.y1),
      };
      target.last =
        box.y0 < target.last.y1 - 0.5 * h
          ? {
              x0: target.last.x0,
              y0: Math.min(target.last.y0, box.y0),
              x1: box.x1,
              y1: Math.max(target.last.y1, box.y1),
            }
          : box;
    } else {
      const block: LayoutBlock = { role, box: { ...box }, lines: [i] };
      blocks.push(block);
      open.push({ block, last: box });
    }
  }
  return blocks;
}

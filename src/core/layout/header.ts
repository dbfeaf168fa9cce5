// The page header's pieces in reading order: the masthead (the paper's name, the largest type
// on the page) first, then the folio pieces as a reader scans them, block by block.

import type { Box } from '../../shared/geometry.ts';
import { readingOrder } from './reading-order.ts';
import { relativeSize, type TypeSizes } from './type-sizes.ts';

export function headerOrder(
  lines: readonly { index: number; box: Box; text: string }[],
  sizes: TypeSizes,
): number[][] {
  // Measured along the line: on a vertical page, seen turned a quarter (quarter-turn.ts), the
  // date line set across runs down the frame as the masthead does, as long but in small type.
  const masthead = lines.filter((l) => relativeSize(l, sizes) >= 2);
  const rest = lines.filter((l) => !masthead.includes(l));
  return [
    ...(masthead.length ? [masthead.map((l) => l.index)] : []),
    ...readingOrder(rest).map((b) => b.lines.map((l) => l.index)),
  ];
}

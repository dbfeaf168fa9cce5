// The page header's pieces in reading order: the masthead (the paper's name, the largest type
// on the page) first, then the folio pieces as a reader scans them, block by block.

import type { Box } from '../../shared/geometry.ts';
import { readingOrder } from './reading-order.ts';
import type { TypeSizes } from './type-sizes.ts';

export function headerOrder(lines: readonly { index: number; box: Box }[], sizes: TypeSizes): number[][] {
  const masthead = lines.filter((l) => l.box.y1 - l.box.y0 >= 2 * sizes.body);
  const rest = lines.filter((l) => !masthead.includes(l));
  return [
    ...(masthead.length ? [masthead.map((l) => l.index)] : []),
    ...readingOrder(rest).map((b) => b.lines.map((l) => l.index)),
  ];
}

// Which way a line of text runs on its page: across, or down in a column (Chinese set vertically,
// its columns read right to left). A line's box says it: a column of two characters or more
// stands taller than wide, a line across lies wider than tall. The layout measures type along
// the line (core/layout/type-sizes.ts) and the exports state the direction (PAGE readingDirection,
// ALTO BASEDIRECTION, hOCR textangle), from this one test.

import type { Box } from './geometry.ts';

export function runsDown(line: { box: Box; text: string }): boolean {
  const b = line.box;
  const chars = [...line.text.replace(/\s+/gu, '')].length;
  return chars >= 2 && b.y1 - b.y0 > 1.5 * (b.x1 - b.x0);
}

/** Whether most of the lines' characters run down: a region of columns. */
export function mostlyDown(lines: readonly { box: Box; text: string }[]): boolean {
  let down = 0;
  let across = 0;
  for (const l of lines) {
    const n = [...l.text.replace(/\s+/gu, '')].length;
    if (n < 2) continue;
    if (runsDown(l)) down += n;
    else across += n;
  }
  return down > across;
}

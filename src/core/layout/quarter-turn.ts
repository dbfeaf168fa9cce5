// A page set in vertical columns, seen turned a quarter so that its columns become lines.
//
// A vertical paper is read column by column from the right, each column from the top; the page
// is cut into tiers by rules across it, read from the top, and in each tier the articles stand
// side by side from the right. Turned a quarter anticlockwise about the page — (x, y) becomes
// (y, W − x) — a column becomes a line read left to right, the columns of an article lines read
// top to bottom, the tiers the page's columns read left to right, and the articles of a tier
// the frames of one column, read top to bottom. That is exactly how a horizontal page is read,
// so the one layout analysis reads both: the direction is a property of the frame the analysis
// looks through, not a second analysis.

import type { Box } from '../../shared/geometry.ts';
import type { Rule } from './separators.ts';

export interface QuarterTurn {
  /** The turned page's size: its width is the page's height. */
  width: number;
  height: number;
  box(b: Box): Box;
  /** The page box a turned box came from. */
  back(b: Box): Box;
  rule(r: Rule): Rule;
}

export function quarterTurn(page: { width: number; height: number }): QuarterTurn {
  const w = page.width;
  return {
    width: page.height,
    height: page.width,
    box: (b) => ({ x0: b.y0, y0: w - b.x1, x1: b.y1, y1: w - b.x0 }),
    back: (b) => ({ x0: w - b.y1, y0: b.x0, x1: w - b.y0, y1: b.x1 }),
    rule(r) {
      // A rule across the page (y = at + slope·(x − mid)) runs down the turned page at x' = y;
      // one down the page (x = at + …) runs across it at y' = W − x. Along the turned rule,
      // x = W − y' and y = x', so a drift keeps its size and, across, changes its sign.
      const drift = r.slope === undefined ? {} : { slope: -r.slope };
      if (r.axis === 'h') {
        const mid = r.mid === undefined ? {} : { mid: w - r.mid };
        return { axis: 'v', at: r.at, from: w - r.to, to: w - r.from, ...drift, ...mid };
      }
      const mid = r.mid === undefined ? {} : { mid: r.mid };
      return { axis: 'h', at: w - r.at, from: r.from, to: r.to, ...drift, ...mid };
    },
  };
}

// A line's baseline: the polyline its glyphs stand on. Sources that know it (PAGE, ALTO, hOCR,
// a PDF's text positions) give it; for OCR lines, which come with word boxes only, it follows
// from how type is set: a word without descenders ends on the baseline, so the bottoms of such
// words lie on it (Han characters fill their em box, whose foot is the ideographic baseline).
// A straight fit through those bottoms also follows a line that runs slightly askew.

import type { Box, Point, Polygon } from './geometry.ts';
import type { Line } from './model.ts';
import { runsDown } from './line-direction.ts';

// Letters and signs that reach below the baseline in Latin and Fraktur type (ſ and f descend in
// Fraktur), and brackets, which are set deeper than the letters they enclose.
const DESCENDS = /[gjpqyQJſfßµ,;()[\]{}|/@§]/u;

function clampY(y: number, box: Box): number {
  return Math.min(box.y1, Math.max(box.y0, y));
}

/** The straight line through the points, fitted by least squares (y as a function of x). */
function fitLine(points: readonly Point[]): { at: (x: number) => number } {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { at: (x) => my + slope * (x - mx) };
}

/** The baseline of a line that the source gave none for, from its words (or its box). */
export function derivedBaseline(line: Pick<Line, 'box' | 'words'>): Polygon {
  const { box } = line;
  // A column of Chinese type (line-direction.ts) has no foot to stand on: its glyphs are centred
  // on the line down the middle of the column.
  if (runsDown({ box, text: line.words.map((w) => w.text).join('') })) {
    const middle = (box.x0 + box.x1) / 2;
    return [
      [middle, box.y0],
      [middle, box.y1],
    ];
  }
  const standing = line.words.filter((w) => w.text !== '' && !DESCENDS.test(w.text));
  // Every word descends (rare: "gypsy"): the shallowest descent is nearest the baseline.
  const feet: Point[] =
    standing.length > 0
      ? standing.map((w) => [(w.box.x0 + w.box.x1) / 2, w.box.y1])
      : line.words.length > 0
        ? [[(box.x0 + box.x1) / 2, Math.min(...line.words.map((w) => w.box.y1))]]
        : [[(box.x0 + box.x1) / 2, box.y1]];
  const fit = fitLine(feet);
  return [
    [box.x0, clampY(fit.at(box.x0), box)],
    [box.x1, clampY(fit.at(box.x1), box)],
  ];
}

/** The baseline a line carries, or the one derived for it. */
export function lineBaseline(line: Pick<Line, 'box' | 'words' | 'baseline'>): Polygon {
  return line.baseline && line.baseline.length >= 2 ? line.baseline : derivedBaseline(line);
}

/**
 * hOCR's `baseline slope offset`: a straight line, with the offset from the bottom-left corner of
 * the line's bbox (hOCR spec, "baseline"). From the first and last point of `baseline`.
 */
export function toHocrBaseline(baseline: Polygon, box: Box): { slope: number; offset: number } {
  const [x0, y0] = baseline[0]!;
  const [x1, y1] = baseline.at(-1)!;
  const slope = x1 > x0 ? (y1 - y0) / (x1 - x0) : 0;
  return { slope, offset: y0 + slope * (box.x0 - x0) - box.y1 };
}

export function fromHocrBaseline(slope: number, offset: number, box: Box): Polygon {
  const y = (x: number) => box.y1 + offset + slope * (x - box.x0);
  return [
    [box.x0, y(box.x0)],
    [box.x1, y(box.x1)],
  ];
}

/** The part of a baseline between x0 and x1 (a piece of a line cut at a rule or gutter). */
export function baselineBetween(baseline: Polygon, x0: number, x1: number): Polygon {
  const yAt = (x: number): number => {
    for (let i = 1; i < baseline.length; i++) {
      const [ax, ay] = baseline[i - 1]!;
      const [bx, by] = baseline[i]!;
      if (x <= bx || i === baseline.length - 1)
        return bx === ax ? ay : ay + ((by - ay) * (x - ax)) / (bx - ax);
    }
    return baseline[0]![1];
  };
  const inside = baseline.filter(([x]) => x > x0 && x < x1);
  return [[x0, yAt(x0)], ...inside, [x1, yAt(x1)]];
}

// Printed rules on a page: long, thin runs of ink. Newspapers separate articles with them
// (horizontal between stacked articles, vertical between articles side by side) and close the
// page header with one; column gutters inside an article are usually white. Pure: works on a
// binary grid of the upright page, where text lines and photos are already blanked so that a
// headline's stroke or a photo's edge is never taken for a rule.

import type { Box } from '../../shared/geometry.ts';

export interface Rule {
  /** 'h': a horizontal rule at y = at, from x = from to x = to; 'v': vertical, at x. */
  axis: 'h' | 'v';
  at: number;
  from: number;
  to: number;
  /**
   * How far the rule drifts across per pixel along it (a scan turned by less than the deskew
   * threshold still lets a page-wide rule drift by a quarter of a line), with `at` its
   * position at `mid`. Absent: straight.
   */
  slope?: number;
  mid?: number;
}

/** Where a rule runs at position `s` along it. */
export function ruleAt(rule: Rule, s: number): number {
  return rule.at + (rule.slope ?? 0) * (s - (rule.mid ?? s));
}

export interface InkGrid {
  width: number;
  height: number;
  /** 1 where a cell holds ink. */
  ink: Uint8Array;
  /** Page pixels per cell. */
  cell: number;
}

interface Run {
  line: number; // row (h) or column (v)
  from: number;
  to: number; // exclusive
}

/**
 * Rules along one axis: runs of ink at least `minLength` cells long (gaps of up to `bridge`
 * cells closed: a scanned rule breaks up), joined across neighbouring rows into strokes, kept
 * when the stroke is at most `maxThickness` cells thick (text and photos are thicker).
 */
function rulesAlong(
  grid: InkGrid,
  axis: 'h' | 'v',
  minLength: number,
  maxThickness: number,
  bridge: number,
): Rule[] {
  const lines = axis === 'h' ? grid.height : grid.width;
  const along = axis === 'h' ? grid.width : grid.height;
  const at = (line: number, i: number) =>
    axis === 'h' ? grid.ink[line * grid.width + i]! : grid.ink[i * grid.width + line]!;
  const runs: Run[] = [];
  for (let line = 0; line < lines; line++) {
    let start = -1;
    let lastInk = -1;
    for (let i = 0; i <= along; i++) {
      const ink = i < along && at(line, i) === 1;
      if (ink) {
        if (start < 0) start = i;
        lastInk = i;
      } else if (start >= 0 && i - lastInk > bridge) {
        if (lastInk + 1 - start >= minLength) runs.push({ line, from: start, to: lastInk + 1 });
        start = -1;
      }
    }
  }
  // Strokes: runs on neighbouring lines that overlap along the axis (a slightly skewed rule
  // steps from one row to the next).
  const strokes: { lines: [number, number]; from: number; to: number; last: Run[]; runs: Run[] }[] = [];
  for (const run of runs) {
    const stroke = strokes.find(
      (s) => s.lines[1] >= run.line - 1 && s.last.some((r) => r.from < run.to && run.from < r.to),
    );
    if (stroke) {
      if (stroke.lines[1] < run.line) stroke.last = [];
      stroke.lines[1] = run.line;
      stroke.from = Math.min(stroke.from, run.from);
      stroke.to = Math.max(stroke.to, run.to);
      stroke.last.push(run);
      stroke.runs.push(run);
    } else
      strokes.push({ lines: [run.line, run.line], from: run.from, to: run.to, last: [run], runs: [run] });
  }
  // A rule's thickness is measured across it, where it stands: a scan turned by a fraction of
  // a degree lets a long rule step down several rows from end to end, but no more than its own
  // thickness at any point.
  return strokes
    .filter((s) => localThickness(s.runs) <= maxThickness)
    .map((s) => {
      const fit = fitLine(s.runs);
      return {
        axis,
        at: (fit.at + 0.5) * grid.cell,
        from: s.from * grid.cell,
        to: s.to * grid.cell,
        slope: fit.slope,
        mid: (fit.mid + 0.5) * grid.cell,
      };
    });
}

/** The most runs of a stroke that cover any one position along it. */
function localThickness(runs: readonly Run[]): number {
  const events: [number, number][] = runs.flatMap((r): [number, number][] => [
    [r.from, 1],
    [r.to, -1],
  ]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let depth = 0;
  let most = 0;
  for (const [, d] of events) most = Math.max(most, (depth += d));
  return most;
}

/**
 * The straight line a stroke runs along: least squares over every cell of its runs (a run is
 * cells at one row, so it adds its length's spread along the rule and none across it). `at`
 * is the row (h) or column (v) at `mid`, the stroke's centre along it.
 */
function fitLine(runs: readonly Run[]): { at: number; mid: number; slope: number } {
  let w = 0;
  let sp = 0;
  let sl = 0;
  for (const r of runs) {
    const n = r.to - r.from;
    w += n;
    sp += n * ((r.from + r.to - 1) / 2);
    sl += n * r.line;
  }
  const mid = sp / w;
  const at = sl / w;
  let cov = 0;
  let vp = 0;
  for (const r of runs) {
    const n = r.to - r.from;
    const dp = (r.from + r.to - 1) / 2 - mid;
    cov += n * dp * (r.line - at);
    vp += n * dp * dp + (n * (n * n - 1)) / 12;
  }
  return { at, mid, slope: vp > 0 ? cov / vp : 0 };
}

/**
 * Horizontal and vertical rules of the page. `bodyHeight` is the height of a body text line in
 * page pixels: a rule is longer than six of them (no glyph stroke of body or headline type is:
 * a rule closes at least a column) and thinner than a third of one.
 */
export function findRules(grid: InkGrid, bodyHeight: number, blanked: readonly Box[] = []): Rule[] {
  const minLength = Math.max(8, Math.round((6 * bodyHeight) / grid.cell));
  const maxThickness = Math.max(2, Math.round(bodyHeight / 2 / grid.cell));
  const bridge = Math.max(1, Math.round(bodyHeight / 8 / grid.cell));
  return joinCollinear(
    [
      ...rulesAlong(grid, 'h', minLength, maxThickness, bridge),
      ...rulesAlong(grid, 'v', minLength, maxThickness, bridge),
    ],
    bodyHeight,
    blanked,
  );
}

/**
 * One rule from pieces on one line: a rule is printed in pieces where another meets or
 * crosses it, or where it bridges a gutter; pieces less than two body lines apart are one.
 */
function joinCollinear(rules: Rule[], bodyHeight: number, blanked: readonly Box[]): Rule[] {
  const out: Rule[] = [];
  // The gap between two pieces is hidden under blanked text (a masthead whose boxes reach
  // down over the rule under it): boxes across the rule's line cover it, but for gaps of the
  // size pieces are joined across anyway.
  const hidden = (axis: 'h' | 'v', at: number, from: number, to: number) => {
    const spans = blanked
      .filter((b) => (axis === 'h' ? b.y0 <= at && at <= b.y1 : b.x0 <= at && at <= b.x1))
      .map((b) => (axis === 'h' ? [b.x0, b.x1] : [b.y0, b.y1]) as [number, number])
      .sort((x, y) => x[0] - y[0]);
    let reach = from;
    for (const [s0, s1] of spans) {
      if (s0 - reach > 2 * bodyHeight) break;
      reach = Math.max(reach, s1);
    }
    return to - reach <= 2 * bodyHeight;
  };
  for (const rule of [...rules].sort((a, b) => a.from - b.from)) {
    const same = out.find(
      (r) =>
        r.axis === rule.axis &&
        Math.abs(r.at - rule.at) < bodyHeight / 2 &&
        r.from - rule.to < 2 * bodyHeight &&
        (rule.from - r.to < 2 * bodyHeight || hidden(rule.axis, rule.at, r.to, rule.from)),
    );
    if (same) {
      same.from = Math.min(same.from, rule.from);
      same.to = Math.max(same.to, rule.to);
    } else out.push({ ...rule });
  }
  return out;
}

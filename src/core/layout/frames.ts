// Article frames: the page cut at its printed rules. A rule that runs across nearly all of a
// part of the page, with no line and no photo crossing it, separates what is above from what
// is below (or left from right). Cutting recursively — across first, then down — gives the
// frames in reading order: top before bottom, left before right. The first band of the page,
// when a rule closes it near the top, is the page header.

import type { Box } from '../../shared/geometry.ts';
import { ruleAt, type Rule } from './separators.ts';

export interface Frame {
  box: Box;
  lines: number[];
  photos: Box[];
  header: boolean;
}

interface Item {
  box: Box;
  line: number | null;
  photo: Box | null;
}

// A rule closes a part of the page when it runs across all of it: it may stop short of the
// text on either side by a gutter or so (three body lines), not by a column.
const SHORT_BY = 3;
// The page header is set above the first rule in the top quarter of the page.
const HEADER_SHARE = 0.25;

export function articleFrames(
  input: {
    width: number;
    height: number;
    lines: readonly { box: Box }[];
    rules: readonly Rule[];
    photos: readonly Box[];
    /** Where the top of the page lies in the frame the analysis looks through (quarter-turn.ts). */
    pageTop?: 'top' | 'left';
  },
  body: number,
): Frame[] {
  // The page header is the first band cut off by a rule across the page's top.
  const left = input.pageTop === 'left';
  const headerAxis = left ? 'v' : 'h';
  const inHeaderShare = (b: Box) =>
    left ? b.x1 <= HEADER_SHARE * input.width : b.y1 <= HEADER_SHARE * input.height;
  const items: Item[] = [
    ...input.lines.map((l, i) => ({ box: l.box, line: i, photo: null })),
    ...input.photos.map((p) => ({ box: p, line: null, photo: p })),
  ];
  if (items.length === 0) return [];
  const frames: Frame[] = [];
  const leaf = (group: Item[], header: boolean) =>
    frames.push({
      box: bounds(group),
      lines: group.flatMap((i) => (i.line === null ? [] : [i.line])),
      photos: group.flatMap((i) => (i.photo ? [i.photo] : [])),
      header,
    });
  const split = (group: Item[], top: boolean) => {
    // Across the page first: its bands (the tiers of a vertical page), then what stands side
    // by side in a band.
    for (const axis of left ? (['v', 'h'] as const) : (['h', 'v'] as const)) {
      const cuts = cutsOf(group, input.rules, axis, body);
      if (cuts.length === 0) continue;
      const parts = partition(group, cuts, axis);
      // A rule through the edge of boxes that all lie on its one side cuts nothing.
      if (parts.length < 2) continue;
      parts.forEach((part, i) => {
        const header = top && axis === headerAxis && i === 0 && inHeaderShare(bounds(part));
        if (header) leaf(part, true);
        else split(part, false);
      });
      return;
    }
    leaf(group, false);
  };
  split(items, true);
  return frames;
}

function bounds(items: readonly Item[]): Box {
  return {
    x0: Math.min(...items.map((i) => i.box.x0)),
    y0: Math.min(...items.map((i) => i.box.y0)),
    x1: Math.max(...items.map((i) => i.box.x1)),
    y1: Math.max(...items.map((i) => i.box.y1)),
  };
}

/** Positions of the rules that cut the group across (h) or down (v). */
function cutsOf(group: readonly Item[], rules: readonly Rule[], axis: 'h' | 'v', body: number): number[] {
  const b = bounds(group);
  const [lo, hi, from, to] = axis === 'h' ? [b.y0, b.y1, b.x0, b.x1] : [b.x0, b.x1, b.y0, b.y1];
  const tolerance = 0.2 * body;
  const cuts: number[] = [];
  for (const rule of rules) {
    if (rule.axis !== axis || rule.at <= lo + 0.5 * body || rule.at >= hi - 0.5 * body) continue;
    const covered = Math.min(rule.to, to) - Math.max(rule.from, from);
    if (covered < to - from - 2 * SHORT_BY * body) continue;
    // A line's box may reach over a rule right under it (an engine's box of a masthead takes
    // the rule's ink in): only a rule through the middle of a box is crossed by it.
    const crossed = group.some((item) => {
      const [a, z] = axis === 'h' ? [item.box.y0, item.box.y1] : [item.box.x0, item.box.x1];
      const [s0, s1] = axis === 'h' ? [item.box.x0, item.box.x1] : [item.box.y0, item.box.y1];
      const middle = (s0 + s1) / 2;
      const at = ruleAt(rule, Math.min(rule.to, Math.max(rule.from, middle)));
      const margin = Math.max(tolerance, 0.25 * (z - a));
      return a < at - margin && z > at + margin;
    });
    if (!crossed && !cuts.some((c) => Math.abs(c - rule.at) < body)) cuts.push(rule.at);
  }
  return cuts.sort((x, y) => x - y);
}

function partition(group: readonly Item[], cuts: readonly number[], axis: 'h' | 'v'): Item[][] {
  const parts: Item[][] = cuts.map(() => []);
  parts.push([]);
  for (const item of group) {
    const centre = axis === 'h' ? (item.box.y0 + item.box.y1) / 2 : (item.box.x0 + item.box.x1) / 2;
    const k = cuts.filter((c) => c < centre).length;
    parts[k]!.push(item);
  }
  return parts.filter((p) => p.length > 0);
}

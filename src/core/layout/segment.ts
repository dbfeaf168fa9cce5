// Suggests regions and articles for a newspaper page from its lines (PDF text layer or OCR) and
// its photo areas. Pure. The rules follow how such pages are printed:
// - the page header (date, page number, section, masthead) is the top band of the page;
// - headlines are set in larger type than the body; a slightly larger line above a headline is
//   its kicker, below it its subhead; "□ name" and a trailing "（name）" are bylines; "（上接第1版）"
//   and "（下转第2版）" are jump lines; the lines right under a photo are its caption;
// - body lines form column blocks (same left edge, one under the other);
// - every block belongs to the nearest headline above it whose width it shares, or to the
//   article whose blocks it continues beside; a headline starts an article.
// Reading order inside an article: kicker, headline, subhead, byline, jump-from, body columns
// left to right (each top to bottom), trailing byline, jump-to, photos with their captions.

import { boxHeight, unionBoxes, type Box } from '../../shared/geometry.ts';
import type { RegionRole } from '../../shared/model.ts';

export interface SegmentLine {
  box: Box;
  text: string;
}

export interface SuggestedRegion {
  role: RegionRole;
  box: Box;
  lines: number[]; // indexes into the input lines
}

export interface SegmentResult {
  regions: SuggestedRegion[];
  /** Each article's regions (indexes into `regions`) in reading order. */
  articles: number[][];
  /** Regions outside articles (page header), indexes into `regions`. */
  header: number[];
}

export interface SegmentInput {
  width: number;
  height: number;
  lines: readonly SegmentLine[];
  photos: readonly Box[];
  /** Bottom of the page header (the rule under it), when known; else a top band is assumed. */
  headerBottom?: number | null;
}

// Tuned on the three sample pages (PDF text layers, 300 dpi): body lines are 44 px high, small
// headlines 59 px (1.34×), kickers 53 px (1.2×), captions and jump lines 39–41 px.
const HEADER_BAND = 0.05; // share of the page height taken as header when no rule closes it
const HEADLINE = 1.28;
const KICKER = 1.1;

const JUMP = /^（[上下][接转]第.{1,4}版）$/u;
const BYLINE_TOP = /^□/u;
const BYLINE_TRAILING = /^（[\p{Script=Han}·\s]{2,12}）$/u;

type LineClass = 'header' | 'headline' | 'kicker' | 'jump' | 'byline' | 'caption' | 'body';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function overlapX(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
}

function classify(lines: readonly SegmentLine[], input: SegmentInput, body: number): LineClass[] {
  return lines.map((line) => {
    const text = line.text.replace(/\s+/g, '');
    const h = boxHeight(line.box);
    if (line.box.y1 < (input.headerBottom ?? input.height * HEADER_BAND)) return 'header';
    if (JUMP.test(text)) return 'jump';
    if (BYLINE_TOP.test(text) || BYLINE_TRAILING.test(text)) return 'byline';
    const underPhoto = input.photos.some(
      (p) =>
        line.box.y0 >= p.y1 - body &&
        line.box.y0 - p.y1 < 2.5 * body &&
        overlapX(p, line.box) > 0.5 * (line.box.x1 - line.box.x0),
    );
    if (underPhoto) return 'caption';
    if (h >= HEADLINE * body) return 'headline';
    if (h >= KICKER * body) return 'kicker';
    return 'body';
  });
}

/** Groups lines of one class into blocks: one under the other, sharing their left edge. */
function blocksOf(
  lines: readonly SegmentLine[],
  classes: LineClass[],
  body: number,
): { cls: LineClass; lines: number[]; box: Box }[] {
  const order = lines
    .map((_, i) => i)
    .sort((a, b) => lines[a]!.box.y0 - lines[b]!.box.y0 || lines[a]!.box.x0 - lines[b]!.box.x0);
  const blocks: { cls: LineClass; lines: number[]; box: Box }[] = [];
  for (const i of order) {
    const line = lines[i]!;
    const cls = classes[i]!;
    const h = boxHeight(line.box);
    const block = blocks.find((b) => {
      if (b.cls !== cls) return false;
      const last = lines[b.lines.at(-1)!]!;
      const gap = line.box.y0 - last.box.y1;
      const sameColumn =
        Math.abs(line.box.x0 - b.box.x0) < 2.5 * body &&
        overlapX(line.box, b.box) > 0.5 * Math.min(line.box.x1 - line.box.x0, b.box.x1 - b.box.x0);
      return (
        sameColumn &&
        gap >= -0.3 * h &&
        gap < (cls === 'body' ? 1.0 : 1.2) * Math.max(h, body) &&
        cls !== 'jump'
      );
    });
    if (block) {
      block.lines.push(i);
      block.box = unionBoxes([block.box, line.box]);
    } else blocks.push({ cls, lines: [i], box: { ...line.box } });
  }
  return blocks;
}

const ROLE: Record<LineClass, RegionRole> = {
  header: 'page_header',
  headline: 'headline',
  kicker: 'kicker',
  jump: 'jump',
  byline: 'byline',
  caption: 'caption',
  body: 'body',
};

export function segmentPage(input: SegmentInput): SegmentResult {
  const lines = input.lines.filter((l) => l.text.trim());
  const body = median(lines.map((l) => boxHeight(l.box))) || 1;
  const classes = classify(lines, input, body);
  const blocks = blocksOf(lines, classes, body);
  const regions: SuggestedRegion[] = blocks.map((b) => ({
    role: ROLE[b.cls],
    box: b.box,
    lines: b.lines.map((i) => input.lines.indexOf(lines[i]!)),
  }));
  for (const photo of input.photos) regions.push({ role: 'photo', box: photo, lines: [] });
  const header = regions.map((r, i) => (r.role === 'page_header' ? i : -1)).filter((i) => i >= 0);

  // Kickers directly above a headline stay kickers; below one they are subheads.
  const headlines = regions.map((r, i) => (r.role === 'headline' ? i : -1)).filter((i) => i >= 0);
  for (const r of regions) {
    if (r.role !== 'kicker') continue;
    const below = headlines.some(
      (h) =>
        regions[h]!.box.y1 <= r.box.y0 + body &&
        r.box.y0 - regions[h]!.box.y1 < 2 * body &&
        overlapX(regions[h]!.box, r.box) > 0,
    );
    if (below) r.role = 'subhead';
  }

  // Each headline starts an article; the others join the nearest headline above sharing width.
  const articleOf = new Map<number, number>();
  headlines.forEach((h, a) => articleOf.set(h, a));
  const pending = regions
    .map((_, i) => i)
    .filter((i) => !articleOf.has(i) && !header.includes(i))
    .sort((a, b) => regions[a]!.box.y0 - regions[b]!.box.y0);
  const heads = new Set<RegionRole>(['headline', 'kicker', 'subhead']);
  const sharesColumn = (a: Box, b: Box) => overlapX(a, b) > 0.5 * Math.min(a.x1 - a.x0, b.x1 - b.x0);
  // Kickers belong to the headline right below them.
  for (const i of pending.filter((i) => regions[i]!.role === 'kicker')) {
    const r = regions[i]!;
    const h = headlines.find(
      (h) =>
        regions[h]!.box.y0 >= r.box.y1 - body &&
        regions[h]!.box.y0 - r.box.y1 < 2 * body &&
        overlapX(regions[h]!.box, r.box) > 0,
    );
    if (h !== undefined) articleOf.set(i, articleOf.get(h)!);
  }
  for (const i of pending) {
    if (articleOf.has(i)) continue;
    const r = regions[i]!;
    // The nearest non-heading block above in the same column.
    const above = regions
      .map((x, j) => ({ x, j }))
      .filter(
        ({ x, j }) =>
          j !== i &&
          !header.includes(j) &&
          !heads.has(x.role) &&
          x.box.y1 <= r.box.y0 + 0.5 * body &&
          sharesColumn(x.box, r.box),
      )
      .sort((a, b) => b.x.box.y1 - a.x.box.y1)[0];
    // a. It continues that block (same column, small gap): same article.
    if (above && r.box.y0 - above.x.box.y1 < 2.5 * body && articleOf.has(above.j)) {
      articleOf.set(i, articleOf.get(above.j)!);
      continue;
    }
    // b. The nearest headline above sharing its width, below whatever ends the column above.
    const ceiling = above ? above.x.box.y1 : -Infinity;
    const h = headlines
      .filter(
        (h) =>
          regions[h]!.box.y0 >= ceiling - body &&
          regions[h]!.box.y0 <= r.box.y0 + body * 0.5 &&
          overlapX(regions[h]!.box, r.box) > 0,
      )
      .sort((a, b) => regions[b]!.box.y1 - regions[a]!.box.y1)[0];
    if (h !== undefined) articleOf.set(i, articleOf.get(h)!);
  }
  // c. Blocks no headline covers continue the article of the block beside them at the same
  // height (a column under a photo, the last columns of a wide article), nearest on the left
  // first; d. failing that, the nearest headline above.
  for (const i of pending) {
    if (articleOf.has(i)) continue;
    const r = regions[i]!;
    const beside = [...articleOf.keys()]
      .filter(
        (j) => !heads.has(regions[j]!.role) && regions[j]!.box.y0 < r.box.y1 && regions[j]!.box.y1 > r.box.y0,
      )
      .sort((a, b) => {
        const da = r.box.x0 - regions[a]!.box.x1;
        const db = r.box.x0 - regions[b]!.box.x1;
        return (da >= -body ? da : 1e9 - da) - (db >= -body ? db : 1e9 - db);
      })[0];
    if (beside !== undefined) {
      articleOf.set(i, articleOf.get(beside)!);
      continue;
    }
    const h = headlines
      .filter((h) => regions[h]!.box.y0 <= r.box.y0)
      .sort((a, b) => regions[b]!.box.y1 - regions[a]!.box.y1)[0];
    if (h !== undefined) articleOf.set(i, articleOf.get(h)!);
  }

  const articles: number[][] = headlines.map(() => []);
  for (const [region, article] of articleOf) articles[article]!.push(region);
  const rank = (r: SuggestedRegion, bodySeen: boolean): number => {
    const jumpFrom = r.role === 'jump' && /上接/.test(textOf(r, input));
    if (r.role === 'kicker') return 0;
    if (r.role === 'headline') return 1;
    if (r.role === 'subhead') return bodySeen ? 5 : 2; // an intertitle stays in the column flow
    if (r.role === 'byline' && !bodySeen) return 3;
    if (jumpFrom) return 4;
    if (r.role === 'body') return 5;
    if (r.role === 'byline') return 6;
    if (r.role === 'jump') return 7;
    return 8; // photos and captions
  };
  const ordered = articles.map((list) => {
    const bodyTop = Math.min(
      ...list.filter((i) => regions[i]!.role === 'body').map((i) => regions[i]!.box.y0),
    );
    const bodies = list.map((i) => regions[i]!).filter((r) => r.role === 'body');
    // A column is known by the left edge of the body blocks under a region's centre.
    const columnOf = (r: SuggestedRegion) => {
      const centre = (r.box.x0 + r.box.x1) / 2;
      const under = bodies.filter((b) => b.box.x0 <= centre && centre <= b.box.x1);
      return under.length > 0 ? Math.min(...under.map((b) => b.box.x0)) : r.box.x0;
    };
    return [...list].sort((a, b) => {
      const ra = regions[a]!;
      const rb = regions[b]!;
      const ka = rank(ra, ra.box.y0 > bodyTop);
      const kb = rank(rb, rb.box.y0 > bodyTop);
      if (ka !== kb) return ka - kb;
      if (ka === 5) return columnOf(ra) - columnOf(rb) || ra.box.y0 - rb.box.y0;
      if (ka === 8) return ra.box.x0 - rb.box.x0 || ra.box.y0 - rb.box.y0;
      return ra.box.y0 - rb.box.y0;
    });
  });
  return { regions, articles: ordered, header };
}

function textOf(r: SuggestedRegion, input: SegmentInput): string {
  return r.lines.map((i) => input.lines[i]!.text).join('');
}

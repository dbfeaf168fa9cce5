// The layout of a newspaper page from its text lines, printed rules and photos: blocks with
// their roles, grouped into articles, in reading order. Pure, and the same for every text
// source (tesseract, PP-OCR, a PDF text layer, imported ALTO/PAGE): it looks at where lines
// are and how big their type is, never at the order a source emitted them in.
//
// How a page is set, and what follows from it:
// - Rules frame articles. A rule that runs across (nearly) the whole of a part of the page,
//   with no line crossing it, separates what is above from what is below (or left from right);
//   cutting at such rules, the longest first, gives the page's article frames in reading
//   order: top before bottom, left before right (frames.ts).
// - The rule that closes the top of the page ends the page header (folio, date, masthead).
// - Type size gives roles: body text is the dominant size; headlines are markedly larger;
//   kickers and subheads sit between; captions are smaller. A frame with two headlines side by
//   side or stacked and no rule between them holds two articles (headline anchoring).
// - Inside an article the body is set in columns: the column grid is where body lines stand.
//   A reader takes kicker, headline, subhead, byline, then the columns left to right, each top
//   to bottom (intertitles, a trailing byline and jump lines in place), then each photo with
//   its caption.

import type { Box } from '../../shared/geometry.ts';
import type { RegionRole } from '../../shared/model.ts';
import type { Rule } from './separators.ts';
import { articleFrames, type Frame } from './frames.ts';
import { headerOrder } from './header.ts';
import { captionsOf } from './captions.ts';
import { classOfLine, relativeSize, typeSizes, type LineClass, type TypeSizes } from './type-sizes.ts';
import { columnBlocks } from './columns.ts';
import { readJumpLine } from './jump-lines.ts';

export interface LayoutLine {
  box: Box;
  text: string;
}

export interface LayoutInput {
  width: number;
  height: number;
  /** Upright page coordinates (see page-image.ts). */
  lines: readonly LayoutLine[];
  rules: readonly Rule[];
  photos: readonly Box[];
  /** Where the top of the page lies in these coordinates: 'left' for a page seen turned a quarter. */
  pageTop?: 'top' | 'left';
}

export interface LayoutBlock {
  role: RegionRole;
  box: Box;
  /** Indexes into the input lines, in reading order. Empty for a photo. */
  lines: number[];
}

export interface PageLayout {
  blocks: LayoutBlock[];
  /** Page header blocks (indexes into `blocks`) in reading order. */
  header: number[];
  /** Each article's blocks in reading order. */
  articles: number[][];
  /** Every block once, in the page's reading order: header, then article by article. */
  order: number[];
  /** The article frames (and the header's), with their blocks. */
  frames: { box: Box; header: boolean; blocks: number[] }[];
  sizes: TypeSizes;
}

export function analysePage(input: LayoutInput): PageLayout {
  const lines = input.lines;
  const sizes = typeSizes(lines);
  const frames = articleFrames(input, sizes.body);
  const blocks: LayoutBlock[] = [];
  const add = (block: LayoutBlock) => blocks.push(block) - 1;
  const header: number[] = [];
  const articles: number[][] = [];
  const framed: PageLayout['frames'] = [];
  for (const frame of frames) {
    const first = blocks.length;
    if (frame.header) {
      header.push(
        ...headerOrder(
          frame.lines.map((i) => ({ index: i, ...lines[i]! })),
          sizes,
        ).map((ls) => add({ role: 'page_header', box: union(ls.map((i) => lines[i]!.box)), lines: ls })),
      );
    } else
      for (const article of frameArticles(frame, lines, sizes)) {
        // Columns that no headline claims continue the article before them (a paper that rules
        // its columns apart boxes each column of an article on its own).
        // A part that says where it is continued from opens a part of its own, whatever the
        // size of its repeated headline.
        const continued = article.some(
          (b) =>
            b.role === 'jump' && readJumpLine(b.lines.map((i) => lines[i]!.text).join('')).from !== undefined,
        );
        const headless = !continued && !article.some((b) => b.role === 'headline' || b.role === 'kicker');
        if (headless && articles.length > 0) articles.at(-1)!.push(...article.map(add));
        else articles.push(article.map(add));
      }
    framed.push({ box: frame.box, header: frame.header, blocks: blocks.map((_, i) => i).slice(first) });
  }
  return { blocks, header, articles, order: [...header, ...articles.flat()], frames: framed, sizes };
}

/** The articles of one frame, each as blocks in reading order. */
function frameArticles(frame: Frame, lines: readonly LayoutLine[], sizes: TypeSizes): LayoutBlock[][] {
  const { captions, used } = captionsOf(frame.photos, frame.lines, lines, sizes);
  const rest = frame.lines.filter((i) => !used.has(i));
  const classes = new Map(rest.map((i) => [i, classOfLine(lines[i]!, sizes)] as const));
  promoteHeadlineHalves(rest, lines, classes);
  const display = rest.filter((i) => classes.get(i) === 'display');
  const headBlocks = stackLines(display, lines, sizes);
  const bodyLines = rest.filter((i) => classes.get(i) !== 'display');
  const columns = columnBlocks(bodyLines, lines, classes, sizes.body);
  // Heads: the largest type in the frame is the headline; smaller display type above it is its
  // kicker, below it its subhead.
  const headSize = Math.max(0, ...headBlocks.map((b) => b.size));
  const headline = headBlocks.filter((b) => b.size >= 0.9 * headSize);
  const headlineTop = Math.min(...headline.map((b) => b.box.y0));
  const heads: LayoutBlock[] = headBlocks
    .map((b): LayoutBlock => {
      const role: RegionRole = headline.includes(b)
        ? 'headline'
        : b.box.y1 <= headlineTop + sizes.body
          ? 'kicker'
          : 'subhead';
      return { role, box: b.box, lines: b.lines };
    })
    .sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  // A subhead below the body's top is an intertitle: it reads in its column.
  const bodyTop = Math.min(...columns.map((c) => c.box.y0));
  const inColumns = heads.filter((h) => h.role === 'subhead' && h.box.y0 > bodyTop + sizes.body);
  // A byline set right under the headline (or its subhead) is read with it, before the body.
  const underHeads = columns.filter(
    (c) =>
      c.role === 'byline' &&
      heads.some(
        (h) =>
          !inColumns.includes(h) &&
          c.box.y0 >= h.box.y1 - 0.5 * sizes.body &&
          c.box.y0 - h.box.y1 < 2 * sizes.body &&
          Math.min(c.box.x1, h.box.x1) > Math.max(c.box.x0, h.box.x0),
      ),
  );
  const above = [...heads.filter((h) => !inColumns.includes(h)), ...underHeads];
  // A continued part repeats its headline right above the "continued from" line, sometimes in
  // type no larger than the body: whatever stands above that line in the part is its headline.
  const jumpFrom = columns.find(
    (c) => c.role === 'jump' && readJumpLine(c.lines.map((i) => lines[i]!.text).join('')).from !== undefined,
  );
  const repeated = jumpFrom
    ? columns.filter(
        (c) =>
          c.role === 'body' &&
          c.box.y1 <= jumpFrom.box.y0 + 0.2 * sizes.body &&
          jumpFrom.box.y0 - c.box.y1 < 2 * sizes.body &&
          Math.min(c.box.x1, jumpFrom.box.x1) > Math.max(c.box.x0, jumpFrom.box.x0),
      )
    : [];
  for (const r of repeated) r.role = 'headline';
  if (repeated.length > 0) above.push(...repeated);
  const flow = orderColumns(
    [...columns.filter((c) => !underHeads.includes(c) && !repeated.includes(c)), ...inColumns],
    sizes.body,
  );
  const photos: LayoutBlock[] = [];
  for (const photo of [...frame.photos].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)) {
    photos.push({ role: 'photo', box: photo, lines: [] });
    const caption = captions.get(photo);
    if (caption)
      photos.push({ role: 'caption', box: union(caption.map((i) => lines[i]!.box)), lines: caption });
  }
  const blocks = [...above, ...flow, ...photos];
  return blocks.length > 0 ? [blocks] : [];
}

/**
 * The halves of a headline (or kicker) set apart on one row are one line of display type,
 * even where an engine's box makes one half measure a little smaller: a line as tall as a
 * display line beside it, with no more than a few ems between them, is display type too.
 */
function promoteHeadlineHalves(
  indexes: readonly number[],
  lines: readonly LayoutLine[],
  classes: Map<number, LineClass>,
): void {
  const display = indexes.filter((i) => classes.get(i) === 'display');
  for (const i of indexes) {
    if (classes.get(i) !== 'text') continue;
    const b = lines[i]!.box;
    const h = b.y1 - b.y0;
    const beside = display.some((d) => {
      const o = lines[d]!.box;
      const dh = o.y1 - o.y0;
      return (
        Math.min(b.y1, o.y1) - Math.max(b.y0, o.y0) > 0.5 * Math.min(h, dh) &&
        Math.max(b.x0, o.x0) - Math.min(b.x1, o.x1) < 3 * dh &&
        h >= 0.9 * dh
      );
    });
    if (beside) classes.set(i, 'display');
  }
}

/** Two pieces of one row of display type: side by side, no more than a few ems apart. */
function sameRow(a: Box, b: Box): boolean {
  const ha = a.y1 - a.y0;
  const hb = b.y1 - b.y0;
  return (
    Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5 * Math.min(ha, hb) &&
    Math.max(a.x0, b.x0) - Math.min(a.x1, b.x1) < 3 * Math.max(ha, hb)
  );
}

/** Display lines stacked into blocks: a two-line headline is one block. */
function stackLines(
  indexes: readonly number[],
  lines: readonly LayoutLine[],
  sizes: TypeSizes,
): { box: Box; lines: number[]; size: number }[] {
  const sorted = [...indexes].sort((a, b) => lines[a]!.box.y0 - lines[b]!.box.y0);
  const blocks: { box: Box; lines: number[]; size: number }[] = [];
  for (const i of sorted) {
    const box = lines[i]!.box;
    const h = box.y1 - box.y0;
    const size = relativeSize(lines[i]!, sizes);
    const block = blocks.find((b) => {
      const last = lines[b.lines.at(-1)!]!.box;
      const lh = last.y1 - last.y0;
      // The halves of a headline set apart on one row (an engine reads them as two lines).
      if (sameRow(box, last)) return true;
      return (
        box.y0 - last.y1 < 0.6 * Math.max(h, lh) + 0.2 * sizes.body &&
        Math.min(box.x1, b.box.x1) - Math.max(box.x0, b.box.x0) > 0 &&
        size / relativeSize(lines[b.lines.at(-1)!]!, sizes) > 0.85 &&
        size / relativeSize(lines[b.lines.at(-1)!]!, sizes) < 1.18
      );
    });
    if (block) {
      block.lines.push(i);
      block.box = union([block.box, box]);
      block.size = Math.max(block.size, size);
    } else blocks.push({ box: { ...box }, lines: [i], size });
  }
  // A piece an engine read apart from the rest of its headline row ("化”" before "打造基层党建
  // 样板", its closing quote's narrow ink making it measure smaller) may come before the row's
  // other pieces; it belongs to the block that holds them.
  for (let k = blocks.length - 1; k >= 0; k--) {
    const piece = blocks[k]!;
    const home = blocks.find(
      (b) =>
        b !== piece && piece.lines.every((i) => b.lines.some((j) => sameRow(lines[i]!.box, lines[j]!.box))),
    );
    if (!home) continue;
    home.lines.push(...piece.lines);
    home.box = union([home.box, piece.box]);
    home.size = Math.max(home.size, piece.size);
    blocks.splice(k, 1);
  }
  const rowOrder = (a: number, b: number) => {
    const dy = lines[a]!.box.y0 - lines[b]!.box.y0;
    return Math.abs(dy) < 0.5 * (lines[a]!.box.y1 - lines[a]!.box.y0)
      ? lines[a]!.box.x0 - lines[b]!.box.x0
      : dy;
  };
  for (const b of blocks) b.lines.sort(rowOrder);
  return blocks;
}

/**
 * Column blocks in reading order: columns left to right, each top to bottom. The columns are
 * the x-ranges the body's blocks of several lines stand in; a block that fits none of them
 * (a byline or a subhead centred across a gutter) is read before the columns, in its place
 * from the top.
 */
function orderColumns(blocks: readonly LayoutBlock[], body: number): LayoutBlock[] {
  const ranges: { x0: number; x1: number; blocks: LayoutBlock[] }[] = [];
  const grid = blocks.filter((b) => b.role === 'body' && b.lines.length > 1);
  // Blocks stand in one column when each one's middle lies within the other: boxes drawn a
  // little wide (an imported polygon, a line run into the gutter) overlap the next column's by
  // a few characters, but never reach its middle.
  const centre = (x0: number, x1: number) => (x0 + x1) / 2;
  for (const b of [...grid].sort((a, c) => a.box.x0 - c.box.x0)) {
    const range = ranges.find(
      (r) =>
        Math.min(r.x1, b.box.x1) - Math.max(r.x0, b.box.x0) > 0.5 * body &&
        centre(b.box.x0, b.box.x1) > r.x0 &&
        centre(b.box.x0, b.box.x1) < r.x1 &&
        centre(r.x0, r.x1) > b.box.x0 &&
        centre(r.x0, r.x1) < b.box.x1,
    );
    if (range) {
      range.x0 = Math.min(range.x0, b.box.x0);
      range.x1 = Math.max(range.x1, b.box.x1);
    } else ranges.push({ x0: b.box.x0, x1: b.box.x1, blocks: [] });
  }
  const across: LayoutBlock[] = [];
  for (const b of blocks) {
    const centre = (b.box.x0 + b.box.x1) / 2;
    const range = ranges.find(
      (r) => centre >= r.x0 && centre <= r.x1 && b.box.x0 >= r.x0 - body && b.box.x1 <= r.x1 + body,
    );
    if (range) range.blocks.push(b);
    else across.push(b);
  }
  return [
    ...across.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0),
    ...ranges.sort((a, b) => a.x0 - b.x0).flatMap((r) => r.blocks.sort((a, b) => a.box.y0 - b.box.y0)),
  ];
}

export function union(boxes: readonly Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

// A vertical column of Chinese type, set again across so that the line recogniser reads it.
// PP-OCR's recogniser reads lines that run left to right, upright glyphs side by side. A
// vertical column is the same upright glyphs one under another; the type is square and set
// solid on a grid, so the column falls into cells one em tall, with a sliver of white between
// most of them. Cutting the column at its white rows, and joining pieces that together stay
// within an em (the strokes of 二 or 三 stand apart), gives the cells; placed side by side they
// make a line the recogniser reads as it reads any other. Punctuation set in vertical form
// stands small in the corner of its own cell; it is placed at the foot of the line, where the
// recogniser knows a comma or a stop. Each character read maps back to its cell's place.

import type { Box } from '../../../shared/geometry.ts';
import { cellsOnGrid, typePitch } from './column-grid.ts';
import type { GreyImage } from './grey-image.ts';

export interface ColumnCell {
  /** The cell in page pixels. */
  box: Box;
  /** Where the cell stands in the line set across: from x0 to x1. */
  x0: number;
  x1: number;
  /** A corner bracket, told by its shape, which the recogniser may misread turned back. */
  bracket?: '「' | '」';
}

export interface ColumnAcross {
  /** The line set across (white paper, the column's glyphs side by side). */
  image: GreyImage;
  cells: ColumnCell[];
}

const INK = 140;

function inkedAcross(image: GreyImage, y: number, x0: number, x1: number): boolean {
  let inked = 0;
  for (let x = x0; x < x1; x++) if (image.data[y * image.width + x]! < INK) inked++;
  return inked >= 0.9 * (x1 - x0);
}

/**
 * Whether row y is a rule crossing the column x0..x1: inked from edge to edge and on beyond both
 * edges by a third of the column's width, as no stroke of a glyph reaches (a headline's strokes
 * may span the whole of DB's box, which is drawn tight around large type).
 */
function ruleRow(image: GreyImage, y: number, x0: number, x1: number): boolean {
  const reach = Math.round((x1 - x0) / 3);
  const from = Math.max(0, x0 - reach);
  const to = Math.min(image.width, x1 + reach);
  if (from === x0 || to === x1) return false;
  let inked = 0;
  for (let x = from; x < to; x++) if (image.data[y * image.width + x]! < INK) inked++;
  return inked >= 0.9 * (to - from);
}

/** Whether a rule crosses the white between two pieces of a column, one above the other. */
export function ruleBetween(image: GreyImage, upper: Box, lower: Box): boolean {
  const x0 = Math.max(0, Math.floor(Math.min(upper.x0, lower.x0)));
  const x1 = Math.min(image.width, Math.ceil(Math.max(upper.x1, lower.x1)));
  const from = Math.max(0, Math.floor(upper.y1));
  const to = Math.min(image.height, Math.ceil(lower.y0));
  for (let y = from; y < to; y++) if (ruleRow(image, y, x0, x1)) return true;
  return false;
}

/**
 * The ink's extent in the column box: [x0, x1) across it, and which rows hold ink.
 * - A row inked from edge to edge of the box (DB's, grown beyond the glyphs) and on beyond it is
 *   a rule crossing the column: it counts as white.
 * - A pixel column inked down nearly the whole of a tall box is a rule between columns (older
 *   papers set one between every two), which no glyph's stroke is: it counts as white too, so
 *   the column's cells and its width are the glyphs' own.
 * - A speck in the gutter, inked in a row or two of the whole column, does not widen it.
 */
function inkOf(image: GreyImage, box: Box): { x0: number; x1: number; rows: number[] } {
  const x0 = Math.max(0, Math.floor(box.x0));
  const x1 = Math.min(image.width, Math.ceil(box.x1));
  const y0 = Math.max(0, Math.floor(box.y0));
  const y1 = Math.min(image.height, Math.ceil(box.y1));
  const down = new Array<number>(Math.max(0, x1 - x0)).fill(0);
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) if (image.data[y * image.width + x]! < INK) down[x - x0]!++;
  const tall = y1 - y0 >= 3 * (x1 - x0);
  const ruled = down.map((n) => tall && n >= 0.9 * (y1 - y0));
  const columns = new Array<number>(Math.max(0, x1 - x0)).fill(0);
  // The share of each row that is inked (0: a white row).
  const rows: number[] = [];
  for (let y = y0; y < y1; y++) {
    const row = y * image.width;
    let inked = 0;
    for (let x = x0; x < x1; x++) if (!ruled[x - x0] && image.data[row + x]! < INK) inked++;
    const rule = inked >= 0.9 * (x1 - x0) && ruleRow(image, y, x0, x1);
    rows.push(rule ? 0 : inked / Math.max(1, x1 - x0));
    if (inked === 0 || rule) continue;
    for (let x = x0; x < x1; x++) if (!ruled[x - x0] && image.data[row + x]! < INK) columns[x - x0]!++;
  }
  const least = Math.max(1, 0.01 * (y1 - y0));
  let left = columns.findIndex((n) => n >= least);
  let right = columns.length - 1 - [...columns].reverse().findIndex((n) => n >= least);
  if (left < 0) [left, right] = [0, columns.length - 1];
  return { x0: x0 + left, x1: x0 + right + 1, rows };
}

/**
 * A detected column (or line) cut where a rule crosses it: DB may join a column to the headline
 * or the column above a rule, or take a rule under a line into its box (large type close to a
 * rule), and no text runs through a rule.
 */
export function cutAtRules(image: GreyImage, box: Box): Box[] {
  // A line set across is never inked from end to end but where a rule runs under it.
  const down = box.y1 - box.y0 >= box.x1 - box.x0;
  const x0 = Math.max(0, Math.floor(box.x0));
  const x1 = Math.min(image.width, Math.ceil(box.x1));
  const y0 = Math.max(0, Math.floor(box.y0));
  const y1 = Math.min(image.height, Math.ceil(box.y1));
  const pieces: Box[] = [];
  let start = y0;
  for (let y = y0; y < y1; y++) {
    if (!(down ? ruleRow(image, y, x0, x1) : inkedAcross(image, y, x0, x1))) continue;
    if (y - start >= 4) pieces.push({ ...box, y0: start, y1: y });
    start = y + 1;
  }
  if (y1 - start >= 4) pieces.push({ ...box, y0: start, y1 });
  return pieces;
}

/** The column's cells, top to bottom, in page pixels. */
export function columnCells(image: GreyImage, box: Box): Box[] {
  const ink = inkOf(image, box);
  const em = ink.x1 - ink.x0;
  const top = Math.max(0, Math.floor(box.y0));
  const pieces: { y0: number; y1: number }[] = [];
  ink.rows.forEach((share, i) => {
    const last = pieces.at(-1);
    if (share === 0) return;
    if (last && last.y1 === top + i) last.y1++;
    else pieces.push({ y0: top + i, y1: top + i + 1 });
  });
  // Pieces join while together they stay within an em and a little: the strokes of one glyph.
  const cells: { y0: number; y1: number }[] = [];
  for (const p of pieces) {
    const last = cells.at(-1);
    if (last && p.y1 - last.y0 <= 1.12 * em) last.y1 = p.y1;
    else cells.push({ ...p });
  }
  // Where the column's glyphs show its pitch, it is cut on that grid (column-grid.ts).
  const pitch = typePitch(cells, em);
  if (pitch !== null)
    return cellsOnGrid(ink.rows, pitch).map((c) => ({
      x0: ink.x0,
      y0: top + c.y0,
      x1: ink.x1,
      y1: top + c.y1,
    }));
  // Type set solid with glyphs that fill their em (large headline type) leaves no white row
  // between characters: a run taller than an em is cut into as many cells as ems it holds, each
  // as tall as the column's own cells, where it has any.
  const single = cells
    .map((c) => c.y1 - c.y0)
    .filter((h) => h >= 0.7 * em && h <= 1.12 * em)
    .sort((a, b) => a - b);
  const solid = single.length >= 3 ? single[Math.floor(single.length / 2)]! + 0.05 * em : 1.05 * em;
  return cells.flatMap((c) => {
    const n = c.y1 - c.y0 > 1.3 * em ? Math.max(1, Math.round((c.y1 - c.y0) / solid)) : 1;
    const step = (c.y1 - c.y0) / n;
    return Array.from({ length: n }, (_, k) => ({
      x0: ink.x0,
      y0: Math.round(c.y0 + k * step),
      x1: ink.x1,
      y1: Math.round(c.y0 + (k + 1) * step),
    }));
  });
}

/** What a cell shorter than half an em holds, and where its ink lies. */
interface ShortCell {
  kind: 'opening' | 'closing' | 'stroke' | 'mark';
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * A short cell told by the shape of its ink, at a threshold between its darkest and its paper
 * (a thin stroke blurred on a scan is faint). Three things are short in a column:
 * - a mark (、，。), smaller than an em both ways, in a corner of its body;
 * - the stroke of 一, a bar across the column. In Ming type the bar ends in a serif that rises
 *   at its right end, so the bar lies at the foot of its ink;
 * - a corner bracket set vertically, the horizontal one turned a quarter clockwise: ﹁ is a bar
 *   with a stroke hanging from its right end (the bar on top), ﹂ a bar with a stroke rising
 *   from its left end (the bar at the foot).
 */
function shortCell(image: GreyImage, cell: Box, em: number): ShortCell {
  let darkest = 255;
  let paper = 0;
  for (let y = cell.y0; y < cell.y1; y++)
    for (let x = cell.x0; x < cell.x1; x++) {
      const v = image.data[y * image.width + x]!;
      darkest = Math.min(darkest, v);
      paper = Math.max(paper, v);
    }
  const threshold = darkest + 0.6 * (paper - darkest);
  const inkAt = (x: number, y: number) => image.data[y * image.width + x]! < threshold;
  let [left, right, top, bottom] = [cell.x1, cell.x0, cell.y1, cell.y0];
  for (let y = cell.y0; y < cell.y1; y++)
    for (let x = cell.x0; x < cell.x1; x++)
      if (inkAt(x, y)) {
        left = Math.min(left, x);
        right = Math.max(right, x + 1);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y + 1);
      }
  const wide = right - left;
  const high = bottom - top;
  if (wide <= 0 || high <= 0)
    return { kind: 'mark', left: cell.x0, right: cell.x1, top: cell.y0, bottom: cell.y1 };
  if (wide < 0.6 * em) return { kind: 'mark', left, right, top, bottom };
  // How far down each end reaches, and the row the bar runs along.
  const reach = (x0: number, x1: number) => {
    let most = 0;
    for (let x = x0; x < x1; x++) {
      let n = 0;
      for (let y = top; y < bottom; y++) if (inkAt(x, y)) n++;
      most = Math.max(most, n);
    }
    return most;
  };
  const end = Math.max(1, Math.round(0.2 * wide));
  const middle = reach(left + end, right - end);
  const atLeft = reach(left, left + end);
  const atRight = reach(right - end, right);
  let barRow = top;
  let barInk = -1;
  for (let y = top; y < bottom; y++) {
    let n = 0;
    for (let x = left; x < right; x++) if (inkAt(x, y)) n++;
    if (n > barInk) [barRow, barInk] = [y, n];
  }
  const barOnTop = barRow - top < bottom - barRow;
  // The bracket's hanging stroke is a quarter of an em and more, twice the bar's thickness.
  const hangs = (side: number) => side >= 0.18 * em && side >= 2 * middle;
  if (hangs(atRight) && barOnTop) return { kind: 'opening', left, right, top, bottom };
  if (hangs(atLeft) && !barOnTop) return { kind: 'closing', left, right, top, bottom };
  return { kind: 'stroke', left, right, top, bottom };
}

/** The column set across: its cells side by side, at their own size, on white. */
export function setAcross(image: GreyImage, box: Box): ColumnAcross {
  const cells = columnCells(image, box);
  const em = cells.length > 0 ? cells[0]!.x1 - cells[0]!.x0 : 1;
  const pad = Math.round(0.2 * em);
  const gap = Math.max(2, Math.round(0.12 * em));
  // A cell may stand taller than the column is wide (a glyph with a long stroke): the line is
  // as tall as its tallest cell.
  const line = Math.max(em, ...cells.map((c) => c.y1 - c.y0));
  const height = Math.ceil(line + 2 * pad);
  const width = Math.max(8, Math.ceil(cells.reduce((w, c) => w + (c.x1 - c.x0) + gap, pad * 2)));
  const data = new Uint8Array(width * height).fill(255);
  const placed: ColumnCell[] = [];
  let x = pad;
  for (const [i, cell] of cells.entries()) {
    const w = cell.x1 - cell.x0;
    const h = cell.y1 - cell.y0;
    // A short cell is looked at in the white of its body around it, up to its neighbours: a
    // bracket's hanging stroke, thin and blurred on a scan, may be too faint to count as ink.
    const apart = 0.1 * em;
    const body = {
      ...cell,
      y0: Math.round(Math.max((cells[i - 1]?.y1 ?? box.y0) + apart, cell.y0 - 0.4 * em, 0)),
      y1: Math.round(Math.min((cells[i + 1]?.y0 ?? box.y1) - apart, cell.y1 + 0.4 * em, image.height)),
    };
    const tight = h < 0.45 * em ? shortCell(image, cell, em) : null;
    const short =
      tight?.kind === 'mark' || body.y1 - body.y0 < h ? tight : tight && shortCell(image, body, em);
    // A bracket set vertically is turned back a quarter: it reads as 「 」.
    if (short?.kind === 'opening' || short?.kind === 'closing') {
      const long = short.right - short.left;
      const thick = short.bottom - short.top;
      const top = pad + Math.max(0, Math.round((line - long) / 2));
      for (let dx = 0; dx < long && top + dx < height; dx++)
        for (let dy = 0; dy < thick; dy++)
          data[(top + dx) * width + x + dy] =
            image.data[(short.top + dy) * image.width + short.right - 1 - dx]!;
      placed.push({ box: cell, x0: x, x1: x + thick, bracket: short.kind === 'opening' ? '「' : '」' });
      x += thick + gap;
      continue;
    }
    // A mark much smaller than an em both ways (a comma, a stop, a pause mark) sits at the
    // foot of the line; a glyph, 一 as well, sits on the line's middle.
    const small = short?.kind === 'mark';
    const top = small ? pad + line - h : pad + Math.round((line - h) / 2);
    // Set vertically, the mark stands at the right of its cell; set across, at the left, the
    // rest of its em white after it (、 then the next glyph), as the recogniser learnt it.
    const [from, to] = small ? [short.left, short.right] : [cell.x0, cell.x1];
    for (let dy = 0; dy < h && top + dy < height; dy++) {
      const src = (cell.y0 + dy) * image.width + from;
      data.set(image.data.subarray(src, src + to - from), (top + dy) * width + x);
    }
    placed.push({ box: cell, x0: x, x1: x + w });
    x += w + gap;
  }
  return { image: { width, height, data }, cells: placed };
}

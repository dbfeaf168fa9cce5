// Reads a page set in vertical columns. The columns are found by PP-OCR's text detector, which
// sees text whichever way it runs (read in tiles turned the same way as the columns); each
// column is set across (ppocr/vertical-columns.ts), and lines that run across the page (a
// headline over the columns, a caption, an advertisement) are taken as they are. All of them,
// one under another with white between, make a sheet of ordinary horizontal lines that the
// page's engine reads the way it reads any page, with its horizontal model (chi_tra for a page
// in chi_tra_vert). Each word read maps back to the cells of its column, so the page's lines
// are its columns, top to bottom, in page pixels; the layout puts them in reading order.

import sharp from 'sharp';
import { unionBoxes, type Box } from '../../shared/geometry.ts';
import type { Block, Line, Word } from '../../shared/model.ts';
import { acrossLanguages } from '../../shared/language.ts';
import type { OcrEngine, RecogniseRequest, Segmentation } from './engine.ts';
import { lineTextFromWords } from './line-text.ts';
import { lineTokens, splitBox } from '../text/line-words.ts';
import { joinPieces, TextDetector } from './ppocr/detect.ts';
import { toGrey, type GreyImage } from './ppocr/grey-image.ts';
import { ppOcrModels } from './ppocr/models.ts';
import { detectionScale } from './ppocr/ppocr-engine.ts';
import { cutAtRules, ruleBetween, setAcross, type ColumnCell } from './ppocr/vertical-columns.ts';
import type { StageTimes } from './stage-times.ts';

interface Piece {
  /** Where the piece stands on the page. */
  box: Box;
  /** The cells of a column set across; none for a line that runs across the page already. */
  cells: ColumnCell[] | null;
  image: GreyImage;
  /** Where the piece was placed on its sheet. */
  x: number;
  y: number;
}

/** A sheet stays under this height in pixels, so an engine's image stays of a page's size. */
const SHEET_HEIGHT = 6000;
const MARGIN = 40;

let detector: Promise<TextDetector> | null = null;

/** One detector per thread, made when a page's columns are first looked for. */
export function columnDetector(): Promise<TextDetector> {
  detector ??= TextDetector.create(ppOcrModels().detection, 1);
  return detector;
}

function crop(image: GreyImage, box: Box): GreyImage {
  const x0 = Math.max(0, Math.floor(box.x0));
  const y0 = Math.max(0, Math.floor(box.y0));
  const width = Math.max(1, Math.min(image.width, Math.ceil(box.x1)) - x0);
  const height = Math.max(1, Math.min(image.height, Math.ceil(box.y1)) - y0);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const src = (y0 + y) * image.width + x0;
    data.set(image.data.subarray(src, src + width), y * width);
  }
  return { width, height, data };
}

function runsDown(b: Box): boolean {
  return b.y1 - b.y0 >= b.x1 - b.x0;
}

/**
 * A column's box without the lines set across that it overlaps: DB may run a column's box up
 * into a headline set across the top of the columns (the headline's first characters stand in
 * a column of their own), and no column runs through a line set across.
 */
function besideRows(column: Box, rows: readonly Box[]): Box[] {
  const width = column.x1 - column.x0;
  const crossing = rows
    .filter((r) => Math.min(r.x1, column.x1) - Math.max(r.x0, column.x0) >= 0.3 * width)
    .filter((r) => r.y0 < column.y1 && r.y1 > column.y0)
    .sort((a, b) => a.y0 - b.y0);
  const pieces: Box[] = [];
  let top = column.y0;
  for (const r of crossing) {
    if (r.y0 - top >= 0.5 * width) pieces.push({ ...column, y0: top, y1: r.y0 });
    top = Math.max(top, r.y1);
  }
  if (column.y1 - top >= 0.5 * width) pieces.push({ ...column, y0: top });
  return pieces;
}

/**
 * The square pieces that are a headline's last line: a line set across may hold one or two
 * characters, centred under the lines before it. Such a piece is as tall as a line of the
 * headline (within a fifth) and at least as broad as one of its characters, stands under or over
 * one at the headline's own line spacing, and within its breadth. A column's piece is of the
 * body's type, narrower than a headline's character.
 */
export function headlineEnds(lines: readonly Box[], squares: readonly Box[]): Set<Box> {
  const ends = new Set<Box>();
  for (const s of squares) {
    const tall = s.y1 - s.y0;
    const line = lines.find((l) => {
      const h = l.y1 - l.y0;
      const gap = Math.max(s.y0 - l.y1, l.y0 - s.y1);
      return (
        Math.abs(tall - h) <= 0.2 * h &&
        s.x1 - s.x0 >= 0.8 * h &&
        gap >= 0 &&
        gap <= 0.5 * h &&
        s.x0 >= l.x0 - 0.1 * h &&
        s.x1 <= l.x1 + 0.1 * h
      );
    });
    if (line) ends.add(s);
  }
  return ends;
}

/** The pieces placed on sheets, one under another, each followed by white as tall as itself. */
function sheetsOf(pieces: Omit<Piece, 'x' | 'y'>[]): { pieces: Piece[]; width: number; height: number }[] {
  const sheets: { pieces: Piece[]; width: number; height: number }[] = [];
  let sheet: (typeof sheets)[number] | null = null;
  for (const p of pieces) {
    if (!sheet || sheet.height + 2 * p.image.height > SHEET_HEIGHT) {
      sheet = { pieces: [], width: 0, height: MARGIN };
      sheets.push(sheet);
    }
    sheet.pieces.push({ ...p, x: MARGIN, y: sheet.height });
    sheet.width = Math.max(sheet.width, p.image.width + 2 * MARGIN);
    sheet.height += 2 * p.image.height;
  }
  return sheets;
}

async function sheetImage(sheet: { pieces: Piece[]; width: number; height: number }): Promise<Buffer> {
  const data = new Uint8Array(sheet.width * sheet.height).fill(255);
  for (const p of sheet.pieces)
    for (let y = 0; y < p.image.height; y++)
      data.set(
        p.image.data.subarray(y * p.image.width, (y + 1) * p.image.width),
        (p.y + y) * sheet.width + p.x,
      );
  return sharp(Buffer.from(data.buffer, data.byteOffset, data.length), {
    raw: { width: sheet.width, height: sheet.height, channels: 1 },
  })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/**
 * A word read on the sheet, back on the page, as the engines give Chinese: each character (and
 * Latin run) a word of its own, in the cells of its column it covers, or at its place.
 */
function wordsOnPage(word: Word, piece: Piece): Word[] {
  const x0 = word.box.x0 - piece.x;
  const x1 = word.box.x1 - piece.x;
  if (!piece.cells) {
    const dy = piece.box.y0 - piece.y;
    const dx = piece.box.x0 - piece.x;
    return [
      {
        ...word,
        box: { x0: word.box.x0 + dx, y0: word.box.y0 + dy, x1: word.box.x1 + dx, y1: word.box.y1 + dy },
      },
    ];
  }
  const centre = (c: ColumnCell) => (c.x0 + c.x1) / 2;
  const covered = piece.cells.filter((c) => centre(c) >= x0 && centre(c) <= x1);
  const cells =
    covered.length > 0
      ? covered
      : [
          piece.cells.reduce((a, c) =>
            Math.abs(centre(c) - (x0 + x1) / 2) < Math.abs(centre(a) - (x0 + x1) / 2) ? c : a,
          ),
        ];
  // Set in a column, every character stands in a cell of its own, figures and letters too
  // (六〇〇 read as 六00): a run that covers as many cells as it has characters is theirs.
  const read = lineTokens(word.text);
  const chars = [...read.join('')];
  const tokens = read.length !== cells.length && chars.length === cells.length ? chars : read;
  const boxes =
    tokens.length === cells.length
      ? cells.map((c) => c.box)
      : splitBox(unionBoxes(cells.map((c) => c.box)), tokens, true);
  return tokens.map((text, k) => ({ text, confidence: word.confidence, box: boxes[k]! }));
}

const NUMERALS = /^[〇零一二三四五六七八九十百千萬万]$/u;

const BRACKETS: Record<string, string> = { '[': '「', ']': '」' };

/**
 * What a column of Chinese type holds for what the horizontal model reads as Latin: a corner
 * bracket turned back (small beside the glyphs) reads as a square one, and the zero of Chinese
 * numerals (〇) as a digit or a letter O. A column sets its figures as characters, so an O or 0
 * beside a Chinese numeral is one (一〇月, 六〇〇).
 */
function columnMarks(words: Word[]): Word[] {
  const out = words.map((w) => ({ ...w, text: BRACKETS[w.text] ?? w.text }));
  for (let pass = 0; pass < 2; pass++)
    out.forEach((w, i) => {
      if (!/^[0Oo]$/u.test(w.text)) return;
      const near = [out[i - 1]?.text, out[i + 1]?.text];
      if (near.some((t) => t !== undefined && NUMERALS.test(t))) w.text = '〇';
    });
  return out;
}

type Sheet = ReturnType<typeof sheetsOf>[number];

/** The words read on a sheet, by the piece each stands on. */
async function readSheet(
  engine: OcrEngine,
  sheet: Sheet,
  request: Omit<RecogniseRequest, 'image'>,
): Promise<Map<Piece, Word[]>> {
  const blocks = await engine.recognise({ ...request, image: await sheetImage(sheet) });
  const words = new Map<Piece, Word[]>();
  for (const word of blocks.flatMap((b) => b.lines.flatMap((l) => l.words))) {
    const middle = (word.box.y0 + word.box.y1) / 2;
    const piece = sheet.pieces.find(
      (p) => middle >= p.y - 0.5 * p.image.height && middle < p.y + 1.5 * p.image.height,
    );
    if (!piece || !word.text.trim()) continue;
    words.set(piece, [...(words.get(piece) ?? []), word]);
  }
  return words;
}

/** A piece's words as one line of the page: a column's box is its cells'. */
function columnLine(piece: Piece, words: Word[]): Line {
  const text = lineTextFromWords(words);
  const known = words.filter((w) => w.confidence !== null);
  return {
    box: piece.cells ? unionBoxes(piece.cells.map((c) => c.box)) : unionBoxes(words.map((w) => w.box)),
    rawText: text,
    text,
    confidence: known.length ? known.reduce((a, w) => a + w.confidence!, 0) / known.length : null,
    words,
  };
}

/**
 * A column's corner brackets as their shape told them (vertical-columns.ts): the recogniser reads
 * a bracket turned back as 一, 1 or !, or not at all, beside glyphs it reads well. The word read
 * in a bracket's cell becomes the bracket, and a bracket no word covers is added in its place.
 */
function withBrackets(words: Word[], cells: readonly ColumnCell[]): Word[] {
  const same = (a: Box, b: Box) => a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1;
  const out = words.map((w) => {
    const cell = cells.find((c) => c.bracket && same(c.box, w.box));
    return cell ? { ...w, text: cell.bracket! } : w;
  });
  for (const cell of cells) {
    if (!cell.bracket) continue;
    const middle = (cell.box.y0 + cell.box.y1) / 2;
    if (out.some((w) => w.box.y0 <= middle && w.box.y1 >= middle)) continue;
    // In the order read, before the first word below it (the words' boxes may overlap).
    const below = out.findIndex((w) => (w.box.y0 + w.box.y1) / 2 > middle);
    out.splice(below < 0 ? out.length : below, 0, { text: cell.bracket, confidence: null, box: cell.box });
  }
  return out;
}

/**
 * The page's text, its columns (and lines set across) as lines, in page pixels of `image`.
 * `languages` are the page's ('chi_tra_vert'); the engine reads with their horizontal models.
 */
export async function readVerticalPage(
  engine: OcrEngine,
  image: Buffer,
  languages: string,
  dpi: number | null,
  options: { times?: StageTimes; onProgress?: (share: number) => void } = {},
): Promise<Block[]> {
  const times = options.times;
  const grey = await toGrey(image);
  const found = await (
    await columnDetector()
  ).detect(grey, detectionScale(grey, dpi), undefined, times, 'vertical');
  options.onProgress?.(0.3);
  // A line set across is clearly wider than tall; a square box is a piece of a column (one
  // character, or a mark DB parted from its column), or the last line of a headline set across.
  const wide = (b: Box) => b.x1 - b.x0 > 1.5 * (b.y1 - b.y0);
  const lastLines = headlineEnds(
    found.filter((d) => wide(d.box)).map((d) => d.box),
    found.filter((d) => !wide(d.box)).map((d) => d.box),
  );
  const across = (b: Box) => wide(b) || lastLines.has(b);
  const rows = joinPieces(
    found.filter((d) => across(d.box)),
    'across',
  ).map((d) => d.box);
  const columns = joinPieces(
    found.flatMap((d) => (across(d.box) ? [] : besideRows(d.box, rows).map((box) => ({ ...d, box })))),
    'down',
    (upper, lower) => ruleBetween(grey, upper, lower),
  );
  const pieces = [...rows, ...columns.map((c) => c.box)]
    .flatMap((b) => cutAtRules(grey, b))
    .filter((b) => b.x1 - b.x0 >= 4 && b.y1 - b.y0 >= 4)
    .map((box) => {
      if (!runsDown(box)) return { box, cells: null, image: crop(grey, box) };
      const across = setAcross(grey, box);
      return { box, cells: across.cells, image: across.image };
    })
    .filter((p) => p.cells === null || p.cells.length > 0);
  const lines: Line[] = [];
  const sheets = sheetsOf(pieces);
  const read = (sheet: Sheet, segmentation: Segmentation, onProgress?: (share: number) => void) =>
    readSheet(engine, sheet, { languages: acrossLanguages(languages), segmentation, dpi, times, onProgress });
  for (const [k, sheet] of sheets.entries()) {
    const words = await read(sheet, 'column', (share) =>
      options.onProgress?.(0.3 + (0.7 * (k + share)) / sheets.length),
    );
    for (const piece of sheet.pieces) {
      let found = words.get(piece) ?? [];
      let at = piece;
      // The recogniser, reading a sheet as one column, may pass over a whole line of it (a
      // column of 38 characters on a held-out page): a column it read nothing of is read again
      // on its own, as one line.
      if (found.length === 0 && piece.cells) {
        const alone = sheetsOf([piece])[0]!;
        at = alone.pieces[0]!;
        found = (await read(alone, 'line')).get(at) ?? [];
      }
      const placed = found.sort((a, b) => a.box.x0 - b.box.x0).flatMap((w) => wordsOnPage(w, at));
      const text = piece.cells ? withBrackets(columnMarks(placed), piece.cells) : placed;
      if (text.length === 0) continue;
      lines.push(columnLine(piece, text));
    }
  }
  return lines.length === 0 ? [] : [{ box: unionBoxes(lines.map((l) => l.box)), lines }];
}

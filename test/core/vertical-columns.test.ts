// A vertical column set across for the line recogniser, on columns drawn on the spot: each glyph
// in its cell (Noto CJK), punctuation in its vertical forms, a rule crossing the column.

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { toGrey, type GreyImage } from '../../src/core/ocr/ppocr/grey-image.ts';
import { columnCells, cutAtRules, setAcross } from '../../src/core/ocr/ppocr/vertical-columns.ts';

const SIZE = 40;
const PITCH = 42;

/**
 * One column of `glyphs` at x = 100, from y = 60; optionally a rule across the image at y = `rule`,
 * and a rule down it beside the column at x = `columnRule` (as older papers set between columns).
 */
async function column(glyphs: string, rule?: number, columnRule?: number, blur?: number): Promise<GreyImage> {
  const text = [...glyphs]
    .map(
      (g, i) =>
        `<text x="100" y="${60 + i * PITCH + 0.88 * SIZE}" text-anchor="middle" font-family="Noto Serif CJK TC" font-size="${SIZE}">${g}</text>`,
    )
    .join('');
  const line =
    (rule === undefined ? '' : `<rect x="0" y="${rule}" width="200" height="3" fill="black"/>`) +
    (columnRule === undefined ? '' : `<rect x="${columnRule}" y="0" width="3" height="2000" fill="black"/>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="${120 + glyphs.length * PITCH}"><rect width="100%" height="100%" fill="white"/>${line}${text}</svg>`;
  const drawn = sharp(Buffer.from(svg)).greyscale();
  return toGrey(await (blur ? drawn.blur(blur).linear(0.82, 30) : drawn).png().toBuffer());
}

const box = (image: GreyImage) => ({ x0: 70, y0: 50, x1: 130, y1: image.height - 50 });

/** A cell per glyph: `whole` glyphs keep their whole height, `short` ones (marks) stay short. */
async function expectCells(glyphs: string, whole: string, short: string): Promise<void> {
  const image = await column(glyphs);
  const cells = columnCells(image, box(image));
  expect(cells).toHaveLength([...glyphs].length);
  [...glyphs].forEach((g, i) => {
    const tall = cells[i]!.y1 - cells[i]!.y0;
    if (whole.includes(g)) expect(tall, g).toBeGreaterThan(0.7 * SIZE);
    if (short.includes(g)) expect(tall, g).toBeLessThan(0.45 * SIZE);
  });
}

describe('a vertical column set across', () => {
  it('finds one cell per character: strokes apart (二, 三) stay one, marks get their own', async () => {
    const glyphs = '二十三日上午九時︑本會開會︒';
    const image = await column(glyphs);
    const cells = columnCells(image, box(image));
    expect(cells).toHaveLength([...glyphs].length);
    cells.forEach((c, i) => i > 0 && expect(c.y0).toBeGreaterThanOrEqual(cells[i - 1]!.y1));
  });

  it('keeps a glyph whole when a mark stands in the cell before it (the top of 交 or 六 is apart)', async () => {
    // A pause mark sits in the corner of its cell: the white below it is its own cell's, so the
    // detached top of the next glyph belongs to that glyph, not to the mark.
    await expectCells('走村︑交城︑六〇〇︑三個︑嶺底︑貧困︒', '交六三嶺', '︑');
  });

  it('cuts on the type grid: a bracket before 交, 三 or 六 keeps to its own body', async () => {
    // Cutting at white rows and joining pieces within an em took ﹁ and the top of 交 for one
    // glyph (read 二, then 父 for 交).
    await expectCells('展示了﹁交城山﹂農產品﹁三基建設﹂和﹁六〇〇﹂', '交三六', '﹁﹂');
  });

  it('sets a mark at the left of its cell on the line, as a comma is set across', async () => {
    const image = await column('本會︑開會');
    const across = setAcross(image, box(image));
    const mark = across.cells[2]!;
    let left = 0;
    let right = 0;
    for (let y = 0; y < across.image.height; y++)
      for (let x = mark.x0; x < mark.x1; x++)
        if (across.image.data[y * across.image.width + x]! < 140) {
          if (x < (mark.x0 + mark.x1) / 2) left++;
          else right++;
        }
    expect(left).toBeGreaterThan(0);
    expect(right).toBe(0);
  });

  it('tells a corner bracket from the stroke of 一 by its shape, sharp or blurred', async () => {
    // 一 is as short as a bracket; in Ming type its bar ends in a serif rising at the right,
    // where ﹁ hangs a stroke down from its right end and ﹂ raises one at its left.
    const glyphs = '本報訊以﹁一站式﹂服務一流為主題';
    for (const blur of [undefined, 1.2]) {
      const image = await column(glyphs, undefined, undefined, blur);
      const across = setAcross(image, box(image));
      expect(across.cells.map((c) => c.bracket ?? '·').join(''), `blur ${blur}`).toBe('····「···」·······');
    }
  });

  it('sets the cells side by side, in order, on one line as tall as a cell', async () => {
    const image = await column('救濟難民﹁協會﹂開會');
    const across = setAcross(image, box(image));
    expect(across.image.width).toBeGreaterThan(across.image.height * 5);
    expect(across.image.height).toBeLessThan(2 * SIZE);
    across.cells.forEach((c, i) => {
      if (i === 0) return;
      expect(c.x0).toBeGreaterThan(across.cells[i - 1]!.x1 - 1);
      expect(c.box.y0).toBeGreaterThanOrEqual(across.cells[i - 1]!.box.y1);
    });
    // A bracket set vertically is turned back: on the line it is narrower than its cell is tall.
    const bracket = across.cells[4]!;
    expect(bracket.x1 - bracket.x0).toBeLessThan(0.5 * SIZE);
  });

  it('leaves out a rule set beside the column', async () => {
    const glyphs = '本市各界救濟難民協會昨日開會';
    const image = await column(glyphs, undefined, 124);
    const cells = columnCells(image, { x0: 70, y0: 50, x1: 132, y1: image.height - 50 });
    expect(cells).toHaveLength([...glyphs].length);
    for (const c of cells) expect(c.x1 - c.x0).toBeLessThanOrEqual(SIZE + 2);
  });

  it('cuts a column where a rule crosses it, and nowhere else', async () => {
    const image = await column('本市各界救濟難民協會', 60 + 5 * PITCH - 1);
    expect(cutAtRules(image, box(image))).toHaveLength(2);
    const plain = await column('本市各界救濟難民協會');
    expect(cutAtRules(plain, box(plain))).toHaveLength(1);
  });
});

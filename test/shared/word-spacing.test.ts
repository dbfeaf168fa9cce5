// Printed spaces told from where the glyphs stand: in Chinese set solid or letter-spaced, a step
// wider than the line's usual one by a fifth of an em is a space; Chinese punctuation never
// gets one; Latin words stay apart. Measured on the committed sample PDFs against their ground
// truth, which marks every printed space.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPdfSource } from '../../src/core/pdf/pdf-source.ts';
import { joinWords, type PlacedWord } from '../../src/shared/text/word-spacing.ts';
import { normaliseLine } from '../../src/shared/text/normalise.ts';
import { REPO_ROOT } from '../fixtures/repo.ts';

/** Characters `pitch` apart, each `em` wide, with extra blank before the given indexes. */
function set(text: string, pitch: number, em = 40, extra: Record<number, number> = {}): PlacedWord[] {
  let x = 100;
  return [...text].map((ch, i) => {
    x += extra[i] ?? 0;
    const box = { x0: x, y0: 50, x1: x + em, y1: 50 + em };
    x += pitch;
    return { text: ch, box };
  });
}

/** Boxes where the glyphs are set (a PDF's), words as an engine gives them. */
const FROM_POSITIONS = { latinWordsAreSeparate: true, chineseSpacesFromGaps: true };

describe('joinWords', () => {
  it('keeps a quarter-em space in solid Chinese and none between the other characters', () => {
    expect(joinWords(set('□路小飞张晋', 40, 40, { 1: 10, 4: 10 }), FROM_POSITIONS)).toBe('□ 路小飞 张晋');
    expect(joinWords(set('交城县农委负责人', 40), FROM_POSITIONS)).toBe('交城县农委负责人');
  });

  it('takes a letter-spaced line as it is set: its wider steps are not spaces, a wider one still is', () => {
    expect(joinWords(set('本报讯以庆祝丰收', 50, 40, { 3: 16 }), FROM_POSITIONS)).toBe('本报讯 以庆祝丰收');
    expect(joinWords(set('本报讯以庆祝丰收', 50), FROM_POSITIONS)).toBe('本报讯以庆祝丰收');
  });

  it('never spaces Chinese punctuation, which carries its own blank', () => {
    expect(joinWords(set('堂，开展', 40, 40, { 2: 20 }), FROM_POSITIONS)).toBe('堂，开展');
  });

  it('keeps Latin words apart, and a German dash in German text', () => {
    const words = ['Chefs.)', '—', 'Preussen'].map((text, i) => ({
      text,
      box: { x0: 100 + i * 200, y0: 0, x1: 180 + i * 200, y1: 40 },
    }));
    expect(normaliseLine(joinWords(words, FROM_POSITIONS))).toBe('Chefs.) — Preussen');
  });
});

describe('normaliseLine by the script around it', () => {
  it('leaves German punctuation alone and still makes it full-width inside Chinese', () => {
    expect(normaliseLine('Frankreich; (Unterwerfung einiger Chouans-Chefs.) — Preussen')).toBe(
      'Frankreich; (Unterwerfung einiger Chouans-Chefs.) — Preussen',
    );
    expect(normaliseLine('„Die Zeitung“ — sagt er…')).toBe('„Die Zeitung“ — sagt er…');
    expect(normaliseLine('交城县(山西)的“交城山”')).toBe('交城县（山西）的“交城山”');
    expect(normaliseLine('你好, 世界')).toBe('你好，世界');
    // Numbers NFKC would spell out stay as printed.
    expect(normaliseLine('Kapital von 2½ Millionen, 5 m², Punkt ①')).toBe(
      'Kapital von 2½ Millionen, 5 m², Punkt ①',
    );
  });
});

describe('the sample PDFs', () => {
  it('come out with every printed space the ground truth marks and no other', async () => {
    let spacedRight = 0;
    let spaced = 0;
    const spurious: string[] = [];
    for (const n of [1, 2, 3]) {
      const dir = path.join(REPO_ROOT, `test/fixtures/pages/page-0${n}`);
      const truth = (
        JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as { lines: { text: string }[] }
      ).lines.map((l) => l.text);
      const byLetters = new Map(truth.map((t) => [t.replace(/ /g, ''), t]));
      const source = await openPdfSource(path.join(dir, 'page.pdf'), { dpi: 300, maxPixels: 250e6 });
      const page = await source.readPage(0);
      await source.close();
      for (const line of page.text!.blocks.flatMap((b) => b.lines)) {
        const want = byLetters.get(line.text.replace(/ /g, ''));
        if (want === undefined) continue;
        if (want.includes(' ')) {
          spaced++;
          if (line.text === want) spacedRight++;
        }
        if ((line.text.match(/ /g) ?? []).length > (want.match(/ /g) ?? []).length) spurious.push(line.text);
      }
    }
    expect(spurious).toEqual([]);
    expect(spaced).toBeGreaterThan(10);
    expect(spacedRight / spaced, `${spacedRight} of ${spaced}`).toBeGreaterThanOrEqual(0.9);
  });
});

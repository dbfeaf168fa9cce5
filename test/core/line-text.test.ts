import { describe, expect, it } from 'vitest';
import { lineTextFromWords } from '../../src/core/ocr/line-text.ts';
import { linesToParagraphs } from '../../src/shared/text/paragraphs.ts';

const word = (text: string, x0: number, x1: number, y0 = 0, y1 = 40) => ({
  text,
  box: { x0, y0, x1, y1 },
  confidence: 0.9,
});

describe('line text from words', () => {
  it('joins CJK words without spaces', () => {
    expect(lineTextFromWords([word('交城', 0, 80), word('县', 84, 124), word('农特', 130, 210)])).toBe(
      '交城县农特',
    );
  });

  it('puts no space between CJK words even across a wide gap (justified columns)', () => {
    expect(lineTextFromWords([word('本报讯', 0, 120), word('以', 170, 210), word('“庆祝', 214, 290)])).toBe(
      '本报讯以“庆祝',
    );
  });

  it('normalises what the engine read', () => {
    expect(
      lineTextFromWords([word('⽇', 0, 40), word('期', 44, 84), word(',', 86, 90), word('好', 94, 134)]),
    ).toBe('日期，好');
  });

  it('separates Latin words with one space', () => {
    expect(
      lineTextFromWords([word('Neue', 0, 80), word('Zürcher', 90, 200), word('Zeitung', 205, 330)]),
    ).toBe('Neue Zürcher Zeitung');
  });
});

describe('paragraphs from lines', () => {
  const line = (text: string, x0: number, x1: number, y: number) => ({
    text,
    box: { x0, y0: y, x1, y1: y + 40 },
  });
  it('starts a paragraph at an indented line and after a short one, and joins wrapped lines', () => {
    const lines = [
      line('本报讯以“庆祝丰', 80, 500, 0),
      line('收、弘扬文化、振兴乡', 0, 500, 50),
      line('村”为主题。', 0, 250, 100),
      line('为全方位、多层次地', 80, 500, 150),
      line('展示好农业发展成果', 0, 500, 200),
    ];
    expect(linesToParagraphs(lines)).toEqual([
      '本报讯以“庆祝丰收、弘扬文化、振兴乡村”为主题。',
      '为全方位、多层次地展示好农业发展成果',
    ]);
  });
});

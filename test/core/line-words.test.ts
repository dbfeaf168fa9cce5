// The words of a corrected line: the corrected text, with boxes where the engine saw the words.

import { describe, expect, it } from 'vitest';
import { lineTokens, wordsOfLine } from '../../src/core/text/line-words.ts';
import type { Word } from '../../src/shared/model.ts';

const word = (text: string, x0: number, confidence = 0.9): Word => ({
  text,
  box: { x0, y0: 0, x1: x0 + 10, y1: 10 },
  confidence,
});
const line = { x0: 0, y0: 0, x1: 100, y1: 10 };

describe('words of a corrected line', () => {
  it('splits text the way the engines do: Chinese characters and punctuation one by one, Latin at spaces', () => {
    expect(lineTokens('交城县，Zürcher Zeitung 2018年')).toEqual([
      '交',
      '城',
      '县',
      '，',
      'Zürcher',
      'Zeitung',
      '2018',
      '年',
    ]);
  });

  it('keeps the words as read when the text still matches them', () => {
    const words = [word('交', 0), word('城', 10)];
    expect(wordsOfLine('交城', words, line)).toEqual(words);
  });

  it('puts a replaced character in the box of the one it replaces, with no engine confidence', () => {
    const words = [word('吕', 0, 0.95), word('深', 10, 0.4), word('名', 20, 0.9)];
    const fixed = wordsOfLine('吕梁名', words, line);
    expect(fixed.map((w) => w.text)).toEqual(['吕', '梁', '名']);
    expect(fixed[1]).toEqual({ text: '梁', box: words[1]!.box, confidence: null });
    expect(fixed[0]).toBe(words[0]);
  });

  it('shares a box among inserted tokens and fits insertions at the ends into the line', () => {
    const words = [word('Zurich', 0), word('Zeitung', 50)];
    const fixed = wordsOfLine('Neue Zürcher Zeitung', words, line);
    expect(fixed.map((w) => w.text)).toEqual(['Neue', 'Zürcher', 'Zeitung']);
    // "Zurich" → "Neue Zürcher": two tokens share its box, split by length (4 : 7).
    expect(fixed[0]!.box.x0).toBe(0);
    expect(fixed[1]!.box.x1).toBe(10);
    expect(fixed[0]!.box.x1).toBe(4);
    const added = wordsOfLine('交城县（完）', [word('交', 0), word('城', 10), word('县', 20)], line);
    expect(added.map((w) => w.text)).toEqual(['交', '城', '县', '（', '完', '）']);
    expect(added[3]!.box.x0).toBe(30);
    expect(added[5]!.box.x1).toBe(100);
  });
});

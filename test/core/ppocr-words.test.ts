// The words PP-OCR's characters become: a character is as wide as the line's pitch, so the
// characters of a column touch and a white gutter the line ran across stays open between two
// of them, where the layout can cut the line (layout/split-lines.ts).

import { describe, expect, it } from 'vitest';
import { wordsOfReadLine } from '../../src/core/ocr/ppocr/ppocr-engine.ts';
import { splitAtGutters } from '../../src/core/layout/split-lines.ts';
import type { Line } from '../../src/shared/model.ts';

const PITCH = 30;
/** A read line: characters at centres `xs`, the detector's box around them. */
function readLine(text: string, xs: number[], y = 100) {
  return {
    box: { x0: xs[0]! - PITCH / 2, y0: y, x1: xs.at(-1)! + PITCH / 2, y1: y + PITCH },
    characters: [...text].map((c, i) => ({ text: c, confidence: 0.9, x: xs[i]! })),
  };
}

describe('PP-OCR words', () => {
  it('touch across a solid line and never overlap', () => {
    const xs = Array.from({ length: 10 }, (_, i) => 100 + i * PITCH);
    const words = wordsOfReadLine(readLine('交城县农特产品展销会', xs));
    expect(words).toHaveLength(10);
    for (let i = 1; i < words.length; i++) {
      expect(words[i]!.box.x0).toBeGreaterThanOrEqual(words[i - 1]!.box.x1);
      expect(words[i]!.box.x0 - words[i - 1]!.box.x1).toBeLessThanOrEqual(1);
    }
  });

  it('leave a gutter open between the characters on either side of it', () => {
    const left = Array.from({ length: 6 }, (_, i) => 100 + i * PITCH);
    const right = Array.from({ length: 2 }, (_, i) => left.at(-1)! + 2 * PITCH + i * PITCH);
    const words = wordsOfReadLine(readLine('组织农村党员奖励', [...left, ...right]));
    const gap = words[6]!.box.x0 - words[5]!.box.x1;
    expect(gap).toBeGreaterThanOrEqual(PITCH * 0.9);
  });

  it('so that a line run across a gutter is cut there by the layout, and no other', () => {
    // Two columns of solid lines; one line of the left column runs two characters into the right.
    const toLine = (text: string, xs: number[], y: number): Line => {
      const words = wordsOfReadLine(readLine(text, xs, y));
      return {
        box: { x0: words[0]!.box.x0, y0: y, x1: words.at(-1)!.box.x1, y1: y + PITCH },
        rawText: text,
        text,
        confidence: 0.9,
        words,
      };
    };
    const col = (x: number, n: number) => Array.from({ length: n }, (_, i) => x + i * PITCH);
    const lines: Line[] = [];
    for (let row = 0; row < 8; row++) {
      const y = 100 + row * 40;
      if (row === 4)
        lines.push(toLine('左栏左栏左栏左栏右栏', [...col(100, 8), ...col(100 + 9 * PITCH, 2)], y));
      else {
        lines.push(toLine('左栏左栏左栏左栏', col(100, 8), y));
        lines.push(toLine('右栏右栏右栏右栏', col(100 + 9 * PITCH, 8), y));
      }
    }
    const cut = splitAtGutters(lines, PITCH, (l) => l);
    expect(cut).toHaveLength(lines.length + 1);
    expect(cut.filter((l) => l.text === '右栏')).toHaveLength(1);
    expect(cut.every((l) => l.box.x1 <= 100 + 8 * PITCH || l.box.x0 >= 100 + 9 * PITCH - PITCH / 2)).toBe(
      true,
    );
  });
});

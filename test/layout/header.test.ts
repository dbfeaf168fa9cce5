// The page header's order: the masthead first, told by its type size measured along its line,
// whichever way the line runs in the frame the layout sees.

import { describe, expect, it } from 'vitest';
import { headerOrder } from '../../src/core/layout/header.ts';
import { typeSizes } from '../../src/core/layout/type-sizes.ts';

const body = Array.from({ length: 12 }, (_, i) => ({
  box: { x0: 0, y0: 400 + 60 * i, x1: 900, y1: 445 + 60 * i },
  text: '交城縣婦聯駐村工作隊組織該縣誌願者們為群眾',
}));
const sizes = typeSizes(body);

describe('the page header', () => {
  it('puts the masthead first and the date line after it on a page set across', () => {
    const lines = [
      { index: 0, box: { x0: 0, y0: 0, x1: 600, y1: 40 }, text: '中華民國二十八年七月一日星期六' },
      { index: 1, box: { x0: 700, y0: 0, x1: 1140, y1: 110 }, text: '新聞日報' },
    ];
    expect(headerOrder(lines, sizes)).toEqual([[1], [0]]);
  });

  it('does the same on a vertical page seen turned, where both lines run down the frame', () => {
    // Turned a quarter (quarter-turn.ts), the header's lines set across stand taller than wide:
    // the date line as long as the masthead, but in body type.
    const lines = [
      { index: 0, box: { x0: 0, y0: 500, x1: 40, y1: 1100 }, text: '中華民國二十八年七月一日星期六' },
      { index: 1, box: { x0: 0, y0: 0, x1: 110, y1: 440 }, text: '新聞日報' },
    ];
    expect(headerOrder(lines, sizes)).toEqual([[1], [0]]);
  });
});

// Where the editor marks uncertain words: the stretches of the line as it now stands, and the
// pieces painted under the field.

import { describe, expect, it } from 'vitest';
import { markedPieces, uncertainStretches } from '../../src/renderer/page/editor-navigation.ts';

const line = {
  id: 1,
  words: [
    { text: '交城县', confidence: 0.95 },
    { text: '农特', confidence: 0.3 },
    { text: '产品', confidence: 0.2 },
  ],
};

describe('uncertain stretches', () => {
  it('marks the unsure words where they stand in the text', () => {
    expect(uncertainStretches('交城县农特产品', line)).toEqual([
      [3, 5],
      [5, 7],
    ]);
  });

  it('drops the mark of a word that was retyped, and every mark of a corrected line', () => {
    expect(uncertainStretches('交城县农产产品', line)).toEqual([[5, 7]]);
    expect(uncertainStretches('交城县农特产品', { ...line, corrected: true })).toEqual([]);
  });

  it('cuts the text into marked and plain pieces that join back into it', () => {
    const text = '交城县农特产品展销';
    const pieces = markedPieces(text, uncertainStretches(text, line));
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual(['农特', '产品']);
    expect(markedPieces('', [])).toEqual([]);
  });
});

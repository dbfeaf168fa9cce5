// The frk model's misreadings that Fraktur's shapes make (round s as 3, the ch ligature with a
// stray <), as read on the NZZ pages, are put right; digits and real letters are left alone.

import { describe, expect, it } from 'vitest';
import { fixFrakturWord, readsFraktur } from '../../src/core/ocr/fraktur-confusions.ts';
import { blocksFromTsv } from '../../src/core/ocr/tesseract-tsv.ts';

describe('Fraktur confusions', () => {
  it.each([
    ['de3', 'des'],
    ['e3', 'es'],
    ['Volk3partei', 'Volkspartei'],
    ['namen3,', 'namens,'],
    ['Mittagau3gabe', 'Mittagausgabe'],
    ['<hen', 'chen'],
    ['sol<hen', 'solchen'],
    ['noc<h', 'noch'],
    ['sc<wer', 'schwer'],
    ['doc', 'doch'],
    ['sic,', 'sich,'],
    ['nämlic', 'nämlich'],
  ])('reads %s as %s', (read, printed) => expect(fixFrakturWord(read)).toBe(printed));

  it.each(['1933', '3.', '3x', '12.60', 'B3', 'Nr.', 'für', 'sür', '<', 'a<b', 'Duroc', 'etc.', 'c'])(
    'leaves %s alone (numbers, capitals before a digit, letters that are letters)',
    (word) => expect(fixFrakturWord(word)).toBe(word),
  );

  it('applies to frk readings only, and keeps what the engine read as the raw text', () => {
    expect(readsFraktur('frk')).toBe(true);
    expect(readsFraktur('deu+frk')).toBe(true);
    expect(readsFraktur('eng')).toBe(false);
    const row = (n: number, text: string) => `5\t1\t1\t1\t1\t${n}\t${n * 100}\t10\t90\t30\t91\t${text}`;
    const [block] = blocksFromTsv([row(1, 'de3'), row(2, 'sol<hen')].join('\n'), fixFrakturWord);
    const line = block!.lines[0]!;
    expect(line.rawText).toBe('de3 sol<hen');
    expect(line.text).toBe('des solchen');
    expect(line.words.map((w) => w.text)).toEqual(['des', 'solchen']);
  });
});

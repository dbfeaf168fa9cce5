import { describe, expect, it } from 'vitest';
import { parsePattern } from '../../src/core/import/pattern.ts';

describe('file-name patterns', () => {
  it('reads title, date and page from a name', () => {
    const p = parsePattern('{title}_{date:YYYY-MM-DD}_p{page}');
    expect(p.match('Wenyuhe_2018-10-19_p3')).toEqual({ title: 'Wenyuhe', date: '2018-10-19', page: 3 });
  });

  it('reads compact dates, two-digit years and Chinese titles', () => {
    expect(parsePattern('{title}-{date:YYYYMMDD}-{page}').match('文峪河报-20181019-02')).toEqual({
      title: '文峪河报',
      date: '2018-10-19',
      page: 2,
    });
    expect(parsePattern('{date:DD.MM.YY}_{page}').match('29.09.43_1')).toEqual({
      date: '1943-09-29',
      page: 1,
    });
    expect(parsePattern('{date:DD.MM.YY}_{page}').match('01.01.07_1')).toEqual({
      date: '2007-01-01',
      page: 1,
    });
  });

  it('reads edition, volume and number, and skips text with {*}', () => {
    expect(
      parsePattern('{title}_{edition}_{volume}-{number}_{*}_{page}').match('NZZ_morning_164-1234_scan_7'),
    ).toEqual({
      title: 'NZZ',
      edition: 'morning',
      volume: '164',
      number: '1234',
      page: 7,
    });
  });

  it('matches folder names when the pattern has a slash', () => {
    expect(parsePattern('{title}/{date:YYYY-MM-DD}/{page}').match('Pionier/1888-01-21/2')).toEqual({
      title: 'Pionier',
      date: '1888-01-21',
      page: 2,
    });
  });

  it('turns underscores in titles into spaces', () => {
    expect(parsePattern('{title}_{page}').match('Der_Pionier_2')).toEqual({ title: 'Der Pionier', page: 2 });
  });

  it('does not match names of another shape, or impossible dates', () => {
    const p = parsePattern('{title}_{date:YYYY-MM-DD}_p{page}');
    expect(p.match('Wenyuhe_2018-10-19')).toBeNull();
    expect(p.match('Wenyuhe_2018-02-30_p1')).toBeNull();
    expect(p.match('Wenyuhe_2018-13-01_p1')).toBeNull();
    expect(p.match('Wenyuhe_2018-10-19_pX')).toBeNull();
  });

  it('treats regular-expression characters in the pattern as plain text', () => {
    const p = parsePattern('({title}) [p{page}].v1');
    expect(p.match('(Kolonie) [p4].v1')).toEqual({ title: 'Kolonie', page: 4 });
    expect(p.match('(Kolonie) [p4]Xv1')).toBeNull();
  });

  it.each([
    ['', /empty/],
    ['{title}_{colour}', /unknown field \{colour\}/],
    ['{page}_{page}', /appears twice/],
    ['{date:YYYY-QQ-DD}', /YYYY, YY, MM and DD/],
    ['{date:YYYY}', /a year, a month and a day/],
    ['{title}_{page', /brace is not closed/],
  ])('refuses the bad pattern %j with a clear reason', (pattern, reason) => {
    expect(() => parsePattern(pattern)).toThrow(reason);
  });
});

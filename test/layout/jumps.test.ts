// Jump lines and the pairing of story parts across pages, as printed in Chinese and Western
// papers: where a line points, and which part on the named page continues which.

import { describe, expect, it } from 'vitest';
import { matchJumps, readJumpLine, type JumpPart } from '../../src/core/layout/jumps.ts';

describe('jump lines', () => {
  it('reads where a jump line points, in figures and in Chinese numerals', () => {
    expect(readJumpLine('（下转第2版）')).toEqual({ to: 2 });
    expect(readJumpLine('（上接第1版）')).toEqual({ from: 1 });
    expect(readJumpLine('（下转第十二版）')).toEqual({ to: 12 });
    expect(readJumpLine('（上接 第 二十 版）')).toEqual({ from: 20 });
    expect(readJumpLine('Continued on page 14')).toEqual({ to: 14 });
    expect(readJumpLine('(Continued from Page 1)')).toEqual({ from: 1 });
    expect(readJumpLine('交城县农特产品在第二届吕梁名')).toEqual({});
  });

  it('pairs each part with the one on the named page that says where it came from, by headline', () => {
    const part = (
      article: number,
      page: number,
      to: number | null,
      from: number | null,
      headline: string,
    ): JumpPart => ({
      article,
      page,
      to,
      from,
      headline,
    });
    const parts = [
      part(1, 1, 2, null, '交城县农特产品在第二届吕梁名特优功能食品展销会上备受青睐'),
      part(2, 1, 2, null, '交城县西社镇“五个强化”打造基层党建样板'),
      part(3, 1, null, null, '国家扶贫日 帮扶暖民心'),
      // Page 2 lists the continued parts in the other order, with shortened headlines.
      part(4, 2, null, 1, '西社镇“五个强化”打造基层党建样板'),
      part(5, 2, null, 1, '交城县农特产品备受青睐'),
      part(6, 2, null, 3, '太原市交城商会揭牌'),
    ];
    expect(matchJumps(parts).sort()).toEqual([
      [1, 5],
      [2, 4],
    ]);
  });
});

// The quarter turn a vertical page is analysed through: boxes and rules turn together, and back.

import { describe, expect, it } from 'vitest';
import { quarterTurn } from '../../src/core/layout/quarter-turn.ts';
import { ruleAt, type Rule } from '../../src/core/layout/separators.ts';
import { seeded } from '../fixtures/newspaper-layout.ts';

describe('a page turned a quarter', () => {
  const page = { width: 2480, height: 3508 };
  const turn = quarterTurn(page);
  const random = seeded(42);

  it('turns a box and back, and reads the rightmost column first', () => {
    for (let k = 0; k < 50; k++) {
      const x0 = random() * 2000;
      const y0 = random() * 3000;
      const b = { x0, y0, x1: x0 + 40 + random() * 400, y1: y0 + 40 + random() * 400 };
      expect(turn.back(turn.box(b))).toEqual(b);
    }
    const right = turn.box({ x0: 2000, y0: 300, x1: 2040, y1: 1500 });
    const left = turn.box({ x0: 1000, y0: 300, x1: 1040, y1: 1500 });
    expect(right.y0).toBeLessThan(left.y0);
    expect(right.x1 - right.x0).toBeGreaterThan(right.y1 - right.y0);
  });

  it('turns a drifting rule so that it still runs through the same points', () => {
    for (let k = 0; k < 50; k++) {
      const axis = random() < 0.5 ? 'h' : 'v';
      const rule: Rule = {
        axis,
        at: 500 + random() * 1500,
        from: 100,
        to: 2300,
        slope: (random() - 0.5) * 0.02,
        mid: 1200,
      };
      const s = 100 + random() * 2200;
      const point = axis === 'h' ? { x: s, y: ruleAt(rule, s) } : { x: ruleAt(rule, s), y: s };
      const turned = turn.rule(rule);
      const p = turn.box({ x0: point.x, y0: point.y, x1: point.x, y1: point.y });
      expect(turned.axis).toBe(axis === 'h' ? 'v' : 'h');
      const along = turned.axis === 'h' ? p.x0 : p.y0;
      const across = turned.axis === 'h' ? p.y0 : p.x0;
      expect(ruleAt(turned, along)).toBeCloseTo(across, 6);
      expect(along).toBeGreaterThanOrEqual(turned.from - 1e-9);
      expect(along).toBeLessThanOrEqual(turned.to + 1e-9);
    }
  });
});

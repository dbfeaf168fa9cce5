import { describe, expect, it } from 'vitest';
import {
  boxArea,
  boxContainsPoint,
  intersectBoxes,
  iou,
  polygonBounds,
  polygonContainsPoint,
  unionBoxes,
} from '../../src/shared/geometry.ts';

const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });

describe('geometry', () => {
  it('unions, intersects and measures boxes', () => {
    expect(unionBoxes([box(0, 0, 10, 10), box(5, -2, 20, 8)])).toEqual(box(0, -2, 20, 10));
    expect(intersectBoxes(box(0, 0, 10, 10), box(5, 5, 20, 20))).toEqual(box(5, 5, 10, 10));
    expect(intersectBoxes(box(0, 0, 10, 10), box(10, 0, 20, 10))).toBeNull();
    expect(boxArea(box(0, 0, 4, 5))).toBe(20);
    expect(() => unionBoxes([])).toThrow(RangeError);
  });

  it('computes intersection over union', () => {
    expect(iou(box(0, 0, 10, 10), box(0, 0, 10, 10))).toBe(1);
    expect(iou(box(0, 0, 10, 10), box(5, 0, 15, 10))).toBeCloseTo(50 / 150);
    expect(iou(box(0, 0, 1, 1), box(2, 2, 3, 3))).toBe(0);
  });

  it('treats right and bottom edges as exclusive', () => {
    expect(boxContainsPoint(box(0, 0, 10, 10), [0, 0])).toBe(true);
    expect(boxContainsPoint(box(0, 0, 10, 10), [10, 5])).toBe(false);
  });

  it('tests points against a concave polygon', () => {
    const ell = [
      [0, 0],
      [10, 0],
      [10, 4],
      [4, 4],
      [4, 10],
      [0, 10],
    ] as const;
    expect(polygonContainsPoint(ell, [2, 8])).toBe(true);
    expect(polygonContainsPoint(ell, [8, 8])).toBe(false);
    expect(polygonContainsPoint(ell, [8, 2])).toBe(true);
    expect(polygonBounds(ell)).toEqual(box(0, 0, 10, 10));
  });
});

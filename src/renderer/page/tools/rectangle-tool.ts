// The rectangle tool as a small state machine (idle → creating → idle), in page pixels: press
// starts a rectangle, moving stretches it, release finishes it. Too small a drag is a click, not
// a region.

import type { Point, Polygon } from '../../../shared/geometry.ts';

export type RectangleState = { kind: 'idle' } | { kind: 'creating'; start: Point; current: Point };

export const MIN_SIDE = 8;

export function rectanglePolygon(a: Point, b: Point): Polygon {
  const [x0, x1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
  const [y0, y1] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ].map(([x, y]) => [Math.round(x!), Math.round(y!)] as Point);
}

export function rectangleDown(_state: RectangleState, at: Point): RectangleState {
  return { kind: 'creating', start: at, current: at };
}

export function rectangleMove(state: RectangleState, at: Point): RectangleState {
  return state.kind === 'creating' ? { ...state, current: at } : state;
}

/** The finished shape (null for a click), and the tool back to idle. */
export function rectangleUp(
  state: RectangleState,
  at: Point,
): { state: RectangleState; shape: Polygon | null } {
  if (state.kind !== 'creating') return { state, shape: null };
  const big = Math.abs(at[0] - state.start[0]) >= MIN_SIDE && Math.abs(at[1] - state.start[1]) >= MIN_SIDE;
  return { state: { kind: 'idle' }, shape: big ? rectanglePolygon(state.start, at) : null };
}

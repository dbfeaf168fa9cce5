// The polygon tool as a small state machine: each click adds a corner; clicking near the first
// corner, a double click, or Enter closes the shape (three corners at least); Escape drops it;
// Backspace takes back the last corner.

import type { Point, Polygon } from '../../../shared/geometry.ts';

export type PolygonState = { kind: 'idle' } | { kind: 'creating'; points: Point[]; pointer: Point };

/** How near (in page pixels) a click must be to the first corner to close the shape. */
export const CLOSE_DISTANCE = 12;

const round = (p: Point): Point => [Math.round(p[0]), Math.round(p[1])];

export function polygonClick(
  state: PolygonState,
  at: Point,
  closeDistance = CLOSE_DISTANCE,
): { state: PolygonState; shape: Polygon | null } {
  if (state.kind === 'idle')
    return { state: { kind: 'creating', points: [round(at)], pointer: at }, shape: null };
  const first = state.points[0]!;
  const last = state.points.at(-1)!;
  // The second click of a double click lands on the corner just made: no new corner.
  if (Math.hypot(at[0] - last[0], at[1] - last[1]) < 2) return { state, shape: null };
  if (state.points.length >= 3 && Math.hypot(at[0] - first[0], at[1] - first[1]) <= closeDistance)
    return polygonClose(state);
  return { state: { ...state, points: [...state.points, round(at)], pointer: at }, shape: null };
}

export function polygonMove(state: PolygonState, at: Point): PolygonState {
  return state.kind === 'creating' ? { ...state, pointer: at } : state;
}

export function polygonClose(state: PolygonState): { state: PolygonState; shape: Polygon | null } {
  if (state.kind !== 'creating' || state.points.length < 3) return { state, shape: null };
  return { state: { kind: 'idle' }, shape: state.points };
}

export function polygonBack(state: PolygonState): PolygonState {
  if (state.kind !== 'creating') return state;
  const points = state.points.slice(0, -1);
  return points.length ? { ...state, points } : { kind: 'idle' };
}

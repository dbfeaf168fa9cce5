// The edit tool as a small state machine: press inside a region and drag to move it; press on a
// corner and drag to reshape it (a rectangle stays a rectangle: the corner's neighbours follow).
// Release hands on the new outline; a press that did not move changes nothing.

import type { Point, Polygon } from '../../../shared/geometry.ts';
import { regionAt } from '../hit-test.ts';

interface EditableRegion {
  id: number;
  polygon: Polygon;
  box: { x0: number; y0: number; x1: number; y1: number };
}

export type EditState =
  | { kind: 'idle' }
  | {
      kind: 'dragging';
      regionId: number;
      vertex: number | null; // null: moving the whole region
      start: Point;
      original: Polygon;
      current: Polygon;
    };

export function isRectangle(p: Polygon): boolean {
  if (p.length !== 4) return false;
  return p.every((a, i) => {
    const b = p[(i + 1) % 4]!;
    return a[0] === b[0] || a[1] === b[1];
  });
}

export function editDown(regions: readonly EditableRegion[], at: Point, handleRadius: number): EditState {
  for (const r of regions) {
    const vertex = r.polygon.findIndex((v) => Math.hypot(v[0] - at[0], v[1] - at[1]) <= handleRadius);
    if (vertex >= 0)
      return { kind: 'dragging', regionId: r.id, vertex, start: at, original: r.polygon, current: r.polygon };
  }
  const region = regionAt(regions, at);
  if (!region) return { kind: 'idle' };
  return {
    kind: 'dragging',
    regionId: region.id,
    vertex: null,
    start: at,
    original: region.polygon,
    current: region.polygon,
  };
}

export function editMove(state: EditState, at: Point): EditState {
  if (state.kind !== 'dragging') return state;
  const dx = Math.round(at[0] - state.start[0]);
  const dy = Math.round(at[1] - state.start[1]);
  const o = state.original;
  let current: Point[];
  if (state.vertex === null) current = o.map(([x, y]) => [x + dx, y + dy] as Point);
  else if (isRectangle(o)) {
    // Move the corner; the corner sharing its x and the one sharing its y follow.
    const [cx, cy] = o[state.vertex]!;
    current = o.map(([x, y]) => [x === cx ? x + dx : x, y === cy ? y + dy : y] as Point);
  } else current = o.map((p, i) => (i === state.vertex ? ([p[0] + dx, p[1] + dy] as Point) : p));
  return { ...state, current };
}

export function editUp(
  state: EditState,
  at: Point,
): { state: EditState; change: { regionId: number; polygon: Polygon } | null } {
  if (state.kind !== 'dragging') return { state, change: null };
  const moved = editMove(state, at);
  const same =
    moved.kind === 'dragging' &&
    moved.current.every((p, i) => p[0] === state.original[i]![0] && p[1] === state.original[i]![1]);
  return {
    state: { kind: 'idle' },
    change: same || moved.kind !== 'dragging' ? null : { regionId: state.regionId, polygon: moved.current },
  };
}

// The drawing tools' state, fed with pointer events in page pixels: the rectangle and polygon
// state machines (tools/), and the shape in progress for the overlay. Each step is computed in
// the event handler from the latest state (kept in a ref beside the rendered state), so a
// finished shape is handed on exactly once.

import { useCallback, useRef, useState } from 'react';
import type { Point, Polygon } from '../../shared/geometry.ts';
import type { PointerKind } from './PageImage.tsx';
import {
  rectangleDown,
  rectangleMove,
  rectanglePolygon,
  rectangleUp,
  type RectangleState,
} from './tools/rectangle-tool.ts';
import {
  polygonBack,
  polygonClick,
  polygonClose,
  polygonMove,
  type PolygonState,
} from './tools/polygon-tool.ts';

export type Tool = 'pan' | 'rectangle' | 'polygon';

const IDLE = { kind: 'idle' } as const;

function useMachine<S>(initial: S) {
  const [state, setState] = useState<S>(initial);
  const latest = useRef<S>(initial);
  const set = useCallback((next: S) => {
    latest.current = next;
    setState(next);
  }, []);
  return [state, latest, set] as const;
}

export function useDrawing(onShape: (shape: Polygon) => void) {
  const [tool, setToolState] = useState<Tool>('pan');
  const [rectangle, rectangleNow, setRectangle] = useMachine<RectangleState>(IDLE);
  const [polygon, polygonNow, setPolygon] = useMachine<PolygonState>(IDLE);

  const setTool = useCallback(
    (next: Tool) => {
      setRectangle(IDLE);
      setPolygon(IDLE);
      setToolState(next);
    },
    [setRectangle, setPolygon],
  );

  const closePolygon = useCallback(() => {
    const { state, shape } = polygonClose(polygonNow.current);
    setPolygon(state);
    if (shape) onShape(shape);
  }, [onShape, polygonNow, setPolygon]);

  const pointer = useCallback(
    (kind: PointerKind, at: Point) => {
      if (tool === 'rectangle') {
        if (kind === 'down') setRectangle(rectangleDown(rectangleNow.current, at));
        else if (kind === 'move' && rectangleNow.current.kind === 'creating')
          setRectangle(rectangleMove(rectangleNow.current, at));
        else if (kind === 'up') {
          const { state, shape } = rectangleUp(rectangleNow.current, at);
          setRectangle(state);
          if (shape) onShape(shape);
        }
      } else if (tool === 'polygon') {
        if (kind === 'down') {
          const { state, shape } = polygonClick(polygonNow.current, at);
          setPolygon(state);
          if (shape) onShape(shape);
        } else if (kind === 'move' && polygonNow.current.kind === 'creating')
          setPolygon(polygonMove(polygonNow.current, at));
        else if (kind === 'dblclick') closePolygon();
      }
    },
    [tool, onShape, closePolygon, rectangleNow, polygonNow, setRectangle, setPolygon],
  );

  const cancel = useCallback(() => {
    setRectangle(IDLE);
    setPolygon(IDLE);
  }, [setRectangle, setPolygon]);

  const back = useCallback(() => setPolygon(polygonBack(polygonNow.current)), [polygonNow, setPolygon]);

  let inProgress: readonly Point[] | null = null;
  if (rectangle.kind === 'creating') {
    const shape = rectanglePolygon(rectangle.start, rectangle.current);
    inProgress = [...shape, shape[0]!];
  } else if (polygon.kind === 'creating') inProgress = [...polygon.points, polygon.pointer];

  return { tool, setTool, pointer, closePolygon, cancel, back, inProgress };
}

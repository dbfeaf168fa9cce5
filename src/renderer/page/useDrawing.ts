// The region tools' state, fed with pointer events in page pixels: rectangle, polygon, edit
// (move / reshape) and split, each a small state machine (tools/), plus the outline in progress
// for the overlay. Each step is computed in the event handler from the latest state (kept in a
// ref beside the rendered state), so a finished shape is handed on exactly once.

import { useCallback, useRef, useState } from 'react';
import type { Point, Polygon } from '../../shared/geometry.ts';
import type { RegionView } from '../../shared/api/contract.ts';
import type { PointerKind } from './PageImage.tsx';
import { regionAt } from './hit-test.ts';
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
import { editDown, editMove, editUp, type EditState } from './tools/edit-tool.ts';

export type Tool = 'pan' | 'rectangle' | 'polygon' | 'edit' | 'split';
export const TOOLS: readonly Tool[] = ['pan', 'rectangle', 'polygon', 'edit', 'split'];

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

export interface DrawingActions {
  onShape(shape: Polygon): void;
  onReshape(regionId: number, polygon: Polygon): void;
  onSplit(regionId: number, y: number): void;
}

export function useDrawing(regions: readonly RegionView[], handleRadius: number, actions: DrawingActions) {
  const [tool, setToolState] = useState<Tool>('pan');
  const [rectangle, rectangleNow, setRectangle] = useMachine<RectangleState>(IDLE);
  const [polygon, polygonNow, setPolygon] = useMachine<PolygonState>(IDLE);
  const [edit, editNow, setEdit] = useMachine<EditState>(IDLE);

  const setTool = useCallback(
    (next: Tool) => {
      setRectangle(IDLE);
      setPolygon(IDLE);
      setEdit(IDLE);
      setToolState(next);
    },
    [setRectangle, setPolygon, setEdit],
  );

  const closePolygon = useCallback(() => {
    const { state, shape } = polygonClose(polygonNow.current);
    setPolygon(state);
    if (shape) actions.onShape(shape);
  }, [actions, polygonNow, setPolygon]);

  const pointer = useCallback(
    (kind: PointerKind, at: Point) => {
      if (tool === 'rectangle') {
        if (kind === 'down') setRectangle(rectangleDown(rectangleNow.current, at));
        else if (kind === 'move' && rectangleNow.current.kind === 'creating')
          setRectangle(rectangleMove(rectangleNow.current, at));
        else if (kind === 'up') {
          const { state, shape } = rectangleUp(rectangleNow.current, at);
          setRectangle(state);
          if (shape) actions.onShape(shape);
        }
      } else if (tool === 'polygon') {
        if (kind === 'down') {
          const { state, shape } = polygonClick(polygonNow.current, at);
          setPolygon(state);
          if (shape) actions.onShape(shape);
        } else if (kind === 'move' && polygonNow.current.kind === 'creating')
          setPolygon(polygonMove(polygonNow.current, at));
        else if (kind === 'dblclick') closePolygon();
      } else if (tool === 'edit') {
        if (kind === 'down') setEdit(editDown(regions, at, handleRadius));
        else if (kind === 'move' && editNow.current.kind === 'dragging')
          setEdit(editMove(editNow.current, at));
        else if (kind === 'up') {
          const { state, change } = editUp(editNow.current, at);
          setEdit(state);
          if (change) actions.onReshape(change.regionId, change.polygon);
        }
      } else if (tool === 'split' && kind === 'down') {
        const region = regionAt(regions, at);
        if (region) actions.onSplit(region.id, at[1]);
      }
    },
    [
      tool,
      actions,
      closePolygon,
      regions,
      handleRadius,
      rectangleNow,
      polygonNow,
      editNow,
      setRectangle,
      setPolygon,
      setEdit,
    ],
  );

  const cancel = useCallback(() => {
    setRectangle(IDLE);
    setPolygon(IDLE);
    setEdit(IDLE);
  }, [setRectangle, setPolygon, setEdit]);

  const back = useCallback(() => setPolygon(polygonBack(polygonNow.current)), [polygonNow, setPolygon]);

  let inProgress: readonly Point[] | null = null;
  if (rectangle.kind === 'creating') {
    const shape = rectanglePolygon(rectangle.start, rectangle.current);
    inProgress = [...shape, shape[0]!];
  } else if (polygon.kind === 'creating') inProgress = [...polygon.points, polygon.pointer];
  else if (edit.kind === 'dragging') inProgress = [...edit.current, edit.current[0]!];

  return { tool, setTool, pointer, closePolygon, cancel, back, inProgress };
}

// The zoomable page image: OpenSeadragon on the page's Deep Zoom tiles, with an SVG overlay in
// page pixels (children), pointer events in page pixels for the drawing tools, and a pan that
// keeps the box being worked on in view. Coordinates are page pixels everywhere; this component
// owns the one transform between them and the screen.

import { ButtonGroup } from '@blueprintjs/core';
import { ToolButton } from '../theme/ToolButton.tsx';
import OpenSeadragon from 'openseadragon';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Box, Point } from '../../shared/geometry.ts';
import { loadDzi } from './dzi.ts';
import { viewerFrame, viewerOptions } from './viewer-options.ts';
import { adoptEarlyImage } from './early-image.ts';

export type PointerKind = 'down' | 'move' | 'up' | 'dblclick';

interface Props {
  /** The page's Deep Zoom descriptor; the page's size is read from it. */
  tilesUrl: string;
  /** When set, panning and zooming by mouse stop and pointer events go to the tool. */
  drawing: boolean;
  onPointer(kind: PointerKind, at: Point): void;
  /** A click in pan mode, and where the pointer is when no button is down (page pixels). */
  onClickAt(at: Point, additive: boolean): void;
  onHoverAt(at: Point | null): void;
  focusBox: Box | null;
  /** Zoom to this box once it is known (a search hit the page was opened at). */
  zoomBox?: Box | null;
  children: ReactNode;
}

/** One step of the zoom buttons: the same factor as OpenSeadragon's own +/- keys. */
const ZOOM_STEP = 1.2;

export function PageImage(props: Props) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const viewer = useRef<OpenSeadragon.Viewer | null>(null);
  const [overlay, setOverlay] = useState<HTMLDivElement | null>(null);
  // The page's size in pixels, from its descriptor: the view starts before the page's text and
  // record have come, and keeps its viewer when they do.
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const handlers = useRef(props);
  useEffect(() => {
    handlers.current = props;
  });

  useEffect(() => {
    let cancelled = false;
    let v: OpenSeadragon.Viewer | null = null;
    let frame: HTMLDivElement | null = null;
    const started = performance.now();
    void (async () => {
      try {
        const dzi = await loadDzi(props.tilesUrl);
        if (cancelled || !host.current) return;
        setSize({ width: dzi.width, height: dzi.height });
        // The viewer the app started with when it opened on this page, moved in; else a new one.
        const early = adoptEarlyImage(props.tilesUrl);
        frame = early?.element ?? viewerFrame();
        host.current.appendChild(frame);
        v = early?.viewer ?? OpenSeadragon(viewerOptions(frame, dzi));
        viewer.current = v;
        // The zoom the view is going to (after its animation), for the zoom buttons' tests.
        v.addHandler('zoom', () =>
          host.current?.setAttribute('data-zoom', String(v!.viewport.getZoom(false))),
        );
        // For bench/first-paint: when the first tile and the whole first view were drawn, in ms
        // since navigation (performance.now()), and since this view started loading (the early
        // viewer started with the app).
        const markFirstTile = (at: number, since: number) => {
          host.current?.setAttribute('data-first-tile-ms', at.toFixed(1));
          host.current?.setAttribute('data-first-tile-since-open-ms', (at - since).toFixed(1));
        };
        if (early?.firstTileMs != null) markFirstTile(early.firstTileMs, 0);
        else v.addOnceHandler('tile-drawn', () => markFirstTile(performance.now(), early ? 0 : started));

        const opened = () => {
          const item = v!.world.getItemAt(0);
          const markFull = () => {
            const el = host.current;
            if (el && !el.hasAttribute('data-full-view-ms'))
              el.setAttribute('data-full-view-ms', performance.now().toFixed(1));
          };
          if (item?.getFullyLoaded()) markFull();
          else item?.addOnceHandler('fully-loaded-change', markFull);
          const element = document.createElement('div');
          element.className = 'page-overlay';
          v!.addOverlay({
            element,
            location: new OpenSeadragon.Rect(0, 0, 1, dzi.height / dzi.width),
          });
          setOverlay(element);
        };
        if (v.world.getItemCount() > 0) opened();
        else v.addOnceHandler('open', opened);
      } catch (e) {
        if (!cancelled) setError((e as Error).message);
      }
    })();
    return () => {
      cancelled = true;
      setOverlay(null);
      viewer.current = null;
      v?.destroy();
      frame?.remove();
    };
  }, [props.tilesUrl]);

  useEffect(() => {
    viewer.current?.setMouseNavEnabled(!props.drawing);
  }, [props.drawing, overlay]);

  // A quick click in pan mode: OpenSeadragon captures the pointer, so the click never reaches
  // the overlay's shapes; the page view hit-tests the point instead.
  useEffect(() => {
    const v = viewer.current;
    if (!v || !overlay) return;
    const click = (e: OpenSeadragon.CanvasClickEvent) => {
      if (!e.quick || handlers.current.drawing) return;
      const p = v.viewport.viewerElementToImageCoordinates(e.position);
      const original = e.originalEvent as MouseEvent;
      handlers.current.onClickAt([p.x, p.y], original.shiftKey || original.ctrlKey || original.metaKey);
    };
    v.addHandler('canvas-click', click);
    return () => v.removeHandler('canvas-click', click);
  }, [overlay]);

  // Pointer events for the drawing tools, in page pixels.
  useEffect(() => {
    const element = host.current;
    if (!element || !overlay || !size) return;
    const toPage = (e: MouseEvent): Point | null => {
      const v = viewer.current;
      if (!v) return null;
      const rect = element.getBoundingClientRect();
      const p = v.viewport.viewerElementToImageCoordinates(
        new OpenSeadragon.Point(e.clientX - rect.left, e.clientY - rect.top),
      );
      return [Math.max(0, Math.min(size.width, p.x)), Math.max(0, Math.min(size.height, p.y))];
    };
    const make = (kind: PointerKind) => (e: MouseEvent) => {
      if (!handlers.current.drawing) {
        if (kind === 'move' && e.buttons === 0) handlers.current.onHoverAt(toPage(e));
        return;
      }
      const at = toPage(e);
      if (!at) return;
      e.preventDefault();
      handlers.current.onPointer(kind, at);
    };
    const listeners: [string, (e: MouseEvent) => void][] = [
      ['pointerdown', make('down')],
      ['pointermove', make('move')],
      ['pointerup', make('up')],
      ['dblclick', make('dblclick')],
      ['pointerleave', () => handlers.current.onHoverAt(null)],
    ];
    for (const [name, fn] of listeners) element.addEventListener(name, fn as EventListener, true);
    return () => {
      for (const [name, fn] of listeners) element.removeEventListener(name, fn as EventListener, true);
    };
  }, [overlay, size]);

  // Opened at a search hit: the hit's line and a few lines around it fill the view, once.
  const zoomed = useRef<string | null>(null);
  useEffect(() => {
    const v = viewer.current;
    const box = props.zoomBox;
    if (!v || !box || !overlay) return;
    const key = `${box.x0},${box.y0},${box.x1},${box.y1}`;
    if (zoomed.current === key) return;
    zoomed.current = key;
    const h = box.y1 - box.y0;
    const margin = Math.max(4 * h, 0.5 * (box.x1 - box.x0));
    const rect = v.viewport.imageToViewportRectangle(
      box.x0 - margin,
      box.y0 - margin,
      box.x1 - box.x0 + 2 * margin,
      h + 2 * margin,
    );
    v.viewport.fitBoundsWithConstraints(rect, true);
  }, [props.zoomBox, overlay]);

  // Keep the box being worked on in view, without zooming: pan only when it is off screen.
  useEffect(() => {
    const v = viewer.current;
    const box = props.focusBox;
    if (!v || !box || !overlay) return;
    const bounds = v.viewport.viewportToImageRectangle(v.viewport.getBounds(true));
    const inside =
      box.x0 >= bounds.x &&
      box.y0 >= bounds.y &&
      box.x1 <= bounds.x + bounds.width &&
      box.y1 <= bounds.y + bounds.height;
    if (!inside)
      v.viewport.panTo(v.viewport.imageToViewportCoordinates((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2));
  }, [props.focusBox, overlay]);

  return (
    <div className="page-image">
      {error && <p className="error">{error}</p>}
      <div ref={host} className="viewer" data-testid="viewer" />
      <ButtonGroup className="zoom-buttons" role="group" aria-label={t('zoom.title')}>
        <ToolButton hint={t('zoom.inKey')} onClick={() => viewer.current?.viewport.zoomBy(ZOOM_STEP)}>
          {t('zoom.in')}
        </ToolButton>
        <ToolButton hint={t('zoom.outKey')} onClick={() => viewer.current?.viewport.zoomBy(1 / ZOOM_STEP)}>
          {t('zoom.out')}
        </ToolButton>
        <ToolButton hint={t('zoom.widthKey')} onClick={() => viewer.current?.viewport.fitHorizontally()}>
          {t('zoom.width')}
        </ToolButton>
        <ToolButton hint={t('zoom.pageKey')} onClick={() => viewer.current?.viewport.goHome()}>
          {t('zoom.page')}
        </ToolButton>
      </ButtonGroup>
      {overlay &&
        size &&
        createPortal(
          <svg
            viewBox={`0 0 ${size.width} ${size.height}`}
            preserveAspectRatio="none"
            className={props.drawing ? 'drawing' : ''}
          >
            {props.children}
          </svg>,
          overlay,
        )}
    </div>
  );
}

// How the page image's OpenSeadragon viewer is set up: one place, used by the app's page view and
// by bench/first-paint's bare viewer (OpenSeadragon alone on the same tiles, the floor the app's
// first tile is compared with).

import OpenSeadragon from 'openseadragon';
import type { DziInfo } from './dzi.ts';

// The options-object form of the constructor, which the type declarations do not describe.
const DziSource = OpenSeadragon.DziTileSource as unknown as new (options: object) => OpenSeadragon.TileSource;

/** The element a page image's viewer is made in; it fills the frame it is put in. */
export function viewerFrame(): HTMLDivElement {
  const frame = document.createElement('div');
  frame.className = 'viewer-frame';
  return frame;
}

export function viewerOptions(element: HTMLElement, dzi: DziInfo): OpenSeadragon.Options {
  return {
    element,
    tileSources: new DziSource({
      width: dzi.width,
      height: dzi.height,
      tileSize: dzi.tileSize,
      tileOverlap: dzi.tileOverlap,
      tilesUrl: dzi.tilesUrl,
      fileFormat: dzi.format,
      queryParams: dzi.queryParams,
    }),
    // The HTML drawer (each tile an <img>): measured against the 2D canvas drawer in
    // bench/first-paint, its first tile comes 15–30 % sooner, because the canvas drawer copies
    // every tile into a canvas of its own before drawing it (decision 012). WebGL is not there on
    // every archivist's machine, nor in CI's headless Chromium.
    drawer: 'html',
    showNavigationControl: false,
    gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: false },
    visibilityRatio: 0.3,
    animationTime: 0.3,
    maxZoomPixelRatio: 4,
  } as OpenSeadragon.Options;
}

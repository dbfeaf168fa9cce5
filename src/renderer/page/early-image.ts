// The page image before the app. When the app is opened on a page (a link, a reload, a window
// restored), the page's image is what the reviewer waits for; the rest of the app takes about a
// second to load and start on a modest machine. So the entry (boot.ts) starts OpenSeadragon on the
// page's tiles first, in a frame placed where the page view puts its image, and loads the app
// once the first tile is drawn; the page view then takes this viewer over (adoptEarlyImage)
// instead of making another, so nothing is fetched or drawn twice.

import OpenSeadragon from 'openseadragon';
import { parseRoute } from '../routing.ts';
import { pageImageUrl } from '../transport/page-image-url.ts';
import { loadDzi } from './dzi.ts';
import { viewerFrame, viewerOptions } from './viewer-options.ts';
import { storedShare } from './split-share.ts';

export interface EarlyImage {
  tilesUrl: string;
  /** OpenSeadragon's element, to be moved into the page view's. */
  element: HTMLDivElement;
  viewer: OpenSeadragon.Viewer;
  /** When its first tile was drawn (performance.now()), if it has been. */
  firstTileMs: number | null;
}

let early: EarlyImage | null = null;
let frame: HTMLDivElement | null = null;

function drop(): void {
  early?.viewer.destroy();
  early = null;
  frame?.remove();
  frame = null;
}

/**
 * Starts the page image when the app opens on a page. Resolves when its first tile is drawn, at
 * once when there is no page to show, on a failure (the page view will say what failed), and
 * after `patience` ms at the latest: the app is never held up for long by its image.
 */
export function startEarlyImage(patience: number): Promise<void> {
  const route = parseRoute(window.location.hash);
  if (route.view !== 'page') return Promise.resolve();
  const tilesUrl = pageImageUrl(route.pageId, 'tiles');
  frame = document.createElement('div');
  frame.className = 'early-page-image';
  frame.style.setProperty('--image-share', String(storedShare()));
  const element = viewerFrame();
  frame.appendChild(element);
  document.body.appendChild(frame);
  // Leaving the page before the app has taken the image over: it is not wanted any more.
  window.addEventListener('hashchange', drop, { once: true });
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, patience);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    loadDzi(tilesUrl).then(
      (dzi) => {
        if (!frame) return done();
        const viewer = OpenSeadragon(viewerOptions(element, dzi));
        const started: EarlyImage = { tilesUrl, element, viewer, firstTileMs: null };
        early = started;
        viewer.addOnceHandler('tile-drawn', () => {
          started.firstTileMs = performance.now();
          done();
        });
      },
      () => {
        // No such page, or its tiles are missing: the page view will say so, over nothing.
        drop();
        done();
      },
    );
  });
}

/** The early viewer of this page's tiles, taken over once; any other is let go. */
export function adoptEarlyImage(tilesUrl: string): EarlyImage | null {
  const taken = early?.tilesUrl === tilesUrl ? early : null;
  if (taken) {
    early = null;
    window.removeEventListener('hashchange', drop);
  }
  drop();
  return taken;
}

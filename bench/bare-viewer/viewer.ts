// bench/first-paint's floor: OpenSeadragon alone, set up as the app sets it up, on the same page's
// tiles from the same server, with nothing else on the page. The app's first tile is compared
// with this, so the figure says how much of the wait is the app's own.
// Bundled by bench/first-paint.ts (esbuild) into a folder it serves; runs in the browser.

import OpenSeadragon from 'openseadragon';
import { parseRoute } from '../../src/renderer/routing.ts';
import { loadDzi } from '../../src/renderer/page/dzi.ts';
import { viewerOptions } from '../../src/renderer/page/viewer-options.ts';
import { pageImageUrl } from '../../src/renderer/transport/page-image-url.ts';

const route = parseRoute(window.location.hash);
if (route.view !== 'page') throw new Error('Open the bare viewer at #/page/<id>.');
const element = document.getElementById('viewer')!;
const dzi = await loadDzi(pageImageUrl(route.pageId, 'tiles'));
const viewer = OpenSeadragon(viewerOptions(element, dzi));
viewer.addOnceHandler('tile-drawn', () =>
  element.setAttribute('data-first-tile-ms', performance.now().toFixed(1)),
);

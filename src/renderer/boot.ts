// The app's entry: the page image first when the app opens on a page (page/early-image.ts), then
// the app. Its code is evaluated after the first tile is drawn: evaluating it takes the browser's
// one main thread for a few hundred milliseconds, which would hold the tile back.

import { startEarlyImage } from './page/early-image.ts';
import './page/early-image.css';

/** The longest the app waits for the page image before it loads anyway. */
const PATIENCE_MS = 1500;

void startEarlyImage(PATIENCE_MS).then(() => import('./main.tsx'));

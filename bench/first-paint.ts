// bench/first-paint: how soon a reviewer sees a page in the browser mode — from navigating to the
// page view until the first Deep Zoom tile is drawn, and until the whole first view is sharp —
// against the naive way, measured in the same run: navigating to the page's full master raster
// as one image (load event, image decoded). For the sample 300-dpi page and the same page at
// 600 dpi (a broadsheet's size), with a cold cache every run (a new browser context).
// The floor, in the same runs: OpenSeadragon alone (bench/bare-viewer), set up as the app sets it
// up, on the same tiles from a second server on the same archive: what no app could beat.
// Then the same from inside the running app: a page opened from the library, timed from the click.
// Then proofreading speed on a long page (sample page 1's born-digital PDF: 280 lines): from
// pressing Enter on a line just corrected until the next line has the focus and is painted, and
// until the correction's save and the read-back of that line after it are done (the view reads
// back what the change reached, not the page); the reference in the same run is Enter on a line
// left as it was (no save).
// Run: node bench/first-paint.ts [--runs N] (default 5). Needs `npm run build` and /usr/bin/chromium.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { startChromium } from '../test/e2e/browser.ts';
import { openArchive } from '../src/core/archive/archive.ts';
import { importScans } from '../src/core/import/importer.ts';
import { startServer, type RunningServer } from '../src/cli/server/server.ts';
import { RENDERER_DIR } from '../src/cli/commands/serve.ts';

// The two functions below run in the browser; this is all of the DOM they touch.
declare const document: { querySelector(selector: string): unknown; images: { decode(): Promise<void> }[] };

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const SCAN = path.resolve(import.meta.dirname, '../../shared/samples/pages/page-01/scan_300dpi.png');
const LONG_PAGE = path.resolve(import.meta.dirname, '../test/fixtures/pages/page-01/page.pdf');

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-first-paint-'));
const scan600 = path.join(dir, 'page-600dpi.png');
const meta = await sharp(SCAN).metadata();
await sharp(SCAN)
  .resize({ width: meta.width! * 2 })
  .png()
  .toFile(scan600);
const archive = openArchive(path.join(dir, 'archive'));
await importScans(archive, [SCAN, scan600, LONG_PAGE], {
  title: 'Bench',
  date: '2018-10-19',
  maxPixels: 200e6,
});
const pages = archive.db.prepare('SELECT id, width, height FROM pages ORDER BY id').all() as {
  id: number;
  width: number;
  height: number;
}[];
const server = await startServer(archive, { rendererDir: RENDERER_DIR, workers: 1 });
const bareDir = path.join(dir, 'bare-viewer');
mkdirSync(bareDir);
const bareSource = path.resolve(import.meta.dirname, 'bare-viewer');
await build({
  entryPoints: [path.join(bareSource, 'viewer.ts')],
  outfile: path.join(bareDir, 'viewer.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  logLevel: 'warning',
});
for (const file of ['index.html', 'viewer.css'])
  copyFileSync(path.join(bareSource, file), path.join(bareDir, file));
const bareServer = await startServer(archive, { rendererDir: bareDir, workers: 1 });
const browser = await startChromium();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(browser: Browser, server: RunningServer, pageId: number) {
  const firstTile: number[] = [];
  const fullView: number[] = [];
  const wholeRaster: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const alone = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const floor = await alone.newPage();
    await floor.goto(`${bareServer.url}#/page/${pageId}`);
    await floor.waitForFunction(() => document.querySelector('[data-first-tile-ms]') !== null, undefined, {
      timeout: 60_000,
    });
    bare.push(Number(await floor.getByTestId('viewer').getAttribute('data-first-tile-ms')));
    await alone.close();

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const tab = await context.newPage();
    await tab.goto(`${server.url}#/page/${pageId}`);
    await tab.waitForFunction(() => document.querySelector('[data-full-view-ms]') !== null, undefined, {
      timeout: 60_000,
    });
    const viewer = tab.getByTestId('viewer');
    firstTile.push(Number(await viewer.getAttribute('data-first-tile-ms')));
    fullView.push(Number(await viewer.getAttribute('data-full-view-ms')));
    await context.close();

    const plain = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const ref = await plain.newPage();
    await ref.goto(`http://127.0.0.1:${server.port}/pages/${pageId}/raster?token=${server.token}`, {
      waitUntil: 'load',
    });
    wholeRaster.push(
      await ref.evaluate(async () => {
        await document.images[0]!.decode();
        return performance.now();
      }),
    );
    await plain.close();
  }
  return { firstTile, fullView, wholeRaster, bare };
}

/**
 * Opening a page from the library of the running app (its code loaded and the archive listed,
 * as a reviewer does all day): ms from the click on the page's Open link to the first tile and
 * to the complete first view; the reference, in another fresh tab at the same point, is loading
 * the page's whole raster as one image into that library tab.
 */
async function measureInApp(browser: Browser, server: RunningServer, pageId: number) {
  const firstTile: number[] = [];
  const fullView: number[] = [];
  const wholeRaster: number[] = [];
  const openLibrary = async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const tab = await context.newPage();
    await tab.goto(server.url);
    await tab.waitForFunction(() => document.querySelector('.open-page') !== null, undefined, {
      timeout: 60_000,
    });
    return { context, tab };
  };
  for (let i = 0; i < RUNS; i++) {
    const { context, tab } = await openLibrary();
    const link = tab.locator(`.open-page[href$="#/page/${pageId}"]`);
    // The click's own time in the page, not the test driver's (its round trip is not the app's).
    await tab.evaluate(
      "addEventListener('click', (e) => { window.__clicked = e.timeStamp; }, { capture: true, once: true })",
    );
    await link.click();
    const clicked = (await tab.evaluate('window.__clicked')) as number;
    await tab.waitForFunction(() => document.querySelector('[data-full-view-ms]') !== null, undefined, {
      timeout: 60_000,
    });
    const viewer = tab.getByTestId('viewer');
    firstTile.push(Number(await viewer.getAttribute('data-first-tile-ms')) - clicked);
    fullView.push(Number(await viewer.getAttribute('data-full-view-ms')) - clicked);
    await context.close();

    const plain = await openLibrary();
    wholeRaster.push(
      (await plain.tab.evaluate(`(async () => {
        const t0 = performance.now();
        const image = new Image();
        image.src = '/pages/${pageId}/raster?token=${server.token}';
        await image.decode();
        return performance.now() - t0;
      })()`)) as number,
    );
    await plain.context.close();
  }
  return { firstTile, fullView, wholeRaster, bare: null };
}

/**
 * Set up in the page before a key is pressed: resolves with the ms from the Enter keydown to the
 * next line's field having the focus and a frame painted, and to the response of the read-back
 * of the saved line (pageLines) when a save follows; null when none came within 3 s.
 */
const WATCH_ENTER = `window.__enter = new Promise((resolve) => {
  let t0 = 0, focused = null;
  addEventListener('keydown', (e) => { if (e.key === 'Enter') t0 = performance.now(); }, { capture: true, once: true });
  addEventListener('focusin', () => requestAnimationFrame(() => setTimeout(() => { focused = performance.now() - t0; }, 0)), { once: true });
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name.endsWith('/api/pageLines') && entry.startTime > t0) {
        observer.disconnect();
        resolve({ focused, settled: entry.responseEnd - t0 });
      }
  });
  observer.observe({ type: 'resource', buffered: false });
  setTimeout(() => { observer.disconnect(); resolve({ focused, settled: null }); }, 3000);
}); 0`;

async function measureEnter(browser: Browser, server: RunningServer, pageId: number, lines: number) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const tab = await context.newPage();
  await tab.goto(`${server.url}#/page/${pageId}`);
  const fields = tab.locator('.line-editor input');
  await tab.waitForFunction(() => document.querySelector('.line-editor input') !== null);
  const count = await fields.count();
  const corrected: { focused: number; settled: number | null }[] = [];
  const unchanged: { focused: number; settled: number | null }[] = [];
  for (let i = 0; i < lines; i++) {
    const k = 20 + i * Math.floor((count - 40) / lines);
    for (const change of [false, true]) {
      await fields.nth(k + (change ? 1 : 0)).focus();
      if (change) await tab.keyboard.type('〇');
      await tab.evaluate(WATCH_ENTER);
      await tab.keyboard.press('Enter');
      const r = (await tab.evaluate('window.__enter')) as { focused: number; settled: number | null };
      (change ? corrected : unchanged).push(r);
      await tab.waitForTimeout(300);
    }
  }
  await context.close();
  return { count, corrected, unchanged };
}

/** One table of first-tile figures, the 300- and 600-dpi page each measured by `measureOne`. */
async function firstTileTable(
  heading: string,
  measureOne: typeof measure | typeof measureInApp,
): Promise<void> {
  console.log(heading);
  console.log(
    '| page | first tile drawn (median, min–max) | first view complete | reference: whole raster as one image | ratio first tile / reference | floor: OpenSeadragon alone, first tile | ratio first tile / floor |',
  );
  console.log('|---|---|---|---|---|---|---|');
  const cell = (xs: number[]) =>
    `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  for (const [label, page] of [
    ['300 dpi', pages[0]!],
    ['600 dpi', pages[1]!],
  ] as const) {
    const r = await measureOne(browser, server, page.id);
    console.log(
      `| ${label}, ${page.width}×${page.height} | ${cell(r.firstTile)} | ${cell(r.fullView)} | ${cell(r.wholeRaster)} | ${(median(r.firstTile) / median(r.wholeRaster)).toFixed(2)} | ${r.bare ? cell(r.bare) : '–'} | ${r.bare ? (median(r.firstTile) / median(r.bare)).toFixed(2) : '–'} |`,
    );
  }
}

try {
  await firstTileTable(`bench/first-paint — ${RUNS} cold runs per page, ms since navigation`, measure);
  await firstTileTable(
    `\nopening a page from the library of the running app — ${RUNS} runs, ms since the click`,
    measureInApp,
  );
  const long = pages[2]!;
  const enter = await measureEnter(browser, server, long.id, 15);
  const focused = (xs: { focused: number }[]) => xs.map((x) => x.focused);
  const settled = enter.corrected.flatMap((x) => (x.settled === null ? [] : [x.settled]));
  const range = (xs: number[]) =>
    `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  console.log(
    `\nproofreading a ${enter.count}-line page: Enter, ms (median, min–max over ${enter.corrected.length} lines)`,
  );
  console.log('| on | next line focused and painted | save and line read back | ratio focused / reference |');
  console.log('|---|---|---|---|');
  console.log(
    `| a line just corrected | ${range(focused(enter.corrected))} | ${settled.length ? range(settled) : '–'} (${settled.length} of ${enter.corrected.length} seen) | ${(median(focused(enter.corrected)) / median(focused(enter.unchanged))).toFixed(2)} |`,
  );
  console.log(`| reference: a line left as it was | ${range(focused(enter.unchanged))} | – | 1.00 |`);
} finally {
  await browser.close();
  await server.close();
  await bareServer.close();
  archive.close();
  rmSync(dir, { recursive: true, force: true });
}

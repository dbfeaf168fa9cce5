// The app as the browser gets it, in Chromium against `backfile serve`: React's production build
// (the development one, which the test runner's NODE_ENV=test once gave it, runs every effect
// twice and renders several times slower), and one event stream for every view, however many
// views come and go (a stream each held one of the browser's six connections to the server); the
// page image asked for as the page view opens, and its viewer made once.

import { describe, expect, it } from 'vitest';
import { sharedBrowser, withApp } from './browser.ts';
import { startServer } from '../../src/cli/server/server.ts';
import { RENDERER_DIR } from '../../src/cli/commands/serve.ts';
import { onePageArchive } from '../fixtures/one-page-archive.ts';

const browser = sharedBrowser();

const COUNT_STREAMS = `{
  const Real = window.EventSource;
  window.__streams = 0;
  window.EventSource = function (url, options) { window.__streams++; return new Real(url, options); };
}`;

/** Counts the OpenSeadragon viewers ever put in the page (each makes one container). */
const COUNT_VIEWERS = `{
  const seen = new WeakSet();
  window.__viewers = 0;
  new MutationObserver((changes) => {
    for (const change of changes)
      for (const node of change.addedNodes)
        if (node.classList && node.classList.contains('openseadragon-container') && !seen.has(node)) {
          seen.add(node); // OpenSeadragon moves its container once it is in: one viewer, one count
          window.__viewers++;
        }
  }).observe(document, { childList: true, subtree: true });
}`;

describe('the app in the browser', () => {
  it('is React’s production build and keeps one event stream across views', async () => {
    const archive = await onePageArchive();
    await withApp(browser(), archive, 'en-GB', async (page, url) => {
      const messages: string[] = [];
      page.on('console', (m) => messages.push(m.text()));
      await page.addInitScript(COUNT_STREAMS);
      await page.goto(url);
      await expect.poll(() => page.locator('.pages li').count()).toBe(1);
      await page.locator('.open-page').click();
      await expect.poll(() => page.locator('[data-full-view-ms]').count(), { timeout: 30_000 }).toBe(1);
      await page.getByRole('link', { name: 'Articles' }).click();
      await page.getByRole('link', { name: 'Library' }).click();
      await expect.poll(() => page.locator('.pages li').count()).toBe(1);
      expect(await page.evaluate('window.__streams')).toBe(1);
      expect(messages.filter((m) => /React DevTools|development build/i.test(m))).toEqual([]);
    });
  });

  it('starts the page image with the page’s text, and keeps its one viewer when the text comes', async () => {
    const archive = await onePageArchive();
    await withApp(browser(), archive, 'en-GB', async (page, url) => {
      await page.addInitScript(COUNT_VIEWERS);
      await page.goto(url);
      await expect.poll(() => page.locator('.pages li').count()).toBe(1);
      await page.locator('.open-page').click();
      await expect.poll(() => page.locator('[data-full-view-ms]').count(), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => page.locator('.page-toolbar h1').textContent()).toContain('Gazette');
      expect(await page.evaluate('window.__viewers')).toBe(1);
      // Asked for in the same moment as the page's text, not after it arrived.
      const order = (await page.evaluate(`(() => {
        const entries = performance.getEntriesByType('resource');
        const descriptor = entries.find((e) => e.name.includes('/tiles?'));
        const text = entries.find((e) => e.name.endsWith('/api/getPage'));
        return { descriptorStart: descriptor.startTime, textArrived: text.responseEnd };
      })()`)) as { descriptorStart: number; textArrived: number };
      expect(order.descriptorStart).toBeLessThan(order.textArrived);
    });
  });

  it('opened on a page, draws the page image before the app has loaded, and the page view keeps that viewer', async () => {
    const archive = await onePageArchive();
    await withApp(browser(), archive, 'en-GB', async (page, url) => {
      await page.addInitScript(COUNT_VIEWERS);
      await page.goto(url + '#/page/1');
      await expect.poll(() => page.locator('[data-full-view-ms]').count(), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => page.locator('.page-toolbar h1').textContent()).toContain('Gazette');
      const viewer = page.getByTestId('viewer');
      const firstTile = Number(await viewer.getAttribute('data-first-tile-ms'));
      // When the app's own code (main.tsx's chunk) was asked for.
      const appLoaded = (await page.evaluate(
        "performance.getEntriesByType('resource').find((e) => /[/]assets[/]main-[^/]*[.]js/.test(e.name)).startTime",
      )) as number;
      // The first tile was drawn before the app's code was even asked for.
      expect(firstTile).toBeGreaterThan(0);
      expect(appLoaded).toBeGreaterThan(firstTile);
      // One viewer in all: the early one, now inside the page view, with nothing left outside it.
      expect(await page.evaluate('window.__viewers')).toBe(1);
      expect(await page.locator('.early-page-image').count()).toBe(0);
      expect(await viewer.locator('.openseadragon-container').count()).toBe(1);
      // And it works as the page view's own: its zoom buttons zoom it.
      const before = Number((await viewer.getAttribute('data-zoom')) ?? '0');
      await page.locator('.zoom-buttons').getByRole('button', { name: 'Fit width' }).click();
      await expect.poll(async () => Number(await viewer.getAttribute('data-zoom'))).toBeGreaterThan(before);
    });
  });

  it('lets the early page image go when the reader leaves the page before the app takes it', async () => {
    const archive = await onePageArchive();
    await withApp(browser(), archive, 'en-GB', async (page, url) => {
      await page.goto(url + '#/page/1');
      await page.evaluate("window.location.hash = '#/'");
      await expect.poll(() => page.locator('.pages li').count()).toBe(1);
      expect(await page.locator('.early-page-image').count()).toBe(0);
      expect(await page.locator('.openseadragon-container').count()).toBe(0);
    });
  });

  it('leaves nothing over the app when the page asked for has no image', async () => {
    const archive = await onePageArchive();
    const server = await startServer(archive, { rendererDir: RENDERER_DIR, workers: 1 });
    const page = await browser().newPage({ locale: 'en-GB' });
    try {
      await page.goto(server.url + '#/page/999');
      await expect
        .poll(() => page.locator('.page-view .error').count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      expect(await page.locator('.early-page-image').count()).toBe(0);
      // The library is there to be used again, under nothing.
      await page.getByRole('link', { name: 'Library' }).click();
      await page.locator('.open-page').click({ timeout: 5_000 });
      await expect.poll(() => page.locator('[data-full-view-ms]').count(), { timeout: 30_000 }).toBe(1);
    } finally {
      await page.close();
      await server.close();
    }
  });
});

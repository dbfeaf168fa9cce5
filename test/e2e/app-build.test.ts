// The app as the browser gets it, in Chromium against `backfile serve`: React's production build
// (the development one, which the test runner's NODE_ENV=test once gave it, runs every effect
// twice and renders several times slower), and one event stream for every view, however many
// views come and go (a stream each held one of the browser's six connections to the server).

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { sharedBrowser, withApp } from './browser.ts';
import { LEFT_COLUMN, writeTextScan } from '../fixtures/text-scan.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

const browser = sharedBrowser();

const COUNT_STREAMS = `{
  const Real = window.EventSource;
  window.__streams = 0;
  window.EventSource = function (url, options) { window.__streams++; return new Real(url, options); };
}`;

describe('the app in the browser', () => {
  it('is React’s production build and keeps one event stream across views', async () => {
    const archive = tempArchive();
    const scan = await writeTextScan(
      path.join(tempDir(), 'p.png'),
      [{ x: 60, y: 60, lines: LEFT_COLUMN }],
      1300,
      500,
    );
    await importScans(archive, [scan], { title: 'Gazette', date: '1911-03-01' });
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
});

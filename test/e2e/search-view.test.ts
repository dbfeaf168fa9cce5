// Search results as a reader wants them, in Chromium against `backfile serve`: hits grouped by
// page under the page's thumbnail, newspaper, date and number, and a hit opening its page
// zoomed to its line (closer than the whole page). Two sample pages from their PDFs' text layers.

import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { sharedBrowser, withApp } from './browser.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';

const browser = sharedBrowser();

describe('search results', () => {
  it('groups hits by page under the page, and opens a hit zoomed to its line', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(1, 'page.pdf'), samplePage(2, 'page.pdf')], {
      title: '文峪河报',
      date: '2018-10-19',
    });
    const pagesWithHits = archive.db
      .prepare("SELECT COUNT(DISTINCT page_id) FROM lines WHERE text LIKE '%交城%'")
      .pluck()
      .get();
    expect(pagesWithHits).toBe(2);
    await withApp(browser(), archive, 'en-GB', async (page, url) => {
      await page.goto(url);
      await page.getByRole('link', { name: 'Search' }).click();
      await page.getByRole('searchbox').fill('交城');
      await page.getByRole('searchbox').press('Enter');
      const groups = page.locator('.hit-page');
      await expect.poll(() => groups.count(), { timeout: 30_000 }).toBe(2);
      const heads = await page.locator('.hit-page h3').allTextContents();
      expect(heads.sort()).toEqual([
        '文峪河报 · 19 October 2018 · p. 1',
        '文峪河报 · 19 October 2018 · p. 2',
      ]);
      expect(await page.locator('.hit-page-head img').count()).toBe(2);
      // Every hit sits under its own page's heading: as many as that page has lines with the word.
      for (let g = 0; g < 2; g++) {
        const n = await groups.nth(g).locator('.hits li').count();
        expect(n).toBeGreaterThan(0);
      }

      await groups.first().locator('.hits a').first().click();
      const viewer = page.getByTestId('viewer');
      const zoom = async () => Number(await viewer.getAttribute('data-zoom'));
      await expect.poll(zoom, { timeout: 30_000 }).toBeGreaterThan(0);
      await expect
        .poll(async () => {
          const a = await zoom();
          await page.waitForTimeout(300);
          return (await zoom()) === a;
        })
        .toBe(true);
      const atHit = await zoom();
      await page.getByRole('button', { name: 'Fit page' }).click();
      await expect.poll(zoom).toBeLessThan(atHit);
      expect(atHit).toBeGreaterThan(1.5 * (await zoom()));
    });
  });
});

// The region list says which region is which, in Chromium against `backfile serve`: each text
// region shows its first words, a region in an article names the article's headline (not an
// id), and the pointer over a list item makes its region stand out on the image. A sample page
// from its PDF's text layer, its regions and articles suggested by the layout.

import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { segmentArchivePage } from '../../src/core/layout/segment-service.ts';
import { assembleArticle } from '../../src/core/articles/assemble.ts';
import { listArticles } from '../../src/core/articles/articles.ts';
import { sharedBrowser, withApp } from './browser.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';

const browser = sharedBrowser();

describe('the region list', () => {
  it('shows each region’s first words and its article’s headline, and marks the region under the pointer', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(1, 'page.pdf')]);
    await segmentArchivePage(archive, 1);
    // The headline as the article is assembled from its regions (it is not stored twice).
    const headline = listArticles(archive.db)
      .map((a) => assembleArticle(archive.db, a.id).headline)
      .find((h) => h);
    await withApp(browser(), archive, 'en-GB', async (page, url) => {
      await page.goto(`${url}#/page/1`);
      await page.getByRole('tab', { name: 'Regions', exact: true }).click();
      const items = page.locator('.region-panel li');
      await expect.poll(() => items.count(), { timeout: 30_000 }).toBeGreaterThan(3);
      const snippets = await page.locator('.region-panel .snippet').allTextContents();
      // Every region that holds lines shows some of their words; the page's text is in them.
      const filled = snippets.filter((s) => s.length > 0);
      expect(filled.length).toBeGreaterThan(3);
      const pageText = (
        archive.db.prepare("SELECT group_concat(text, '') FROM lines").pluck().get() as string
      ).replace(/\s+/g, '');
      for (const s of filled) expect(pageText).toContain(s.replace(/…$/u, '').replace(/\s+/g, ''));
      const labels = await page.locator('.region-panel .in-article').allTextContents();
      expect(headline).toBeDefined();
      expect(labels).toContain(`in “${headline}”`);
      expect(labels.filter((l) => /^in “\d+”$/u.test(l))).toEqual([]); // never a bare id

      const second = items.nth(1);
      await second.hover();
      const regionId = await page.locator('g.region.hover').getAttribute('data-region-id');
      expect(regionId).not.toBeNull();
      expect(await page.locator('g.region.hover').count()).toBe(1);
      await items.nth(2).hover();
      await expect
        .poll(() => page.locator('g.region.hover').getAttribute('data-region-id'))
        .not.toBe(regionId);
    });
  });
});

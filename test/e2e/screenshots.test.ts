// Screenshots of the four views a reviewer spends the day in (the library, a page's workspace,
// an article's reading view, search with hits), in English and in Chinese, at the two screen
// sizes archivists work at. They are kept in test-results/screenshots/ for people to look at;
// the test checks what a look would: each shows its view, with content, nothing wider than the
// window, and no error on screen.

import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/archive/archive.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { suggestPages } from '../../src/core/layout/suggest-pages.ts';
import { sharedBrowser, SHOTS, withApp } from './browser.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';

const browser = sharedBrowser();

async function archiveWithArticles(): Promise<{ archive: Archive; articleId: number }> {
  const archive = tempArchive();
  await importScans(archive, [samplePage(1, 'page.pdf')], { title: '文峪河报', date: '2018-10-19' });
  await suggestPages(archive, [1]);
  const { id } = archive.db.prepare('SELECT min(id) AS id FROM articles').get() as { id: number };
  return { archive, articleId: id };
}

/** What a look at the shot would check: the view is there, fits the window, and shows no error. */
async function shoot(page: Page, name: string, viewport: { width: number; height: number }) {
  expect(await page.locator('[role="alert"]').count()).toBe(0);
  const overflow = (await page.evaluate(
    'document.scrollingElement.scrollWidth - window.innerWidth',
  )) as number;
  expect(overflow).toBeLessThanOrEqual(0);
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  const image = sharp(file);
  const meta = await image.metadata();
  expect([meta.width, meta.height]).toEqual([viewport.width, viewport.height]);
  // Not a blank or single-colour window: the luminance varies across the shot.
  const stats = await image.greyscale().stats();
  expect(stats.channels[0]!.stdev).toBeGreaterThan(10);
}

const CASES = [
  { locale: 'en', tag: 'en', search: '交城', viewport: { width: 1280, height: 800 } },
  { locale: 'zh-CN', tag: 'zh', search: '交城', viewport: { width: 1280, height: 800 } },
  { locale: 'zh-CN', tag: 'zh-1920', search: '交城', viewport: { width: 1920, height: 1080 } },
];

describe('screenshots of the main views', () => {
  for (const c of CASES) {
    it(`shows the library, a page, an article and search (${c.tag})`, async () => {
      const { archive, articleId } = await archiveWithArticles();
      await withApp(
        browser(),
        archive,
        c.locale,
        async (page, url) => {
          await page.goto(url);
          await expect.poll(() => page.locator('.pages li').count()).toBe(1);
          await shoot(page, `library-${c.tag}`, c.viewport);

          await page.goto(`${url}#/page/1`);
          await expect.poll(() => page.locator('.line-editor input').count()).toBeGreaterThan(10);
          // The page image's first view drawn in full, so the screenshot shows the page.
          await expect.poll(() => page.locator('[data-full-view-ms]').count()).toBe(1);
          await shoot(page, `page-${c.tag}`, c.viewport);

          await page.goto(`${url}#/article/${articleId}`);
          await expect.poll(() => page.locator('.reading-view').count()).toBe(1);
          await shoot(page, `article-${c.tag}`, c.viewport);

          await page.goto(`${url}#/search?q=${encodeURIComponent(c.search)}`);
          await expect.poll(() => page.locator('.hits li').count()).toBeGreaterThan(0);
          await shoot(page, `search-${c.tag}`, c.viewport);
        },
        c.viewport,
      );
    });
  }

  it('switches to the dark theme and keeps it after a reload; tooltips give the keys', async () => {
    const { archive } = await archiveWithArticles();
    await withApp(browser(), archive, 'zh-CN', async (page, url) => {
      await page.goto(`${url}#/page/1`);
      await expect.poll(() => page.locator('.line-editor input').count()).toBeGreaterThan(10);
      const background = () =>
        page.evaluate('getComputedStyle(document.body).backgroundColor') as Promise<string>;
      const light = await background();
      await page.getByLabel('主题').selectOption('dark');
      await expect.poll(() => page.evaluate('document.body.classList.contains("bp6-dark")')).toBe(true);
      const dark = await background();
      expect(dark).not.toBe(light);
      // Dark means dark: the page's background is darker than mid-grey.
      const [r, g, b] = dark.match(/\d+/g)!.map(Number);
      expect(0.2126 * r! + 0.7152 * g! + 0.0722 * b!).toBeLessThan(100);
      await page.reload();
      await expect.poll(() => page.locator('.line-editor input').count()).toBeGreaterThan(10);
      expect(await page.evaluate('document.body.classList.contains("bp6-dark")')).toBe(true);
      expect(await page.getByLabel('主题').inputValue()).toBe('dark');
      // A toolbar button's tooltip says what it does and its key.
      expect(await page.getByRole('button', { name: '撤销', exact: true }).getAttribute('title')).toBe(
        '撤销本版的上一次修改（编辑文字时按 Ctrl+Z）',
      );
      await shoot(page, 'page-zh-dark', { width: 1280, height: 800 });
    });
  });
});

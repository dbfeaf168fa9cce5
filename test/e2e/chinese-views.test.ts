// No English in the zh-CN app: every view is rendered in Chromium against `backfile serve` (the
// library and its dialog of how a title is read, the page view's four tabs, the Articles view, an article's reading view, search with
// hits) and its visible text, tooltips, labels and placeholders are read: the only Latin words
// left are the names nobody translates (the same list as the string test). The archive's own
// content (a page of Chinese, its newspaper and dates) is what the views show of the data.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importScans } from '../../src/core/import/importer.ts';
import { suggestPages } from '../../src/core/layout/suggest-pages.ts';
import { sharedBrowser, withApp } from './browser.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';
import { UNTRANSLATED_NAMES } from '../renderer/untranslated-names.ts';

const browser = sharedBrowser();

interface PageWindow {
  document: {
    body: { innerText: string };
    querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }>;
  };
}

/** The words a reader sees or hears in the view: its text, and its tooltips, labels and placeholders. */
async function latinWords(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const { document } = globalThis as unknown as PageWindow;
    const attributes = ['title', 'aria-label', 'placeholder', 'alt'].flatMap((name) =>
      Array.from(document.querySelectorAll(`[${name}]`)).map((el) => el.getAttribute(name) ?? ''),
    );
    return [document.body.innerText, ...attributes];
  });
  return [
    ...new Set(texts.flatMap((t) => [...t.matchAll(/[A-Za-z][A-Za-z0-9-]+/gu)].map((m) => m[0]))),
  ].filter((w) => !UNTRANSLATED_NAMES.has(w));
}

describe('the zh-CN app', () => {
  it('shows no English word in any view', async () => {
    const archive = tempArchive();
    await importScans(
      archive,
      [1, 2].map((n) => samplePage(n, 'page.pdf')),
      {
        title: '文峪河报',
        date: '2018-10-19',
      },
    );
    await suggestPages(archive, [1, 2]);
    const articleId = archive.db
      .prepare('SELECT id FROM articles ORDER BY id LIMIT 1')
      .pluck()
      .get() as number;
    await withApp(browser(), archive, 'zh-CN', async (page, url) => {
      const found: Record<string, string[]> = {};
      const look = async (view: string) => {
        await page.waitForLoadState('networkidle');
        found[view] = await latinWords(page);
      };
      await page.goto(url);
      await expect.poll(() => page.locator('.pages li').count()).toBe(2);
      await page.locator('.pages li button').first().click(); // a selection shows its buttons
      await look('library');
      await page.locator('.title-head').getByRole('button').click();
      await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
      await look('library: how a title is read');
      await page.keyboard.press('Escape');
      await page.goto(`${url}#/page/1`);
      await expect.poll(() => page.locator('.line-editor input').count()).toBeGreaterThan(10);
      await look('page: text');
      for (const tab of ['区域', '文章', '修改记录']) {
        await page.getByRole('tab', { name: tab }).click();
        await look(`page: ${tab}`);
      }
      await page.goto(`${url}#/articles`);
      await expect.poll(() => page.locator('.articles-table tbody tr').count()).toBeGreaterThan(0);
      await look('articles');
      await page.goto(`${url}#/article/${articleId}`);
      await expect.poll(() => page.locator('.article-route .reading-view').count()).toBe(1);
      await look('article');
      await page.goto(`${url}#/search?q=${encodeURIComponent('交城')}`);
      await expect.poll(() => page.locator('.search-view li').count()).toBeGreaterThan(0);
      await look('search');
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((view) => [view, []])));
    });
  });
});

// The keyboard-shortcut sheet, in Chromium against `backfile serve`: ? opens it on the page view
// (not while typing in a line), it lists the editor's keys in the UI's language, and Esc closes it.

import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { sharedBrowser, withApp } from './browser.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';

const browser = sharedBrowser();

describe('the shortcut sheet', () => {
  it('opens with ?, lists the keys, closes with Esc, and stays shut while typing', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(3, 'page.pdf')]);
    await withApp(browser(), archive, 'zh-CN', async (page, url) => {
      await page.goto(`${url}#/page/1`);
      await expect.poll(() => page.locator('.line-editor input').count()).toBeGreaterThan(10);
      const sheet = page.getByRole('dialog', { name: '快捷键' });
      // In a line, ? is a character of the text.
      const line = page.locator('.line-editor input').first();
      await line.focus();
      await page.keyboard.press('?');
      expect(await sheet.count()).toBe(0);
      await line.press('Escape'); // back to the saved text
      await page.locator('h1').click();
      await page.keyboard.press('?');
      await expect.poll(() => sheet.count()).toBe(1);
      const rows = await sheet.locator('tr').allTextContents();
      expect(rows).toContain('F2下一个存疑字词');
      expect(rows).toContain('Ctrl+Z撤销本版的上一次修改');
      await page.keyboard.press('Escape');
      await expect.poll(() => sheet.count()).toBe(0);
      await page.getByRole('button', { name: '快捷键（?）' }).click();
      await expect.poll(() => sheet.count()).toBe(1);
    });
  });

  it('leaves the focus where the reviewer put it when another window changes the page', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(3, 'page.pdf')]);
    await withApp(browser(), archive, 'en', async (page, url) => {
      await page.goto(`${url}#/page/1`);
      const lines = page.locator('.line-editor input');
      await expect.poll(() => lines.count()).toBeGreaterThan(10);
      await lines.first().focus();
      await page.locator('h1').click();
      expect(await page.evaluate('document.activeElement?.tagName')).not.toBe('INPUT');
      // The same page in a second window: a correction there reloads the first window's lines.
      const other = await browser().newPage();
      await other.goto(page.url());
      const otherLine = other.locator('.line-editor input').nth(2);
      await otherLine.fill('Changed in the other window');
      await otherLine.press('Enter');
      await expect.poll(() => lines.nth(2).inputValue()).toBe('Changed in the other window');
      expect(await page.evaluate('document.activeElement?.tagName')).not.toBe('INPUT');
      await other.close();
    });
  });
});

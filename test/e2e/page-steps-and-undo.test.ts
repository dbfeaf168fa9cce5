// The way through an issue (previous and next page, by button and by Page Up/Down, and the strip
// of the pages), and Ctrl+Z
// and Ctrl+Shift+Z inside a line of the editor, in Chromium against `backfile serve`: the
// typing is saved and undone as one step, on this page only (a newer change on another page
// stands), and redone. Two sample pages imported from their PDFs' text layers, a real archive.

import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { setPageStatus } from '../../src/core/review/status.ts';
import { startServer } from '../../src/cli/server/server.ts';
import { RENDERER_DIR } from '../../src/cli/commands/serve.ts';
import { SHOTS, launchBrowser, watchProblems } from './browser.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('moving through an issue and undoing in the page view', () => {
  it('undoes and redoes the typing in a line with Ctrl+Z, leaving another page’s change alone', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(1, 'page.pdf'), samplePage(2, 'page.pdf')]);
    const server = await startServer(archive, { rendererDir: RENDERER_DIR, workers: 1 });
    const page = await browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const problems = watchProblems(page);
    const text = (id: string) =>
      archive.db.prepare('SELECT text FROM lines WHERE id = ?').pluck().get(Number(id));
    const status = (id: number) =>
      archive.db.prepare('SELECT status FROM pages WHERE id = ?').pluck().get(id);
    try {
      await page.goto(`${server.url}#/page/1`);
      const first = page.locator('.line-editor input').first();
      await expect.poll(() => first.count(), { timeout: 30_000 }).toBe(1);
      const lineId = (await first.getAttribute('data-line-id'))!;
      const original = await first.inputValue();
      await first.click();
      await page.keyboard.press('End');
      await page.keyboard.type('甲乙');
      // A change on page 2, newer than the typing; the page-1 undo must not reach it.
      setPageStatus(archive.db, 2, 'corrected', undefined, 'amy');

      await page.keyboard.press('Control+z'); // still in the line
      await expect.poll(() => text(lineId)).toBe(original);
      await expect.poll(() => first.inputValue()).toBe(original);
      expect(status(2)).toBe('corrected');

      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => text(lineId)).toBe(`${original}甲乙`);
      await expect.poll(() => first.inputValue()).toBe(`${original}甲乙`);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });

  it('steps through the pages of an issue and back, by button and by key', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(1, 'page.pdf'), samplePage(2, 'page.pdf')], {
      title: '文峪河报',
      date: '2018-10-19',
    });
    const ids = archive.db.prepare('SELECT id FROM pages ORDER BY sequence').pluck().all() as number[];
    expect(ids).toHaveLength(2);
    const server = await startServer(archive, { rendererDir: RENDERER_DIR, workers: 1 });
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const problems = watchProblems(page);
    const shownPage = () => new URL(page.url()).hash;
    try {
      await page.goto(`${server.url}#/page/${ids[0]}`);
      const previous = page.getByRole('button', { name: '上一版' });
      const next = page.getByRole('button', { name: '下一版' });
      await expect.poll(() => next.isEnabled(), { timeout: 30_000 }).toBe(true);
      expect(await previous.isDisabled()).toBe(true); // the first page of the issue
      await next.click();
      await expect.poll(shownPage).toBe(`#/page/${ids[1]}`);
      await expect.poll(() => next.isDisabled()).toBe(true); // the last page
      await page.locator('h1').click(); // no text field focused: the keys move between pages
      await page.keyboard.press('PageUp');
      await expect.poll(shownPage).toBe(`#/page/${ids[0]}`);
      await expect.poll(() => previous.isDisabled()).toBe(true);
      await page.locator('h1').click();
      await page.keyboard.press('PageDown');
      await expect.poll(shownPage).toBe(`#/page/${ids[1]}`);
      // The strip of the pages: both, in order, this one marked; a click opens another.
      const strip = page.getByRole('navigation', { name: '本期全部版面' });
      await expect.poll(() => strip.getByRole('button').allTextContents()).toEqual(['第1版', '第2版']);
      expect(await strip.locator('[aria-current="page"]').textContent()).toBe('第2版');
      await strip.getByRole('button', { name: '第1版' }).click();
      await expect.poll(shownPage).toBe(`#/page/${ids[0]}`);
      await expect.poll(() => strip.locator('[aria-current="page"]').textContent()).toBe('第1版');
      await page.screenshot({ path: path.join(SHOTS, 'page-view-strip-zh.png') });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });

  it('zooms in and out, fits the width and the whole page, with the buttons on the image', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(1, 'page.pdf')]);
    const server = await startServer(archive, { rendererDir: RENDERER_DIR, workers: 1 });
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const problems = watchProblems(page);
    const viewer = page.getByTestId('viewer');
    const zoom = async () => Number(await viewer.getAttribute('data-zoom'));
    try {
      await page.goto(`${server.url}#/page/1`);
      await expect.poll(() => viewer.getAttribute('data-first-tile-ms'), { timeout: 30_000 }).not.toBeNull();
      await page.getByRole('button', { name: '适合整版' }).click();
      await expect.poll(zoom).toBeGreaterThan(0);
      const whole = await zoom();
      await page.getByRole('button', { name: '+' }).click();
      await expect.poll(zoom).toBeCloseTo(whole * 1.2, 5);
      await page.getByRole('button', { name: '−' }).click();
      await page.getByRole('button', { name: '−' }).click();
      await expect.poll(zoom).toBeCloseTo(whole / 1.2, 5);
      // A portrait page in a landscape-ish view: as wide as the view is a closer zoom than whole.
      await page.getByRole('button', { name: '适合宽度' }).click();
      await expect.poll(zoom).toBeGreaterThan(whole * 1.05);
      await page.getByRole('button', { name: '适合整版' }).click();
      await expect.poll(zoom).toBeCloseTo(whole, 5);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });
});

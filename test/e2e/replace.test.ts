// Collection-wide find and replace in the browser: preview with each line's picture, skip one,
// apply the rest as one change, and one undo takes it all back.

import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
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

describe('find and replace in the app', () => {
  it('previews with line pictures, applies the accepted lines as one change, and undoes it', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(1, 'page.pdf'), samplePage(2, 'page.pdf')], { title: '文峪河报' });
    const count = (text: string) =>
      archive.db.prepare('SELECT COUNT(*) FROM lines WHERE text LIKE ?').pluck().get(`%${text}%`) as number;
    const before = count('交城县');
    expect(before).toBeGreaterThan(2);
    const server = await startServer(archive, { rendererDir: RENDERER_DIR, workers: 1 });
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    const problems = watchProblems(page);
    try {
      await page.goto(`${server.url}#/search?q=${encodeURIComponent('交城县')}`);
      await expect.poll(() => page.locator('.hits li').count()).toBe(before);
      await page.getByLabel('查找', { exact: true }).fill('交城县');
      await page.getByLabel('替换为').fill('交城縣');
      await page.getByRole('button', { name: '预览' }).click();
      await expect.poll(() => page.locator('.replace-hits li').count()).toBe(before);
      await expect
        .poll(() =>
          page
            .locator('.replace-hits img')
            .first()
            .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
        )
        .toBeGreaterThan(20);
      expect(await page.locator('.replace-hits ins').first().textContent()).toBe('縣');
      await page.locator('.replace-hits input[type=checkbox]').first().uncheck();
      await page.screenshot({ path: path.join(SHOTS, '10-replace-preview-zh.png') });
      await page.getByRole('button', { name: '替换所选' }).click();
      await expect.poll(() => count('交城縣')).toBeGreaterThan(0);
      expect(count('交城县')).toBe(1);
      const changes = archive.db
        .prepare("SELECT COUNT(*) FROM changes WHERE label LIKE 'replace%'")
        .pluck()
        .get();
      expect(changes).toBe(1);
      await page.locator('.replace-panel').getByRole('button', { name: '撤销' }).click();
      await expect.poll(() => count('交城县')).toBe(before);
      expect(count('交城縣')).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });
});

// The proofreading workspace end to end, in Chromium against `backfile serve` on a temporary
// archive, in 简体中文: import a sample column, read it with OCR from the library, open the page
// side by side, draw a region over the text and make it an article, correct a line, reload and
// find the correction kept (in the editor, in the article, in an ALTO export, in the history),
// search for it and
// land on the page with the hit highlighted. A screenshot of each step goes to test-results/.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXml } from '../fixtures/xml-validate.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { startServer } from '../../src/cli/server/server.ts';
import { RENDERER_DIR } from '../../src/cli/commands/serve.ts';
import { SHOTS, launchBrowser, watchProblems } from './browser.ts';
import { writeBodyCrops } from '../fixtures/crops.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const focusedLine = (page: Page) =>
  page
    .locator(':focus')
    .getAttribute('data-line-id', { timeout: 1000 })
    .catch(() => null);
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name) });

/** Drags on the viewer from one fraction of its box to another (the rectangle tool). */
async function dragOnViewer(page: Page, from: [number, number], to: [number, number]) {
  const box = (await page.getByTestId('viewer').boundingBox())!;
  await page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 8 });
  await page.mouse.up();
}

describe('the proofreading workspace', () => {
  it('reads, draws an article, corrects a line that survives a reload, and finds it by search', async () => {
    const archive = tempArchive();
    const [crop] = await writeBodyCrops(tempDir(), 1, 1, 500);
    await importScans(archive, [crop!.file], { title: '文峪河报', date: '2018-10-19' });
    const server = await startServer(archive, { rendererDir: RENDERER_DIR, workers: 1 });
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    const problems = watchProblems(page);
    try {
      await page.goto(server.url);
      await expect.poll(() => page.locator('h1').textContent()).toBe('馆藏');
      await page.locator('.pages li button').first().click();
      await page.getByRole('button', { name: '文字识别' }).click();
      await expect
        .poll(() => page.locator('.status').first().textContent(), { timeout: 60_000 })
        .toBe('已识别');

      // Side by side: tiles drawn, every line in the editor and as a box on the image.
      await page.getByRole('link', { name: '打开' }).first().click();
      await expect
        .poll(() => page.getByTestId('viewer').getAttribute('data-first-tile-ms'), { timeout: 30_000 })
        .not.toBeNull();
      const lineCount = await page.locator('.line-editor input').count();
      expect(lineCount).toBeGreaterThan(3);
      await expect.poll(() => page.locator('.line-box').count()).toBe(lineCount);

      // Keyboard: the second line gets the cursor and its box is marked active on the image.
      await page.locator('.line-editor input').first().click();
      await page.keyboard.press('ArrowDown');
      const secondId = await page.locator('.line-editor input').nth(1).getAttribute('data-line-id');
      await expect.poll(() => focusedLine(page)).toBe(secondId);
      await expect.poll(() => page.locator(`.line-box.active`).getAttribute('data-line-id')).toBe(secondId);

      // A click on a line's box on the image puts the cursor on that line.
      const thirdId = await page.locator('.line-editor input').nth(2).getAttribute('data-line-id');
      await page.locator(`.line-box[data-line-id="${thirdId}"]`).click({ force: true });
      await expect.poll(() => focusedLine(page)).toBe(thirdId);

      // Draw a body region over the whole column and make it an article.
      await page.getByRole('button', { name: '矩形' }).click();
      await dragOnViewer(page, [0.02, 0.02], [0.98, 0.98]);
      await expect.poll(() => page.locator('.region').count()).toBe(1);
      await page.getByRole('button', { name: '移动' }).click();
      await page.getByRole('tab', { name: '区域' }).click();
      await shot(page, '03-page-regions-zh.png');
      await page.getByRole('button', { name: '用所选区域组成文章' }).click();
      await expect.poll(() => page.locator('.in-article').count()).toBe(1);

      // Correct the first line; autosave; reload: the correction is there.
      await page.getByRole('tab', { name: '文字' }).click();
      const first = page.locator('.line-editor input').first();
      const firstId = (await first.getAttribute('data-line-id'))!;
      const original = await first.inputValue();
      const corrected = `校正${original}`;
      await first.fill(corrected);
      await page.keyboard.press('Enter'); // leaving the line saves it at once
      await expect
        .poll(() => archive.db.prepare('SELECT text FROM lines WHERE id = ?').pluck().get(Number(firstId)))
        .toBe(corrected);
      await shot(page, '04-page-side-by-side-zh.png');
      await page.reload();
      await expect.poll(() => page.locator('.line-editor input').first().inputValue()).toBe(corrected);

      // The original OCR text is one key away.
      await page.locator('.line-editor input').first().focus();
      await page.keyboard.press('Alt+o');
      await expect.poll(() => page.getByTestId('original').first().textContent()).toBe(original);

      // The article reads the corrected text; its headline can be set.
      await page.getByRole('tab', { name: '文章' }).click();
      await expect.poll(() => page.locator('.reading-view').textContent()).toContain('校正');
      await page.getByLabel('标题').fill('交城县丰收节');
      await page.getByLabel('标题').press('Enter');
      await expect.poll(() => page.locator('.reading-view h3').textContent()).toBe('交城县丰收节');
      await shot(page, '05-article-zh.png');

      // Export the page as ALTO into a folder of our choosing: valid, with the correction in it.
      const exportDir = path.join(tempDir(), 'alto-export');
      await page.getByRole('button', { name: '导出…' }).click();
      await page.getByRole('dialog').getByLabel('格式').selectOption('alto');
      await page.getByRole('dialog').getByText('本机的文件夹').click();
      await page.getByRole('dialog').getByLabel('文件夹', { exact: true }).fill(exportDir);
      await page.getByRole('dialog').getByRole('button', { name: '导出', exact: true }).click();
      await expect
        .poll(() => page.getByRole('dialog').getByRole('status').textContent())
        .toContain(exportDir);
      await shot(page, '06-export-zh.png');
      const [altoFile] = readdirSync(exportDir).filter((f) => f.endsWith('.xml'));
      const alto = readFileSync(path.join(exportDir, altoFile!), 'utf8');
      // The corrected line, word by word (each Chinese character is a String of its own).
      const strings = [...alto.matchAll(/CONTENT="([^"]*)"/g)].map((m) => m[1]).join('');
      expect(strings).toContain(corrected.replace(/\s+/g, ''));
      expect(await validateXml(path.join(exportDir, altoFile!), 'alto')).toMatchObject({ valid: true });
      // Into a folder that is not empty, nothing is written: the dialog says why.
      await page.getByRole('dialog').getByRole('button', { name: '导出', exact: true }).click();
      await expect
        .poll(() => page.getByRole('dialog').getByRole('alert').textContent())
        .toBe(`${exportDir} 不是空文件夹，请选择新的或空的文件夹。`);
      await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

      // The line's history shows the correction as a diff.
      await page.getByRole('tab', { name: '文字' }).click();
      await page.locator('.line-editor input').first().focus();
      await page.getByRole('tab', { name: '修改记录' }).click();
      await expect.poll(() => page.locator('.history-panel ins').first().textContent()).toBe('校正');
      // Said in Chinese, like the rest: what the change was, not the core's English label.
      expect(await page.locator('.history-panel .version-meta').first().textContent()).toContain(
        '校正了一行',
      );

      // Search finds the correction; the hit opens the page on that line, highlighted.
      await page.goto(`${server.url}#/search?q=${encodeURIComponent('校正')}`);
      await expect.poll(() => page.locator('.hits li').count()).toBe(1);
      await shot(page, '07-search-zh.png');
      await page.locator('.hits a').first().click();
      await expect.poll(() => page.locator('.hit').count()).toBeGreaterThan(0);
      await expect.poll(() => focusedLine(page)).toBe(firstId);
      await shot(page, '08-search-hit-on-page-zh.png');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });

  it('draws, reshapes, moves, splits, merges and reorders regions, and undoes each', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(2, 'page.pdf')], { title: '文峪河报', date: '2018-10-20' });
    const server = await startServer(archive, { rendererDir: RENDERER_DIR, workers: 1 });
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    const problems = watchProblems(page);
    const regions = () =>
      archive.db
        .prepare('SELECT id, x0, y0, x1, y1, reading_order FROM regions ORDER BY reading_order')
        .all() as {
        id: number;
        x0: number;
        y0: number;
        x1: number;
        y1: number;
        reading_order: number;
      }[];
    try {
      await page.goto(`${server.url}#/page/1`);
      // The first tile is enough to draw on (the whole view can take a while on a busy machine).
      await expect
        .poll(() => page.getByTestId('viewer').getAttribute('data-first-tile-ms'), { timeout: 30_000 })
        .not.toBeNull();
      await page.getByRole('button', { name: '矩形' }).click();
      await dragOnViewer(page, [0.35, 0.2], [0.5, 0.4]);
      await dragOnViewer(page, [0.52, 0.2], [0.64, 0.4]);
      await expect.poll(() => regions().length).toBe(2);
      const [first] = regions();

      // Edit: drag the first region's inside to move it; its size stays.
      await page.getByRole('button', { name: '调整' }).click();
      await dragOnViewer(page, [0.42, 0.3], [0.42, 0.5]);
      await expect.poll(() => regions()[0]!.y0).toBeGreaterThan(first!.y0 + 50);
      const moved = regions()[0]!;
      expect(moved.y1 - moved.y0).toBe(first!.y1 - first!.y0);

      // Split: a click inside the second region cuts it in two there.
      await page.getByRole('button', { name: '拆分' }).click();
      const box = (await page.getByTestId('viewer').boundingBox())!;
      await page.mouse.click(box.x + box.width * 0.58, box.y + box.height * 0.3);
      await expect.poll(() => regions().length).toBe(3);

      // Merge the two halves again from the region list.
      await page.getByRole('button', { name: '移动' }).click();
      await page.getByRole('tab', { name: '区域' }).click();
      await page.getByLabel('选择区域 2').check();
      await page.getByLabel('选择区域 3').check();
      await page.getByRole('button', { name: '合并所选区域' }).click();
      await expect.poll(() => regions().length).toBe(2);

      // Reorder by dragging the second region above the first.
      const order = regions().map((r) => r.id);
      await page.locator('.region-panel li').nth(1).dragTo(page.locator('.region-panel li').nth(0));
      await expect.poll(() => regions().map((r) => r.id)).toEqual([order[1], order[0]]);
      await shot(page, '09-region-tools-zh.png');

      // Undo (Ctrl+Z with no text field focused) takes back the reorder, then the merge.
      await page.locator('h1').click();
      await page.keyboard.press('Control+z');
      await expect.poll(() => regions().map((r) => r.id)).toEqual(order);
      await page.keyboard.press('Control+z');
      await expect.poll(() => regions().length).toBe(3);
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => regions().length).toBe(2);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });
});

// End to end in a real browser (Debian's Chromium through playwright-core) against the local
// server on a temporary archive: the library shows the imported pages, switches to 简体中文,
// reads a page with OCR from the UI and shows its new status. Screenshots go to test-results/.

import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { startServer, type RunningServer } from '../../src/cli/server/server.ts';
import { RENDERER_DIR } from '../../src/cli/commands/serve.ts';
import { SHOTS, launchBrowser, watchProblems, withApp } from './browser.ts';
import { writeBodyCrops } from '../fixtures/crops.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the app in a browser', () => {
  let server: RunningServer | null = null;

  it('shows the library, switches to Chinese, and reads a page with OCR', async () => {
    const archive = tempArchive();
    const crops = await writeBodyCrops(tempDir(), 1, 2, 400);
    await importScans(
      archive,
      crops.map((c) => c.file),
      { title: '文峪河报', date: '2018-10-19' },
    );
    server = await startServer(archive, { rendererDir: RENDERER_DIR, workers: 1 });
    const page = await browser.newPage({ locale: 'en-GB' });
    const problems = watchProblems(page);
    try {
      await page.goto(server.url);
      await expect.poll(() => page.locator('.pages li').count()).toBe(2);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Library');
      await expect
        .poll(() =>
          page
            .locator('.pages img')
            .evaluateAll((imgs) =>
              imgs.every((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0),
            ),
        )
        .toBe(true);
      await page.screenshot({ path: path.join(SHOTS, '01-library-en.png') });

      await page.getByLabel('Language').selectOption('zh');
      await expect.poll(() => page.locator('h1').textContent()).toBe('馆藏');
      expect(await page.locator('.status').first().textContent()).toBe('已导入');

      await page.locator('.pages li button').first().click();
      // The language is chosen here (auto by default): the page is read with the one chosen.
      await page.getByLabel('识别语言').selectOption('chi_tra');
      await page.getByRole('button', { name: '文字识别' }).click();
      await expect
        .poll(() => page.locator('.status').first().textContent(), { timeout: 60_000 })
        .toBe('已识别');
      expect(archive.db.prepare("SELECT model FROM text_sources WHERE kind = 'ocr'").pluck().all()).toEqual([
        expect.stringMatching(/^chi_tra /),
      ]);
      await page.screenshot({ path: path.join(SHOTS, '02-library-zh-after-ocr.png') });
      expect(await page.locator('.status').nth(1).textContent()).toBe('已导入');
      // The jobs panel counts the finished job, which has left its list.
      await expect.poll(() => page.locator('.job-counts').textContent()).toBe('完成 1');
      expect(await page.locator('.jobs .job').count()).toBe(0);

      // Import through the form (uploaded, as a browser must): a new issue with its metadata;
      // a damaged file fails alone, with its reason, and the good one goes in.
      const damaged = path.join(tempDir(), 'damaged.png');
      writeFileSync(damaged, readFileSync(crops[0]!.file).subarray(0, 300));
      const other = await writeBodyCrops(tempDir(), 2, 1, 300);
      await page.getByText('导入扫描件').click();
      await page.getByLabel('报名').fill('吕梁日报');
      await page.getByLabel('出版日期').fill('2019-05-04');
      await page.getByLabel('选择文件…').setInputFiles([other[0]!.file, damaged]);
      await expect.poll(() => page.locator('.import-report').textContent()).toContain('已导入 1 个文件');
      // Its name and the kind of failure in the reader's language: no path, no English.
      expect(await page.locator('.import-report .failures').textContent()).toBe('damaged.png: 图像已损坏。');
      await expect.poll(() => page.locator('.pages li').count()).toBe(3);
      expect(await page.locator('.title-group h2').allTextContents()).toEqual(['吕梁日报', '文峪河报']);
      expect(
        archive.db
          .prepare(
            "SELECT i.issue_date FROM issues i JOIN titles t ON t.id = i.title_id WHERE t.name = '吕梁日报'",
          )
          .pluck()
          .get(),
      ).toBe('2019-05-04');
      // The status filter shows its counts and narrows the pages.
      await page.getByLabel('状态').selectOption('ocr');
      await expect.poll(() => page.locator('.pages li').count()).toBe(1);
      await page.screenshot({ path: path.join(SHOTS, '02b-library-import-zh.png') });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });

  it('asks where a IIIF export will be published, and writes its manifest under that URL', async () => {
    const archive = tempArchive();
    const crops = await writeBodyCrops(tempDir(), 1, 1, 300);
    await importScans(archive, [crops[0]!.file], { title: '文峪河报', date: '2018-10-19' });
    const running = await startServer(archive, { rendererDir: RENDERER_DIR, workers: 1 });
    const page = await browser.newPage({ locale: 'en-GB' });
    const problems = watchProblems(page);
    try {
      await page.goto(running.url);
      await expect.poll(() => page.locator('.pages li').count()).toBe(1);
      await page.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.getByLabel('Format').selectOption('iiif');
      const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
      // No URL, or one that is not http(s): nothing to export yet.
      expect(await exportButton.isDisabled()).toBe(true);
      await dialog.getByLabel('Published at').fill('file:///srv/iiif');
      expect(await exportButton.isDisabled()).toBe(true);
      await dialog.getByLabel('Published at').fill('https://library.example/iiif/');
      const out = path.join(tempDir(), 'iiif-export');
      // The reader clicks the label (Blueprint draws the radio over its hidden input).
      await dialog.getByText('Into a folder on this computer').click();
      await dialog.getByLabel('Folder', { exact: true }).fill(out);
      await exportButton.click();
      await expect.poll(() => dialog.getByRole('status').textContent()).toContain(out);
      const [folder] = readdirSync(out);
      const manifest = JSON.parse(readFileSync(path.join(out, folder!, 'manifest.json'), 'utf8')) as {
        id: string;
      };
      expect(manifest.id).toBe(`https://library.example/iiif/${encodeURIComponent(folder!)}/manifest.json`);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
      await running.close();
    }
  });

  it('downloads an export as one ZIP that Info-ZIP finds sound, and keeps no copy on the server', async () => {
    const archive = tempArchive();
    const crops = await writeBodyCrops(tempDir(), 1, 2, 300);
    await importScans(
      archive,
      crops.map((c) => c.file),
      { title: '文峪河报', date: '2018-10-19' },
    );
    await withApp(browser, archive, 'zh-CN', async (page, url) => {
      const token = new URL(url).searchParams.get('token')!;
      await page.goto(url);
      await expect.poll(() => page.locator('.pages li').count()).toBe(2);
      await page.getByRole('button', { name: '导出…' }).click();
      const dialog = page.getByRole('dialog', { name: '导出' });
      await dialog.getByLabel('格式').selectOption('alto');
      // In a browser the download is the default: no folder to name.
      expect(await dialog.getByLabel('下载为一个 ZIP 文件').isChecked()).toBe(true);
      expect(await dialog.getByLabel('文件夹', { exact: true }).count()).toBe(0);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dialog.getByRole('button', { name: '导出', exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^alto-.*\.zip$/);
      const zip = path.join(tempDir(), download.suggestedFilename());
      await download.saveAs(zip);
      expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toMatch(/No errors detected/);
      const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
      expect(names.filter((n) => n.endsWith('.xml'))).toHaveLength(2);
      await expect
        .poll(() => dialog.getByRole('status').textContent())
        .toContain(download.suggestedFilename());
      // Fetched once, it is gone from the server: a second fetch finds nothing.
      const again = await page.request.get(
        new URL(`/downloads/${download.suggestedFilename()}?token=${token}`, url).href,
      );
      expect(again.status()).toBe(404);
      // Without the token, no download at all.
      const stranger = await page.request.get(
        new URL(`/downloads/${download.suggestedFilename()}`, url).href,
      );
      expect(stranger.status()).toBe(403);
    });
  });
});

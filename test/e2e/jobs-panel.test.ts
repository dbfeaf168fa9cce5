// The background work as an archivist sees it, in Chromium against `backfile serve`: each job
// is named by its page as the library names it (newspaper · date · page number, not an archive
// id), a finished job leaves the list while the counts keep it, and a failed one stays with its
// reason in the reader's language (the engine's words only on hover). Real OCR of small made-up
// pages; one page's scan is taken away so that it fails.

import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { sharedBrowser, withApp } from './browser.ts';
import { writeBodyCrops } from '../fixtures/crops.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

const browser = sharedBrowser();

describe('the background work panel', () => {
  it('names jobs by their page, lets finished ones go and keeps a failed one with its reason', async () => {
    const archive = tempArchive();
    const crops = await writeBodyCrops(tempDir(), 1, 2, 300);
    await importScans(
      archive,
      crops.map((c) => c.file),
      { title: '文峪河报', date: '2018-10-19' },
    );
    // Page 2 is numbered 3 in print; its scan is gone from the archive, so reading it fails.
    archive.db.prepare("UPDATE pages SET printed_number = '3' WHERE id = 2").run();
    const raster = archive.db.prepare('SELECT raster_path FROM pages WHERE id = 2').pluck().get() as string;
    rmSync(archive.resolve(raster));
    await withApp(browser(), archive, 'en-GB', async (page, url) => {
      await page.goto(url);
      await expect.poll(() => page.locator('.pages li').count()).toBe(2);
      await page.getByRole('button', { name: 'Select all' }).click();
      await page.getByRole('button', { name: 'Read with OCR' }).click();
      await expect
        .poll(() => page.locator('.job-counts').textContent(), { timeout: 60_000 })
        .toMatch(/^(done 1 · failed 1|failed 1 · done 1)$/);
      const rows = page.locator('.jobs .job');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().getAttribute('class')).toContain('job-failed');
      const row = (await rows.first().textContent())!;
      expect(row).toContain('文峪河报 · 19 October 2018 · p. 3');
      expect(row).not.toMatch(/page 2\b/);
      // Why, in words for the archivist; the archive's path only on hover.
      const reason = page.locator('.jobs .error');
      expect(await reason.textContent()).toBe(
        'The scan of this page is missing from the archive. Import it again.',
      );
      expect(await reason.getAttribute('title')).toContain(raster);
      await page.getByLabel('Language').selectOption('zh');
      await expect.poll(() => reason.textContent()).toBe('档案中缺少本版的扫描件，请重新导入。');
      expect(await rows.first().textContent()).toContain('文峪河报 · 2018年10月19日 · 第3版');
    });
  });
});

// Pause and Cancel in the app while a page is being read, in Chromium against `backfile serve`:
// each is answered within two seconds, the panel says that the reading is paused and how many
// pages wait, Resume goes on, and Cancel all leaves nothing being read. Two dense printed pages
// made on the spot (tesseract reads each for several seconds), real OCR, a real archive.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { sharedBrowser, withApp } from './browser.ts';
import { LEFT_COLUMN, writeTextScan } from '../fixtures/text-scan.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

const browser = sharedBrowser();

async function densePages(n: number): Promise<string[]> {
  const dir = tempDir();
  return Promise.all(
    Array.from({ length: n }, (_, k) => {
      // Each page its own text (the same scan twice would be one page: a duplicate).
      const lines = Array.from({ length: 70 }, (_, i) => LEFT_COLUMN[(i + k) % LEFT_COLUMN.length]!);
      const columns = [0, 1, 2].map((c) => ({ x: 40 + c * 1100, y: 40, lines }));
      return writeTextScan(path.join(dir, `dense-${k + 1}.png`), columns, 3300, 4400);
    }),
  );
}

describe('pausing and cancelling the reading from the app', () => {
  it('answers Pause and Cancel within two seconds while a page is being read, and shows the pause', async () => {
    const archive = tempArchive();
    await importScans(archive, await densePages(2), { title: 'Daily', date: '1939-05-02' });
    const running = () =>
      archive.db.prepare("SELECT count(*) FROM jobs WHERE status = 'running'").pluck().get() as number;
    await withApp(browser(), archive, 'en-GB', async (page, url) => {
      const reading = page.locator('.jobs .job-running');
      const state = page.locator('.ocr-state');
      await page.goto(url);
      await expect.poll(() => page.locator('.pages li').count()).toBe(2);
      await page.getByLabel('OCR engine').selectOption('tesseract');
      await page.getByLabel('Read as').selectOption('eng');
      await page.getByRole('button', { name: 'Select all' }).click();
      await page.getByRole('button', { name: 'Read with OCR' }).click();
      await expect.poll(() => reading.count(), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => state.textContent()).toBe('Reading');

      let started = Date.now();
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => state.textContent(), { timeout: 5_000 }).toBe('Paused · 2 pages waiting');
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(await reading.count()).toBe(0);
      expect(running()).toBe(0);

      await page.getByRole('button', { name: 'Resume' }).click();
      await expect.poll(() => reading.count(), { timeout: 30_000 }).toBe(1);

      started = Date.now();
      await page.getByRole('button', { name: 'Cancel all' }).click();
      await expect
        .poll(() => page.locator('.job-counts').textContent(), { timeout: 5_000 })
        .toBe('cancelled 2');
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(await state.count()).toBe(0);
      expect(running()).toBe(0);
    });
  });
});

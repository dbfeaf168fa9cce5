// Choosing how a title and an issue are read, in the library, in Chromium against `backfile
// serve`: the title's choice shows on its issues until an issue chooses its own, the pages are
// then read with what their issue or title chose (the jobs carry it, the page view names it),
// and forgetting an issue's choice gives it back its title's. Real OCR of two small made-up
// pages, a real archive.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { sharedBrowser, withApp } from './browser.ts';
import { LEFT_COLUMN, RIGHT_COLUMN, writeTextScan } from '../fixtures/text-scan.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

const browser = sharedBrowser();

describe('choosing how a title and an issue are read', () => {
  it('reads each issue with its own choice or its title’s, and shows where each comes from', async () => {
    const archive = tempArchive();
    const dir = tempDir();
    for (const [date, lines] of [
      ['1911-03-01', LEFT_COLUMN],
      ['1911-03-02', RIGHT_COLUMN],
    ] as const) {
      const scan = await writeTextScan(path.join(dir, `${date}.png`), [{ x: 60, y: 60, lines }], 1300, 500);
      await importScans(archive, [scan], { title: 'Harbour Gazette', date });
    }
    const jobs = () =>
      (
        archive.db.prepare('SELECT page_id AS pageId, status, payload FROM jobs ORDER BY page_id').all() as {
          pageId: number;
          status: string;
          payload: string;
        }[]
      ).map((j) => ({ pageId: j.pageId, status: j.status, ...(JSON.parse(j.payload) as object) }));

    await withApp(browser(), archive, 'en-GB', async (page, url) => {
      await page.goto(url);
      await expect.poll(() => page.locator('.pages li').count()).toBe(2);
      const titleButton = page.locator('.title-head').getByRole('button');
      const issueButton = (n: number) =>
        page
          .locator('.issue-head')
          .nth(n)
          .getByRole('button', { name: /How OCR/ });
      // Nothing chosen: every page by its own script.
      await expect
        .poll(() => titleButton.textContent())
        .toBe('by each page’s script (auto) · engine by script');

      await titleButton.click();
      const dialog = page.getByRole('dialog', { name: 'How “Harbour Gazette” is read' });
      await dialog.getByLabel('Read as').selectOption('eng');
      await dialog.getByLabel('OCR engine').selectOption('tesseract');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => dialog.count()).toBe(0);
      await expect.poll(() => titleButton.textContent()).toBe('English · tesseract');
      await expect.poll(() => issueButton(0).textContent()).toBe('English · tesseract');
      await expect.poll(() => issueButton(1).textContent()).toBe('English · tesseract');

      // The second issue chooses German: the dialog offers its title's choice as the default.
      await issueButton(1).click();
      const issueDialog = page.getByRole('dialog', { name: 'How the issue of 2 March 1911 is read' });
      const language = issueDialog.getByLabel('Read as');
      expect(await language.locator('option').first().textContent()).toBe('as the title: English');
      await language.selectOption('deu');
      await issueDialog.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => issueButton(1).textContent()).toBe('German · tesseract');
      await expect.poll(() => issueButton(0).textContent()).toBe('English · tesseract');
      expect(jobs()).toEqual([]); // choosing reads nothing

      // Read everything with what was chosen ("as set before" in the toolbar).
      await page.getByRole('button', { name: 'Select all' }).click();
      await page.getByRole('button', { name: 'Read with OCR' }).click();
      await expect.poll(() => jobs().map((j) => j.status), { timeout: 60_000 }).toEqual(['done', 'done']);
      expect(jobs().map((j) => [j.pageId, (j as { languages?: string }).languages])).toEqual([
        [1, 'eng'],
        [2, 'deu'],
      ]);
      // The page view names what read the page.
      await page.goto(`${url}#/page/2`);
      await expect.poll(() => page.locator('.reading').textContent()).toMatch(/^deu → tesseract\S* deu/);

      // Forgetting the issue's choice gives it its title's again.
      await page.goto(url);
      await issueButton(1).click();
      await page.getByRole('dialog').getByLabel('Read as').selectOption('');
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => issueButton(1).textContent()).toBe('English · tesseract');
    });
  });
});

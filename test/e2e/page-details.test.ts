// The library's selection and the details of pages after import, in Chromium against `backfile
// serve`: pages imported without metadata are counted as selected and filed under a newspaper
// and a date from the library's form, one page gets its printed number, and the page view's Undo
// takes that page's change back (the other pages keep theirs). Screenshots in test-results/.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { sharedBrowser, SHOTS, withApp } from './browser.ts';
import { writeBodyCrops } from '../fixtures/crops.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

const browser = sharedBrowser();

describe('selecting pages and editing their details', () => {
  it('files pages imported without metadata, numbers one, and undoes that from its page', async () => {
    const archive = tempArchive();
    const crops = await writeBodyCrops(tempDir(), 1, 3, 400);
    await importScans(
      archive,
      crops.map((c) => c.file),
    );
    const filed = (id: number) =>
      archive.db
        .prepare(
          `SELECT t.name AS title, i.issue_date AS date, p.printed_number AS number
           FROM pages p JOIN issues i ON i.id = p.issue_id JOIN titles t ON t.id = i.title_id WHERE p.id = ?`,
        )
        .get(id) as { title: string; date: string; number: string | null };
    await withApp(browser(), archive, 'en-GB', async (page, url) => {
      await page.goto(url);
      await expect.poll(() => page.locator('.pages li').count()).toBe(3);
      await expect.poll(() => page.locator('.selection').textContent()).toBe('0 pages selected');
      await page.getByRole('button', { name: 'Select all' }).click();
      await expect.poll(() => page.locator('.selection').textContent()).toBe('3 pages selected');

      await page.getByRole('button', { name: 'Edit details…' }).click();
      const form = page.getByRole('form', { name: 'Details of 3 pages' });
      await form.getByLabel('Newspaper').fill('文峪河报');
      await form.getByLabel('Issue date').fill('2018-10-19');
      await expect.poll(() => form.getByLabel('Page number').count()).toBe(0); // one page only
      await form.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.locator('.title-group h2').allTextContents()).toEqual(['文峪河报']);
      await expect.poll(() => page.locator('.issue-group h3').allTextContents()).toEqual(['19 October 2018']);
      for (const id of [1, 2, 3]) expect(filed(id)).toMatchObject({ title: '文峪河报', date: '2018-10-19' });

      await page.getByRole('button', { name: 'Clear selection' }).click();
      await page.locator('.pages li button').nth(1).click();
      await expect.poll(() => page.locator('.selection').textContent()).toBe('1 page selected');
      await page.getByRole('button', { name: 'Edit details…' }).click();
      const one = page.getByRole('form', { name: 'Details of 1 page' });
      // One page: its own values to start from.
      expect(await one.getByLabel('Newspaper').inputValue()).toBe('文峪河报');
      await one.getByLabel('Page number').fill('5');
      await one.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => filed(2).number).toBe('5');
      await expect.poll(() => page.locator('.pages li .caption').nth(2).textContent()).toContain('p. 5');
      await page.getByRole('button', { name: 'Edit details…' }).click();
      await page.screenshot({ path: path.join(SHOTS, 'library-details-en.png') });

      // From page 2's own view, Undo takes its number back; the filing of all three stays.
      await page.goto(`${url}#/page/2`);
      await page.getByRole('button', { name: 'Undo', exact: true }).click();
      await expect.poll(() => filed(2).number).toBeNull();
      for (const id of [1, 2, 3]) expect(filed(id)).toMatchObject({ title: '文峪河报', date: '2018-10-19' });
    });
  });
});

// "Read with OCR" on pages that already have text, in Chromium against `backfile serve`: the app
// says they were not read again (before, it did nothing, silently), offers to read them again,
// says what that does to the work on each page (a corrected line is kept, an article takes the
// new text, a corrected page goes back to correction), reads only after that answer, and the
// correction survives the re-read. Real OCR of a small made-up page, a real archive.

import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { OcrRunner } from '../../src/core/jobs/ocr-runner.ts';
import { engineFactory } from '../../src/core/ocr/engines.ts';
import { queueOcr } from '../../src/core/ocr/queue-ocr.ts';
import { setPageStatus } from '../../src/core/review/status.ts';
import { correctLine } from '../../src/core/text/corrections.ts';
import { sharedBrowser, withApp } from './browser.ts';
import { writeBodyCrops } from '../fixtures/crops.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

const browser = sharedBrowser();

describe('reading pages again from the library', () => {
  it('says a page with text was skipped, tells what a re-read does to its work, and keeps the correction', async () => {
    const archive = tempArchive();
    const crops = await writeBodyCrops(tempDir(), 1, 1, 400);
    await importScans(
      archive,
      crops.map((c) => c.file),
      { title: '文峪河报', date: '2018-10-19' },
    );
    queueOcr(archive, { scope: { all: true }, languages: 'chi_sim', engine: 'tesseract' });
    await new OcrRunner(archive, await engineFactory(archive), { workers: 1 }).run();
    const line = archive.db.prepare('SELECT id, text FROM lines ORDER BY position LIMIT 1').get() as {
      id: number;
      text: string;
    };
    correctLine(archive.db, line.id, `${line.text}（校）`, 'amy');
    setPageStatus(archive.db, 1, 'corrected', undefined, 'amy');
    const jobs = () => archive.db.prepare('SELECT count(*) FROM jobs').pluck().get() as number;
    const before = jobs();
    await withApp(browser(), archive, 'en-GB', async (page, url) => {
      const offer = page.locator('.reread-offer');
      await page.goto(url);
      await expect.poll(() => page.locator('.pages li').count()).toBe(1);
      await page.getByRole('button', { name: 'Select all' }).click();
      await page.getByRole('button', { name: 'Read with OCR' }).click();
      await expect
        .poll(() => offer.textContent())
        .toContain('1 page already has text and was not read again.');
      expect(jobs()).toBe(before); // nothing queued yet

      await offer.getByRole('button', { name: 'Read them again…' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Read 1 page again?' });
      await expect
        .poll(() => dialog.locator('li').textContent())
        .toBe(
          '文峪河报 · 19 October 2018 · p. 1: 1 corrected line is kept; every other line is read again; the page goes back from “corrected” to “in correction”',
        );
      expect(jobs()).toBe(before); // still nothing, until the answer

      await dialog.getByRole('button', { name: 'Read again' }).click();
      await expect
        .poll(() => archive.db.prepare("SELECT count(*) FROM jobs WHERE status = 'done'").pluck().get(), {
          timeout: 60_000,
        })
        .toBe(before + 1);
      await expect.poll(() => offer.count()).toBe(0);
      const kept = archive.db
        .prepare('SELECT count(*) FROM lines WHERE text = ?')
        .pluck()
        .get(`${line.text}（校）`);
      expect(kept).toBe(1);
      expect(archive.db.prepare('SELECT status FROM pages WHERE id = 1').pluck().get()).toBe('in_correction');
    });
  });
});

// Suggested regions and articles in the app, in Chromium against `backfile serve`: suggesting
// for an issue from the library, the collection's Articles view (filtered by status, each row
// opening its reading view), accepting a suggestion there, rejecting one in a page's Articles tab
// and taking that back with the page's Undo; a page with no text says why it could not be laid
// out. The archive's own tables are the check. Screenshots in test-results/, in both languages.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/archive/archive.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { sharedBrowser, SHOTS, withApp } from './browser.ts';
import { writeBodyCrops } from '../fixtures/crops.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

const browser = sharedBrowser();

const articles = (archive: Archive) =>
  archive.db.prepare('SELECT id, origin, accepted, status FROM articles ORDER BY id').all() as {
    id: number;
    origin: string;
    accepted: number;
    status: string;
  }[];

async function issueArchive(): Promise<Archive> {
  const archive = tempArchive();
  await importScans(
    archive,
    [1, 2, 3].map((n) => samplePage(n, 'page.pdf')),
    { title: '文峪河报', date: '2018-10-19' },
  );
  // A scan nobody has read yet: nothing to lay out.
  const [crop] = await writeBodyCrops(tempDir(), 1, 1, 300);
  await importScans(archive, [crop!.file], { title: 'Unread', date: '2020-01-01' });
  return archive;
}

describe('suggested articles in the app', () => {
  it('suggests for an issue, lists the articles, accepts one and rejects another with undo', async () => {
    const archive = await issueArchive();
    await withApp(browser(), archive, 'en-GB', async (page, url) => {
      await page.goto(`${url}#/articles`);
      await expect.poll(() => page.locator('.articles-view .empty').textContent()).toContain('No articles');

      await page.goto(url);
      const issue = page.locator('.issue-group', { hasText: '19 October 2018' });
      await issue.getByRole('button', { name: 'Suggest for this issue' }).click();
      const report = issue.locator('.suggest-report');
      await expect
        .poll(() => report.textContent(), { timeout: 60_000 })
        .toMatch(/articles suggested on 3 pages/);
      const made = articles(archive);
      expect(made.length).toBeGreaterThan(3);
      expect(made.every((a) => a.origin === 'suggested' && a.accepted === 0)).toBe(true);
      // Stories that jump from page 1 to page 2 were joined.
      expect(await report.textContent()).toMatch(/stories continued on other pages were joined/);

      // The unread page: the report names it and says why.
      const unread = page.locator('.issue-group', { hasText: '1 January 2020' });
      await unread.getByRole('button', { name: 'Suggest for this issue' }).click();
      await expect
        .poll(() => unread.locator('.suggest-report .error').textContent())
        .toBe('Unread · 1 January 2020 · p. 1: it has no text yet. Read it with OCR first.');

      await page.getByRole('link', { name: 'Articles', exact: true }).click();
      const rows = page.locator('.articles-table tbody tr');
      await expect.poll(() => rows.count()).toBe(made.length);
      expect(await page.locator('.articles-table .badge').count()).toBe(made.length);
      expect(await rows.first().textContent()).toContain('文峪河报 · 19 October 2018');
      await page.screenshot({ path: path.join(SHOTS, 'articles-en.png') });

      // Filtered by status, in the URL. The article taken is a story printed on two pages.
      const pagesOf = (id: number) =>
        archive.db
          .prepare(
            `SELECT DISTINCT p.sequence FROM article_parts ap JOIN regions r ON r.id = ap.region_id
             JOIN pages p ON p.id = r.page_id WHERE ap.article_id = ? ORDER BY p.sequence`,
          )
          .pluck()
          .all(id) as number[];
      const first = made.find((a) => pagesOf(a.id).length === 2)!.id;
      archive.db.prepare("UPDATE articles SET status = 'in_correction' WHERE id = ?").run(first);
      await page.locator('.articles-view select').selectOption('in_correction');
      await expect.poll(() => page.url()).toContain('#/articles?status=in_correction');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().getAttribute('data-article-id')).toBe(String(first));

      // Its reading view: accept it as it is.
      await rows.first().getByRole('link').first().click();
      await expect.poll(() => page.url()).toContain(`#/article/${first}`);
      const view = page.locator(`.article-route article[data-article-id="${first}"]`);
      await expect
        .poll(() => view.locator('.continued a').allTextContents())
        .toEqual(pagesOf(first).map((n) => `p. ${n}`));
      await view.getByRole('button', { name: 'Accept' }).click();
      await expect.poll(() => articles(archive).find((a) => a.id === first)?.accepted).toBe(1);
      await expect.poll(() => view.getByRole('button', { name: 'Accept' }).count()).toBe(0);
      await page.screenshot({ path: path.join(SHOTS, 'article-view-en.png') });

      // On its page, reject another suggestion; the page's Undo brings it back.
      const pageId = archive.db
        .prepare(
          `SELECT r.page_id FROM article_parts ap JOIN regions r ON r.id = ap.region_id
           WHERE ap.article_id = ? ORDER BY ap.position LIMIT 1`,
        )
        .pluck()
        .get(first) as number;
      await page.goto(`${url}#/page/${pageId}`);
      await page.getByRole('tab', { name: 'Articles' }).click();
      const suggested = page.locator('.article-panel article.suggested');
      await expect.poll(() => suggested.count()).toBeGreaterThan(0);
      const rejected = Number(await suggested.first().getAttribute('data-article-id'));
      expect(rejected).not.toBe(first);
      await suggested.first().getByRole('button', { name: 'Reject' }).click();
      await expect.poll(() => articles(archive).some((a) => a.id === rejected)).toBe(false);
      await page.getByRole('button', { name: 'Undo', exact: true }).click();
      await expect.poll(() => articles(archive).some((a) => a.id === rejected)).toBe(true);
      await expect.poll(() => page.locator(`article[data-article-id="${rejected}"]`).count()).toBe(1);
    });
  });

  it('shows the Articles view in Chinese', async () => {
    const archive = await issueArchive();
    await withApp(browser(), archive, 'zh-CN', async (page, url) => {
      await page.goto(url);
      const issue = page.locator('.issue-group', { hasText: '2018年10月19日' });
      await issue.getByRole('button', { name: '为本期建议' }).click();
      await expect
        .poll(() => issue.locator('.suggest-report').textContent(), { timeout: 60_000 })
        .toMatch(/在3 版上建议了 \d+ 篇文章/);
      await page.getByRole('link', { name: '文章', exact: true }).click();
      await expect
        .poll(() => page.locator('.articles-table tbody tr').count())
        .toBe(articles(archive).length);
      expect(await page.locator('.articles-table thead').textContent()).toBe('标题报名 · 日期版面状态长度');
      await page.screenshot({ path: path.join(SHOTS, 'articles-zh.png') });
    });
  });
});

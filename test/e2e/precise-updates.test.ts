// No full reloads: in Chromium against `backfile serve`, the page view's requests are counted.
// A saved correction costs one write and a read of that one line back (the page's record too
// when the correction moved it to "in correction"), not the page, its lines, regions and
// articles again; a change on another page costs the view no request at all.

import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { sharedBrowser, withApp } from './browser.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';

const browser = sharedBrowser();

interface Call {
  method: string;
  body: Record<string, unknown>;
}

describe('precise updates', () => {
  it('reads back only the corrected line, and nothing for a change on another page', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(1, 'page.pdf'), samplePage(2, 'page.pdf')], {
      title: 'Test',
      date: '2020-01-01',
    });
    const lineIds = archive.db
      .prepare('SELECT id FROM lines WHERE page_id = 1 ORDER BY position, id')
      .pluck()
      .all() as number[];
    const otherLine = archive.db
      .prepare('SELECT min(id) FROM lines WHERE page_id = 2')
      .pluck()
      .get() as number;
    await withApp(browser(), archive, 'en', async (page, url) => {
      await page.goto(`${url}#/page/1`);
      const lines = page.locator('.line-editor input');
      await expect.poll(() => lines.count()).toBe(lineIds.length);
      const calls: Call[] = [];
      page.on('request', (request) => {
        const method = /^\/api\/(\w+)$/.exec(new URL(request.url()).pathname)?.[1];
        if (method && request.method() === 'POST')
          calls.push({ method, body: request.postDataJSON() as Record<string, unknown> });
      });
      const correct = async (index: number, text: string) => {
        await lines.nth(index).fill(text);
        await lines.nth(index).press('Enter');
        await expect.poll(() => lines.nth(index).inputValue()).toBe(text);
      };
      const readsOf = (method: string) => calls.filter((c) => c.method === method);

      // The first correction moves the page to "in correction": that line and the page's record.
      await correct(3, 'First correction');
      await expect.poll(() => readsOf('pageLines').length).toBe(1);
      await expect.poll(() => readsOf('getPage').length).toBe(1);
      expect(readsOf('pageLines')[0]!.body).toEqual({ pageId: 1, lineIds: [lineIds[3]] });

      // A change on page 2 (another window), then a second correction here. Events arrive in
      // order, so once the second correction's read is seen, page 2's event has been handled.
      const token = new URL(url).searchParams.get('token')!;
      const other = await page.request.post(new URL('/api/correctLine', url).href, {
        headers: { 'x-backfile-token': token },
        data: { lineId: otherLine, text: 'Changed on page 2' },
      });
      expect(((await other.json()) as { ok: boolean }).ok).toBe(true);
      await correct(4, 'Second correction');
      await expect.poll(() => readsOf('pageLines').length).toBe(2);
      expect(readsOf('pageLines')[1]!.body).toEqual({ pageId: 1, lineIds: [lineIds[4]] });

      // In all: two writes, two one-line reads, one read of the page's record; no whole page,
      // no regions, no articles.
      expect(calls.map((c) => c.method).sort()).toEqual(
        ['correctLine', 'correctLine', 'getPage', 'pageLines', 'pageLines'].sort(),
      );
    });
  });
});

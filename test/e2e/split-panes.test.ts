// The split between page image and text, in Chromium against `backfile serve`: dragging the
// divider gives the text panel the width asked for, the split is the same on another page and
// after a reload, and the arrow keys move it when the divider has the focus.

import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { sharedBrowser, withApp } from './browser.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';

const browser = sharedBrowser();

describe('the split between page and text', () => {
  it('follows the divider, is remembered, and answers the arrow keys', async () => {
    const archive = tempArchive();
    await importScans(
      archive,
      [2, 3].map((n) => samplePage(n, 'page.pdf')),
    );
    await withApp(browser(), archive, 'en-GB', async (page, url) => {
      await page.goto(`${url}#/page/1`);
      const divider = page.getByRole('separator');
      const panel = page.locator('.side-panel');
      const area = (await page.locator('.side-by-side').boundingBox())!;
      const before = (await panel.boundingBox())!.width;
      // Drag the divider to 40 % of the width: the text panel gets about 60 %.
      const box = (await divider.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + 100);
      await page.mouse.down();
      await page.mouse.move(area.x + area.width * 0.4, box.y + 100, { steps: 10 });
      await page.mouse.up();
      const dragged = (await panel.boundingBox())!.width;
      expect(dragged).toBeGreaterThan(before + 50);
      expect(Math.abs(dragged - area.width * 0.6)).toBeLessThan(20);

      await page.goto(`${url}#/page/2`);
      await page.reload();
      await expect.poll(async () => (await panel.boundingBox())?.width).toBeCloseTo(dragged, -1);

      await divider.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => (await panel.boundingBox())!.width).toBeLessThan(dragged - 30);
    });
  });
});

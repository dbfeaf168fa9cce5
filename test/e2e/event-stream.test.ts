// The app's one event stream, in Chromium against `backfile serve`: a change made while the
// stream is still connecting reaches the views once it is open (the server sent its event to
// nobody), instead of leaving them showing what was there before.

import { describe, expect, it } from 'vitest';
import { sharedBrowser, withApp } from './browser.ts';
import { onePageArchive } from '../fixtures/one-page-archive.ts';

const browser = sharedBrowser();

describe('the event stream', () => {
  it('brings the views up to date with what changed while it was connecting', async () => {
    const archive = await onePageArchive();
    await withApp(browser(), archive, 'en-GB', async (page, url) => {
      // The stream's request is held until the change below has been made and answered.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let asked = false;
      await page.route('**/api/events?*', async (route) => {
        asked = true;
        await held;
        await route.continue();
      });
      await page.goto(url);
      await expect.poll(() => page.locator('.pages li').count()).toBe(1);
      const shown = (text: string) => page.getByText(text, { exact: false }).count();
      await expect.poll(() => shown('Gazette')).toBeGreaterThan(0);
      expect(asked).toBe(true);

      const token = new URL(url).searchParams.get('token')!;
      const reply = await page.evaluate(
        `fetch('/api/editPages', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-backfile-token': ${JSON.stringify(token)} },
          body: JSON.stringify({ pageIds: [1], title: 'Evening Courier' }),
        }).then((r) => r.json())`,
      );
      expect(reply).toMatchObject({ ok: true });
      // The library read before the change, and no event has come: it still says Gazette.
      await page.waitForTimeout(300);
      expect(await shown('Evening Courier')).toBe(0);

      release();
      await expect.poll(() => shown('Evening Courier'), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await shown('Gazette')).toBe(0);
    });
  });
});

// The app's one event stream, in Chromium against `backfile serve`: a change made while the
// stream was away (its connection failed, and the browser had not yet connected again) reaches
// the views once it is back (the server sent its event to nobody), instead of leaving them
// showing what was there before.

import { describe, expect, it } from 'vitest';
import { sharedBrowser } from './browser.ts';
import { onePageArchive } from '../fixtures/one-page-archive.ts';
import { startServer } from '../../src/cli/server/server.ts';
import { RENDERER_DIR } from '../../src/cli/commands/serve.ts';

const browser = sharedBrowser();

describe('the event stream', () => {
  it('brings the views up to date with what changed while it was away', async () => {
    const archive = await onePageArchive();
    // Not withApp: the failed connection below is logged by the browser as an error, on purpose.
    const server = await startServer(archive, { rendererDir: RENDERER_DIR, workers: 1 });
    const page = await browser().newPage({ locale: 'en-GB' });
    try {
      // The stream's first connection fails; the browser's next one is held until the change
      // below has been made and answered.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let asked = 0;
      await page.route('**/api/events?*', async (route) => {
        if (++asked === 1) return route.abort();
        await held;
        await route.continue();
      });
      await page.goto(server.url);
      await expect.poll(() => page.locator('.pages li').count()).toBe(1);
      const shown = (text: string) => page.getByText(text, { exact: false }).count();
      await expect.poll(() => shown('Gazette')).toBeGreaterThan(0);
      await expect.poll(() => asked, { timeout: 15_000 }).toBe(2);

      const reply = await page.evaluate(
        `fetch('/api/editPages', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-backfile-token': ${JSON.stringify(server.token)} },
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
    } finally {
      await page.close();
      await server.close();
    }
  });
});

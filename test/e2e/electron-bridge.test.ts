// The renderer as Electron runs it: the app finds the preload's bridge (window.backfile) and goes
// through the IPC transport. The Electron binary cannot run here, so the bridge is the one stand-
// in: it forwards each call to `backfile serve` (the same core dispatch the IPC handler calls) and
// answers the folder picker, the system dialog, with a folder the test chose. What runs for real
// is the renderer: the export dialog offers "Choose…" only where there is a picker, puts the
// picked folder in, and the export is written there. Where the user cancels the picker (null),
// the folder field keeps what it had.

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { sharedBrowser, withApp } from './browser.ts';
import { writeBodyCrops } from '../fixtures/crops.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

const browser = sharedBrowser();

/** The preload's bridge, over HTTP; `picks` are the folder picker's answers, in turn. */
const bridge = (token: string, picks: (string | null)[]) => `{
  const token = ${JSON.stringify(token)};
  const picks = ${JSON.stringify(picks)};
  window.__picked = 0;
  const listeners = new Set();
  let events = null;
  window.backfile = {
    invoke: (method, input) =>
      fetch('/api/' + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-backfile-token': token },
        body: JSON.stringify(input),
      }).then((r) => r.json()),
    subscribe(listener) {
      if (!events) {
        events = new EventSource('/api/events?token=' + token);
        events.onmessage = (m) => listeners.forEach((l) => l(JSON.parse(m.data)));
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    importDropped: () => Promise.reject(new Error('not in this test')),
    lineImageUrl: (id) => '/lines/' + id + '/image?token=' + token,
    pageImageUrl: (id, kind) => '/pages/' + id + '/' + kind + '?token=' + token,
    pickFolder: () => Promise.resolve(picks[window.__picked++] ?? null),
  };
}`;

describe('the renderer over the Electron bridge', () => {
  it('exports into the folder chosen with the system picker, and keeps the field when it is cancelled', async () => {
    const archive = tempArchive();
    const crops = await writeBodyCrops(tempDir(), 1, 1, 300);
    await importScans(archive, [crops[0]!.file], { title: 'Gazette', date: '1911-03-01' });
    const out = path.join(tempDir(), 'picked');
    await withApp(browser(), archive, 'en-GB', async (page, url) => {
      const token = new URL(url).searchParams.get('token')!;
      await page.addInitScript(bridge(token, [out, null]));
      // No token in the address: only the bridge can reach the archive.
      await page.goto(new URL('/', url).href);
      await expect.poll(() => page.locator('.pages li').count()).toBe(1);
      await page.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export' });
      // Electron writes to the user's disk: no download choice, a folder and its picker.
      expect(await dialog.getByText('Download as one ZIP file').count()).toBe(0);
      const folder = dialog.getByLabel('Folder', { exact: true });
      expect(await folder.inputValue()).toBe('');
      await dialog.getByRole('button', { name: 'Choose…' }).click();
      await expect.poll(() => folder.inputValue()).toBe(out);
      // Cancelled: the picker answers null, and the folder chosen before stays.
      await dialog.getByRole('button', { name: 'Choose…' }).click();
      await expect.poll(() => page.evaluate('window.__picked')).toBe(2);
      expect(await folder.inputValue()).toBe(out);

      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await expect.poll(() => dialog.getByRole('status').textContent()).toContain(out);
      expect(existsSync(out)).toBe(true);
      expect(readdirSync(out, { recursive: true }).some((f) => String(f).endsWith('.xml'))).toBe(true);
    });
  });
});

// The IIIF that `backfile serve` publishes, read by Mirador 4 (npm `mirador`, its own bundle) in
// Chromium from another site, as a library's viewer would: the page images load, the line
// annotations Mirador reads lie on the boxes of the printed lines, and choosing an article in
// its table of contents takes the viewer to the page the article is on, also on page 3.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExportPage } from '../../src/core/export/page-model.ts';
import { startServer, type RunningServer } from '../../src/cli/server/server.ts';
import { RENDERER_DIR } from '../../src/cli/commands/serve.ts';
import { REPO_ROOT } from '../fixtures/repo.ts';
import { iiifErrors } from '../fixtures/iiif-validate.ts';
import { segmentedIssue } from '../fixtures/segmented-issue.ts';
import { SHOTS, launchBrowser } from './browser.ts';

const MIRADOR = readFileSync(path.join(REPO_ROOT, 'node_modules/mirador/dist/mirador.min.js'));

/**
 * The viewer's own site, on another port of this machine: not the server's origin, so what the
 * viewer reads crosses origins as from a library's viewer. (Chromium lets no page from a public
 * site read loopback without asking the user, so the viewer is served from loopback too.)
 */
async function serveViewer(manifestUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const html = `<!doctype html><meta charset="utf-8"><body style="margin:0">
    <div id="viewer" style="position:absolute;inset:0"></div>
    <script src="/mirador.min.js"></script>
    <script>
      window.viewer = Mirador.viewer({
        id: 'viewer',
        windows: [{ id: 'w', manifestId: ${JSON.stringify(manifestUrl)}, sideBarOpen: true, sideBarPanel: 'canvas' }],
        window: { allowClose: false },
        workspaceControlPanel: { enabled: false },
      });
    </script>`;
  const viewer = createServer((request, response) => {
    const script = request.url === '/mirador.min.js';
    response.writeHead(200, { 'content-type': script ? 'text/javascript' : 'text/html; charset=utf-8' });
    response.end(script ? MIRADOR : html);
  });
  await new Promise<void>((resolve) => viewer.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(viewer.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => viewer.close(() => resolve())),
  };
}

let browser: Browser;
let server: RunningServer | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await server?.close();
  await browser?.close();
});

interface Manifest {
  items: { id: string }[];
  structures: { label: { none: string[] }; items: { id: string }[] }[];
}

describe('IIIF from backfile serve in Mirador', () => {
  it('shows the pages, puts the line annotations on the printed lines and navigates the article ranges', async () => {
    const archive = await segmentedIssue();
    server = await startServer(archive, { rendererDir: RENDERER_DIR, workers: 1 });
    const manifestUrl = server.iiif.replace(/collection\.json$/, 'issues/1/manifest.json');

    // What the server publishes is valid IIIF, and open to viewers on other sites (CORS).
    const response = await fetch(manifestUrl, { headers: { origin: 'https://viewer.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const manifest = (await response.json()) as Manifest;
    expect(iiifErrors(manifest)).toEqual([]);
    const collection = await (await fetch(server.iiif)).json();
    expect(iiifErrors(collection)).toEqual([]);
    // Without the token nothing is served.
    expect((await fetch(manifestUrl.replace(server.token, 'x'.repeat(server.token.length)))).status).toBe(
      403,
    );

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    const images: number[] = [];
    page.on('response', (r) => {
      if (/\/iiif\/[^/]+\/issues\/1\/[^/]+\.png$/.test(r.url())) images.push(r.status());
    });
    const viewer = await serveViewer(manifestUrl);
    await page.goto(viewer.url);
    const canvasOfWindow = () =>
      page.evaluate(() => {
        const { viewer, Mirador } = globalThis as unknown as MiradorWindow;
        return Mirador.getCurrentCanvas(viewer.store.getState(), { windowId: 'w' })?.id ?? null;
      });
    await expect.poll(canvasOfWindow, { timeout: 30_000 }).toBe(manifest.items[0]!.id);

    // The first page's image was fetched from the server, and drawn.
    await expect.poll(() => images.filter((s) => s === 200).length, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.openseadragon-canvas canvas').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'mirador-page-1.png') });

    // The line annotations as Mirador reads them: one per stored line, each on its line's box.
    const read = async () =>
      page.evaluate(() => {
        const { viewer, Mirador } = globalThis as unknown as MiradorWindow;
        return Mirador.getAnnotationResourcesByMotivation(viewer.store.getState(), {
          windowId: 'w',
          motivations: ['supplementing'],
        }).map((r) => ({ text: r.chars, xywh: r.fragmentSelector }));
      });
    await expect.poll(async () => (await read()).length, { timeout: 30_000 }).toBeGreaterThan(100);
    const annotations = await read();
    const lines = loadExportPage(archive, 1, 'page.png').regions.flatMap((r) => r.lines);
    expect(annotations).toHaveLength(lines.length);
    const expected = lines.map((l) => ({
      text: l.text,
      xywh: [l.box.x0, l.box.y0, l.box.x1 - l.box.x0, l.box.y1 - l.box.y0].map(Math.round),
    }));
    expect(annotations).toEqual(expect.arrayContaining(expected));

    // An article on page 3, chosen in Mirador's table of contents, opens page 3.
    const third = manifest.items[2]!.id;
    const onThird = manifest.structures.find((s) => s.items[0]!.id.startsWith(`${third}#`))!;
    expect(onThird).toBeDefined();
    await page
      .getByRole('tab', { name: /table of contents|index/i })
      .click()
      .catch(() => undefined);
    await page.getByText(onThird.label.none[0]!, { exact: true }).first().click();
    await expect.poll(canvasOfWindow, { timeout: 15_000 }).toBe(third);
    await expect.poll(() => images.filter((s) => s === 200).length, { timeout: 30_000 }).toBeGreaterThan(1);
    await page.screenshot({ path: path.join(SHOTS, 'mirador-article-page-3.png') });
    // Mirador read everything without an uncaught error.
    expect(problems).toEqual([]);
    await page.close();
    await viewer.close();
  }, 240_000);
});

interface MiradorWindow {
  viewer: { store: { getState(): unknown } };
  Mirador: {
    getCurrentCanvas(state: unknown, props: { windowId: string }): { id: string } | undefined;
    getAnnotationResourcesByMotivation(
      state: unknown,
      props: { windowId: string; motivations: string[] },
    ): { chars: string; fragmentSelector: number[] | null }[];
  };
}

// Chromium through playwright-core, as the end-to-end tests start it, and the checks
// every end-to-end test makes (the renderer is built once, by test/global-setup.ts): no console error, no uncaught exception.

import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Archive } from '../../src/core/archive/archive.ts';
import { startServer } from '../../src/cli/server/server.ts';
import { RENDERER_DIR } from '../../src/cli/commands/serve.ts';
import { REPO_ROOT } from '../fixtures/repo.ts';

export const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

/**
 * Where Chromium is: $PLAYWRIGHT_CHROMIUM, else Playwright's own browser cache, else the usual
 * system paths. None found: a clear message with the one command that installs it, instead of
 * an ENOENT from deep inside Playwright.
 */
export function chromiumPath(): string {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM;
  if (fromEnv) return fromEnv;
  let bundled: string | null;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = null; // no browser of Playwright's own is known to this playwright-core
  }
  const candidates = [
    bundled,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ].filter((p): p is string => p !== null);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    'The browser tests need Chromium and none was found (set PLAYWRIGHT_CHROMIUM to its path). ' +
      'Install it with: sudo apt-get install -y chromium fonts-noto-cjk',
  );
}

/** Chromium, headless, with none of its calls home (this machine's network is closed). */
export function startChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return startChromium();
}

/** Collects console errors and page errors; the test expects the list empty at the end. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

/** One Chromium for a test file: started before its tests, closed after them. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/**
 * The app in a browser tab against `backfile serve` on `archive` (1280×800 unless told, the given locale):
 * runs `use` with the tab and the server's address, then checks that the tab logged no error
 * and threw nothing, and closes both, whatever happened.
 */
export async function withApp(
  browser: Browser,
  archive: Archive,
  locale: string,
  use: (page: Page, url: string) => Promise<void>,
  viewport = { width: 1280, height: 800 },
): Promise<void> {
  const server = await startServer(archive, { rendererDir: RENDERER_DIR, workers: 1 });
  const page = await browser.newPage({ locale, viewport });
  const problems = watchProblems(page);
  try {
    await use(page, server.url);
    expect(problems).toEqual([]);
  } finally {
    await page.close();
    await server.close();
  }
}

// Debian's Chromium through playwright-core, as the end-to-end tests start it, and the checks
// every end-to-end test makes (the renderer is built once, by test/global-setup.ts): no console error, no uncaught exception.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../fixtures/repo.ts';

export const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

/** Debian's Chromium, headless, with none of its calls home (this machine's network is closed). */
export function startChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
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

// Serves each built sample under Backfile's CSP and measures, in Chromium: CSP violations,
// keyboard behaviour of tabs and toolbar, and the height of a button, a select and an input.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { contentSecurityPolicy } from '../../../src/shared/csp.ts';
const csp = contentSecurityPolicy();
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const lib of ['antd', 'mantine', 'fluent', 'blueprint']) {
  const root = path.resolve(`dist-${lib}`);
  const server = createServer((req, res) => {
    const p = path.join(root, req.url === '/' ? 'index.html' : req.url.split('?')[0]);
    if (!existsSync(p)) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, {
      'content-type': types[path.extname(p)] ?? 'application/octet-stream',
      'content-security-policy': csp,
    });
    res.end(readFileSync(p));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const violations = [];
  page.on(
    'console',
    (m) =>
      m.type() === 'error' &&
      /Content Security Policy/.test(m.text()) &&
      violations.push(m.text().slice(0, 160)),
  );
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForTimeout(1500);
  const styled = await page.evaluate(() => {
    const b = document.querySelector('#b1');
    const bs = b && getComputedStyle(b);
    const h = (sel) => {
      const e = document.querySelector(sel);
      return e ? Math.round(e.getBoundingClientRect().height) : null;
    };
    return {
      buttonBg: bs?.backgroundColor,
      buttonBorder: bs?.borderTopStyle,
      buttonH: h('#b1'),
      selectH: h('#sel') ?? h('select'),
      inputH: h('#inp') ?? h('input[placeholder]'),
      styleTags: document.querySelectorAll('style').length,
    };
  });
  // Keyboard: focus the first tab, ArrowRight: does focus move to the second?
  const tabs = page.getByRole('tab');
  let arrowTabs = null;
  if (await tabs.count()) {
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    arrowTabs = await page.evaluate(
      () =>
        document.activeElement?.tagName +
        ':' +
        document.activeElement?.textContent +
        ':' +
        document.activeElement?.getAttribute('role'),
    );
  }
  await page
    .locator('#b1')
    .focus()
    .catch(() => {});
  await page.keyboard.press('ArrowRight');
  const arrowToolbar = await page.evaluate(
    () =>
      document.activeElement?.tagName +
      ':' +
      document.activeElement?.id +
      ':' +
      document.activeElement?.getAttribute('aria-label'),
  );
  if (lib === 'mantine') console.log(violations);
  console.log(JSON.stringify({ lib, violations: violations.length, ...styled, arrowTabs, arrowToolbar }));
  await page.close();
  server.close();
}
await browser.close();

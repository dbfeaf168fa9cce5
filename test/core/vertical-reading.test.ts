// Vertical Chinese pages, read by the real runner with `auto`: a page set in columns read right
// to left, tier by tier, made on the spot (test/fixtures/vertical-page.ts: each glyph in its cell,
// so the text and its order are known exactly), and a mixed page with a headline and a caption
// set across, a photo and rules. Properties, not pinned readings: the page is found to run down,
// in traditional script; nearly every character is read; and the text comes out in the order a
// reader takes it (a small ordered error rate is only possible in that order).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPageBlocks, mainTextSource } from '../../src/core/archive/page-text.ts';
import { exportPages } from '../../src/core/export/export-pages.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { OcrRunner } from '../../src/core/jobs/ocr-runner.ts';
import { engineFactory } from '../../src/core/ocr/engines.ts';
import { queueOcr } from '../../src/core/ocr/queue-ocr.ts';
import { bagOfCharactersF1, characterErrorRate } from '../../src/shared/text/error-rate.ts';
import { makeVerticalPage, PERIOD_ARTICLES, writeVerticalPage } from '../fixtures/vertical-page.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';
import { validateXml } from '../fixtures/xml-validate.ts';

const bare = (s: string) => s.replace(/\s+/gu, '').normalize('NFKC');

describe('reading a vertical page', () => {
  it('finds the columns, reads them in traditional script and puts them in reading order', async () => {
    const dir = tempDir();
    const pages = [
      makeVerticalPage(PERIOD_ARTICLES, { seed: 7 }),
      makeVerticalPage(PERIOD_ARTICLES, { seed: 8, mixed: true }),
    ];
    const files = await Promise.all(pages.map((p, i) => writeVerticalPage(p, path.join(dir, `v${i}.png`))));
    const archive = tempArchive();
    const summary = await importScans(archive, files);
    expect(summary.failed).toBe(0);
    queueOcr(archive, { scope: { all: true } });
    const run = await new OcrRunner(archive, (name) => engineFactory(archive, name), { workers: 2 }).run();
    expect(run).toMatchObject({ done: 2, failed: 0 });
    pages.forEach((page, i) => {
      const pageId = summary.files[i]!.pageIds[0]!;
      expect(mainTextSource(archive.db, pageId)!.model.split(' ')[0]).toBe('chi_tra_vert');
      const lines = loadPageBlocks(archive.db, pageId).flatMap((b) => b.lines);
      const read = bare(lines.map((l) => l.text).join(''));
      const truth = bare(page.order.map((k) => page.lines[k]!.text).join(''));
      expect(bagOfCharactersF1(read, truth).f1, `page ${i}`).toBeGreaterThan(0.9);
      expect(characterErrorRate(read, truth), `page ${i}`).toBeLessThan(0.15);
      // The page's lines are its columns, standing taller than wide, and none runs across a rule.
      const columns = lines.filter((l) => l.box.y1 - l.box.y0 > 3 * (l.box.x1 - l.box.x0));
      expect(columns.length, `page ${i}`).toBeGreaterThan(lines.length / 2);
      for (const rule of page.rules.filter((r) => r.axis === 'h'))
        for (const l of columns)
          expect(l.box.y0 > rule.at - 2 || l.box.y1 < rule.at + 2, `page ${i}`).toBe(true);
    });
    // The exports say which way the columns run, as their schemas have it.
    const out = tempDir();
    const exported = Object.fromEntries(
      (['page', 'alto', 'hocr'] as const).map((format) => [format, exportPages(archive, format, out)]),
    );
    for (const format of ['page', 'alto'] as const)
      for (const file of exported[format]!) {
        const check = await validateXml(file, format);
        expect(check.valid, check.errors).toBe(true);
      }
    const text = (format: 'page' | 'alto' | 'hocr') =>
      exported[format]!.map((f) => readFileSync(f, 'utf8')).join('');
    expect(text('page')).toMatch(
      /<TextRegion[^>]*readingDirection="top-to-bottom"[^>]*textLineOrder="right-to-left"/,
    );
    expect(text('page')).toMatch(/<TextLine[^>]*readingDirection="top-to-bottom"/);
    expect(text('alto')).toMatch(/<TextBlock[^>]*BASEDIRECTION="ttb"/);
    expect(text('alto')).toMatch(/<TextLine[^>]*BASEDIRECTION="ttb"/);
    expect(text('hocr')).toMatch(/class="ocr_line"[^>]*title="bbox \d+ \d+ \d+ \d+; textangle 270"/);
    // The page header, set across, stays a line across.
    expect(text('page')).toMatch(/<TextLine id="[^"]+"><Coords/);
  }, 240_000);
});

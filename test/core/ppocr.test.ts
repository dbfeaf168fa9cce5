// The PP-OCR engine on a real page, through the real job queue: a dense sample page scanned at
// 100 dpi and JPEG-compressed (body characters about 13 px high), read offline with the models
// from the npm package; its exported text follows column order — no line holds text from two
// columns — and recovers the page's characters.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { openArchive } from '../../src/core/archive/archive.ts';
import { OcrRunner } from '../../src/core/jobs/ocr-runner.ts';
import { chooseEngine, engineFactory } from '../../src/core/ocr/engines.ts';
import { engineForPage, queueOcr } from '../../src/core/ocr/queue-ocr.ts';
import { exportPages } from '../../src/core/export/export-pages.ts';
import { bagOfCharactersF1, characterErrorRate } from '../../src/shared/text/error-rate.ts';
import { truthRegions } from '../fixtures/crops.ts';
import { runCli } from '../fixtures/cli.ts';
import { cleanScan, samplePage } from '../fixtures/samples.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

/** Smallest edit distance between `needle` and any stretch of `hay` (semi-global alignment). */
function bestStretchDistance(needle: string[], hay: string[]): number {
  let previous = new Array<number>(hay.length + 1).fill(0);
  for (let i = 1; i <= needle.length; i++) {
    const current = [i];
    for (let j = 1; j <= hay.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (needle[i - 1] === hay[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return Math.min(...previous);
}

async function lowResolutionScan(page: number): Promise<string> {
  const file = path.join(tempDir(), `page-${page}-100dpi.jpg`);
  const source = await cleanScan(page);
  const { width } = await sharp(source).metadata();
  await sharp(source)
    .resize({ width: Math.round(width! / 3) })
    .jpeg({ quality: 60 })
    .toFile(file);
  return file;
}

describe('PP-OCR engine', () => {
  it('is the default for simplified Chinese and dense traditional pages, tesseract otherwise, and a choice remembered per scope wins', async () => {
    expect(chooseEngine('chi_sim', { dpi: 100, width: 1167 })).toBe('ppocr');
    expect(chooseEngine('chi_sim', { dpi: 300, width: 3500 })).toBe('ppocr');
    expect(chooseEngine('chi_tra', { dpi: null, width: 992 })).toBe('ppocr');
    expect(chooseEngine('chi_tra', { dpi: 300, width: 3500 })).toBe('tesseract');
    // A claimed 72 dpi is no information: a 3500-px page is about 290 dpi.
    expect(chooseEngine('chi_tra', { dpi: 72, width: 3500 })).toBe('tesseract');
    expect(chooseEngine('eng', { dpi: 100, width: 1167 })).toBe('tesseract');
    expect(chooseEngine('frk', { dpi: 300, width: 3500 })).toBe('tesseract');
    const archive = tempArchive();
    await importScans(archive, [await lowResolutionScan(3)], { title: '文峪河报', dpi: 100 });
    expect(engineForPage(archive.db, 1, 'chi_sim')).toBe('ppocr');
    archive.db.prepare("UPDATE titles SET ocr_engine = 'tesseract'").run();
    expect(engineForPage(archive.db, 1, 'chi_sim')).toBe('tesseract');
    archive.db.prepare("UPDATE pages SET ocr_engine = 'ppocr'").run();
    expect(engineForPage(archive.db, 1, 'chi_sim')).toBe('ppocr');
  });

  it('reads a dense 100-dpi page in column order through the job queue, and recovers its characters', async () => {
    const archive = tempArchive();
    await importScans(archive, [await lowResolutionScan(3)], { title: '文峪河报', dpi: 100 });
    const { queued } = queueOcr(archive, { scope: { all: true }, engine: 'ppocr' });
    expect(queued).toHaveLength(1);
    const progress: number[] = [];
    const summary = await new OcrRunner(archive, (name) => engineFactory(archive, name), {
      workers: 1,
      onProgress: (p) => progress.push(p.share),
    }).run();
    expect(summary).toMatchObject({ done: 1, failed: 0 });
    expect(progress.at(-1)).toBe(1);
    const source = archive.db
      .prepare('SELECT DISTINCT s.engine FROM lines l JOIN text_sources s ON s.id = l.source_id')
      .pluck()
      .all();
    expect(source).toEqual(['ppocr']);

    const out = tempDir();
    const [file] = exportPages(archive, 'txt', out, {});
    const text = readFileSync(file!, 'utf8');
    const truth = readFileSync(samplePage(3, 'page.txt'), 'utf8');
    expect(bagOfCharactersF1(text, truth).f1).toBeGreaterThan(0.95);
    expect(characterErrorRate(text, truth)).toBeLessThan(0.1);

    // No line holds text from two columns: every line of body text is, but for a few reading
    // errors, a stretch of one ground-truth region's text.
    // The articles' regions, and the page's other printed lines (masthead, date).
    const regions = [...truthRegions(3).map((r) => r.text), ...truth.split('\n')]
      .filter(Boolean)
      .map((r) => [...r.replace(/\s+/g, '')]);
    const chars = (t: string) => [...t.replace(/\s+/g, '')];
    const stored = archive.db.prepare('SELECT text FROM lines ORDER BY position').pluck().all() as string[];
    // Each line as read, and each paragraph of the export (lines joined in reading order).
    const lines = [...stored, ...text.split('\n')].map(chars).filter((l) => l.length >= 8);
    expect(lines.length).toBeGreaterThan(150);
    const crossing = lines.filter(
      (l) => Math.min(...regions.map((r) => bestStretchDistance(l, r))) > 0.25 * l.length,
    );
    writeFileSync(path.join(out, 'crossing.txt'), crossing.map((l) => l.join('')).join('\n'));
    expect(crossing.map((l) => l.join(''))).toEqual([]);
  });

  it('runs from the command line with --engine ppocr, offline', async () => {
    const archive = tempArchive();
    const [scan] = [await lowResolutionScan(1)];
    const crop = path.join(tempDir(), 'crop.png');
    await sharp(scan).extract({ left: 0, top: 100, width: 600, height: 400 }).png().toFile(crop);
    await importScans(archive, [crop], { title: '文峪河报' });
    const dir = archive.dir;
    archive.close();
    // Chosen for the whole title, and remembered there.
    const r = runCli(['ocr', '--archive', dir, '--title', '1', '--engine', 'ppocr', '--jobs', '1']);
    expect(r.status, r.stderr).toBe(0);
    const reopened = openArchive(dir, { create: false });
    try {
      expect(reopened.db.prepare('SELECT ocr_engine FROM titles WHERE id = 1').pluck().get()).toBe('ppocr');
      expect(
        reopened.db
          .prepare('SELECT DISTINCT s.engine FROM lines l JOIN text_sources s ON s.id = l.source_id')
          .pluck()
          .all(),
      ).toEqual(['ppocr']);
    } finally {
      reopened.close();
    }
    const list = runCli([
      'export',
      '--archive',
      dir,
      '--format',
      'txt',
      '--out',
      path.join(tempDir(), 'txt'),
    ]);
    expect(list.status, list.stderr).toBe(0);
    const bad = runCli(['ocr', '--archive', dir, '--all', '--engine', 'abbyy']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--engine/);
  });
});

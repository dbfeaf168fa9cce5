// OCR options: region-by-region recognition, a language dropped into the archive, languages
// remembered per scope, and binarisation.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadPageBlocks } from '../../src/core/archive/page-text.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { listJobs } from '../../src/core/archive/job-queue.ts';
import { OCR_JOB, OcrRunner } from '../../src/core/jobs/ocr-runner.ts';
import { archiveLanguages, engineFactory } from '../../src/core/ocr/engines.ts';
import { checkLanguages } from '../../src/core/ocr/language-data.ts';
import { languageForPage, queueOcr } from '../../src/core/ocr/queue-ocr.ts';
import { fromPgm, prepareForOcr } from '../../src/core/ocr/preprocess.ts';
import { characterErrorRate } from '../../src/shared/text/error-rate.ts';
import { truthLines, truthRegions } from '../fixtures/crops.ts';
import { cleanScan } from '../fixtures/samples.ts';
import { writeTextPdf } from '../fixtures/scans.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

const require = createRequire(import.meta.url);

describe('OCR options', () => {
  it('reads a page region by region when it has regions, one block per region in reading order', async () => {
    const archive = tempArchive();
    // The top of page 1 (masthead band and the lead article's first columns) as a page of its own.
    const file = path.join(tempDir(), 'top.png');
    await sharp(await cleanScan(1))
      .extract({ left: 0, top: 0, width: 3500, height: 1700 })
      .toFile(file);
    await importScans(archive, [file]);
    const bodies = truthRegions(1)
      .filter((r) => r.role === 'body' && r.bbox[1] < 1500)
      .slice(0, 2);
    const insert = archive.db.prepare(
      "INSERT INTO regions (page_id, role, polygon, x0, y0, x1, y1, reading_order, created_at) VALUES (1, 'body', '[]', ?, ?, ?, ?, ?, 'now')",
    );
    // Reading order deliberately right column first: the output must follow it.
    bodies
      .reverse()
      .forEach((r, i) => insert.run(r.bbox[0], r.bbox[1], r.bbox[2], Math.min(r.bbox[3], 1700), i));
    queueOcr(archive, { scope: { all: true } });
    await new OcrRunner(archive, await engineFactory(archive), { workers: 1 }).run();
    const all = loadPageBlocks(archive.db, 1);
    // The two regions first, in their order; then the rest of the page, read with them blanked.
    const blocks = all.slice(0, 2);
    expect(all.length).toBeGreaterThan(2);
    for (const line of all.slice(2).flatMap((b) => b.lines)) {
      const [cx, cy] = [(line.box.x0 + line.box.x1) / 2, (line.box.y0 + line.box.y1) / 2];
      const inside = bodies.some((r) => cx > r.bbox[0] && cx < r.bbox[2] && cy > r.bbox[1] && cy < r.bbox[3]);
      expect(inside).toBe(false);
    }
    for (const [i, block] of blocks.entries()) {
      const r = bodies[i]!;
      const text = block.lines.map((l) => l.text).join('');
      // Exactly the printed lines of this region that lie inside the 1700-pixel crop: a read that
      // stops early is measured against all of them.
      const truth = truthLines(1)
        .filter((l) => l.bbox[0] >= r.bbox[0] - 2 && l.bbox[2] <= r.bbox[2] + 2)
        .filter((l) => l.bbox[1] >= r.bbox[1] - 2 && l.bbox[3] <= Math.min(r.bbox[3], 1700) + 2)
        .map((l) => l.text)
        .join('')
        .replace(/\s+/g, '');
      expect(characterErrorRate(text.replace(/\s+/g, ''), truth)).toBeLessThan(0.1);
      for (const line of block.lines) {
        expect(line.box.x0).toBeGreaterThanOrEqual(r.bbox[0] - 2);
        expect(line.box.x1).toBeLessThanOrEqual(r.bbox[2] + 2);
      }
    }
  });

  it('uses a language dropped into the archive’s tessdata folder', async () => {
    const archive = tempArchive();
    mkdirSync(path.join(archive.dir, 'tessdata'));
    const eng = path.join(
      path.dirname(require.resolve('@tesseract.js-data/eng/package.json')),
      '4.0.0_best_int',
      'eng.traineddata.gz',
    );
    writeFileSync(path.join(archive.dir, 'tessdata', 'mylang.traineddata'), gunzipSync(readFileSync(eng)));
    const languages = await archiveLanguages(archive);
    expect(languages.available).toContain('mylang');
    expect(() => checkLanguages('klingon', languages.available)).toThrow(/No OCR model for klingon/);
    // A vertical language is read with its horizontal model: chi_sim_vert needs chi_sim only.
    expect(checkLanguages('chi_sim_vert', languages.available)).toBe('chi_sim_vert');
    expect(() => checkLanguages('klingon_vert', languages.available)).toThrow(/klingon_vert/);
    const pdf = await writeTextPdf(
      path.join(tempDir(), 'latin.pdf'),
      [['Backfile reads newspapers']],
      [300, 120],
    );
    await importScans(archive, [pdf]);
    queueOcr(archive, { scope: { all: true }, languages: 'mylang', force: true });
    await new OcrRunner(archive, await engineFactory(archive), { workers: 1 }).run();
    expect(listJobs(archive.db, OCR_JOB)[0]).toMatchObject({
      status: 'done',
      payload: { languages: 'mylang' },
    });
    const text = loadPageBlocks(archive.db, 1)
      .flatMap((b) => b.lines.map((l) => l.text))
      .join(' ');
    expect(text).toContain('Backfile reads newspapers');
    expect(archive.db.prepare('SELECT model FROM text_sources WHERE kind = ?').pluck().get('ocr')).toMatch(
      /^mylang /,
    );
  });

  it('remembers a language per page, issue and title, the narrowest winning', async () => {
    const archive = tempArchive();
    const dir = tempDir();
    const files = await Promise.all(
      ['a', 'b'].map((n, i) => writeTextPdf(path.join(dir, `${n}.pdf`), [[`page ${n}`]], [200 + i, 200])),
    );
    await importScans(archive, [files[0]!], { title: 'T', date: '2001-01-01' });
    await importScans(archive, [files[1]!], { title: 'T', date: '2001-01-02' });
    expect(languageForPage(archive.db, 1)).toBe('auto'); // the page's script decides, when it is read
    queueOcr(archive, { scope: { title: 1 }, languages: 'chi_tra', force: true });
    expect([languageForPage(archive.db, 1), languageForPage(archive.db, 2)]).toEqual(['chi_tra', 'chi_tra']);
    queueOcr(archive, { scope: { issue: 2 }, languages: 'eng', force: true });
    queueOcr(archive, { scope: { pages: [1] }, languages: 'chi_sim', force: true });
    expect([languageForPage(archive.db, 1), languageForPage(archive.db, 2)]).toEqual(['chi_sim', 'eng']);
  });

  it('binarises when asked: only black and white remain', async () => {
    const file = path.join(tempDir(), 'grey.png');
    await sharp(await cleanScan(2))
      .greyscale()
      .blur(1.5)
      .toFile(file); // grey edges, as a scan has
    const prepared = await prepareForOcr(file, { deskew: false, binarise: true, maxPixels: 250e6 });
    const { data, width, height } = fromPgm(prepared.image);
    const meta = await sharp(file).metadata();
    expect([width, height]).toEqual([meta.width, meta.height]);
    expect(new Set(data)).toEqual(new Set([0, 255]));
  });
});

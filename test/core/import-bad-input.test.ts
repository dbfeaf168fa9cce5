import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/archive/archive.ts';
import { expectNoOrphans } from '../fixtures/consistency.ts';
import { listPages } from '../../src/core/archive/pages.ts';
import { archiveStatus } from '../../src/core/archive/status.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { toImportReport } from '../../src/core/import/import-report.ts';
import { COMMITTED, writeJpeg, writePng, writeTextPdf } from '../fixtures/scans.ts';
import { writeCorrupted, writePngBomb, writeTruncated } from '../fixtures/hostile.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

async function importOne(archive: Archive, file: string, options = {}) {
  const summary = await importScans(archive, [file], options);
  return summary.files[0]!;
}

describe('bad input fails alone, with a specific reason', () => {
  it('an empty file', async () => {
    const archive = tempArchive();
    const file = path.join(tempDir(), 'empty.pdf');
    writeFileSync(file, '');
    const r = await importOne(archive, file);
    expect(r.error).toMatchObject({ code: 'file-empty', message: expect.stringContaining('empty.pdf') });
  });

  it('a missing file', async () => {
    const r = await importOne(tempArchive(), path.join(tempDir(), 'nowhere.tif'));
    expect(r.error?.code).toBe('file-not-found');
  });

  it('a text file named .png', async () => {
    const archive = tempArchive();
    const file = path.join(tempDir(), 'page.png');
    writeFileSync(file, '<html>404 Not Found</html>');
    const r = await importOne(archive, file);
    expect(r.error?.code).toBe('format-unrecognised');
    expect(r.error?.message).toMatch(/page\.png: not a PDF, TIFF, JPEG, PNG or JPEG 2000 file.*<html>/);
  });

  it('a JPEG named .tif is imported by its content', async () => {
    const archive = tempArchive();
    const dir = tempDir();
    const jpeg = await writeJpeg(path.join(dir, 'a.jpg'), 300, 200);
    copyFileSync(jpeg, path.join(dir, 'really-a-jpeg.tif'));
    const r = await importOne(archive, path.join(dir, 'really-a-jpeg.tif'));
    expect(r).toMatchObject({ outcome: 'imported', format: 'jpeg' });
  });

  it('a truncated JPEG', async () => {
    const dir = tempDir();
    const jpeg = await writeJpeg(path.join(dir, 'a.jpg'), 800, 600);
    const r = await importOne(tempArchive(), writeTruncated(jpeg, path.join(dir, 'cut.jpg'), 0.5));
    expect(r.error?.code).toBe('image-corrupt');
  });

  it('a PNG whose data is noise, named by the path given and, in the app, by its name alone', async () => {
    const dir = tempDir();
    const archive = tempArchive();
    const png = await writePng(path.join(dir, 'a.png'), 400, 400);
    const noise = writeCorrupted(png, path.join(dir, 'noise.png'), 40);
    const summary = await importScans(archive, [noise]);
    const r = summary.files[0]!;
    expect(r.error?.code).toBe('image-corrupt');
    // The archive's copy was what failed to decode; the reader is told of their own file.
    expect(r.error?.message).toContain(noise);
    expect(r.error?.message).not.toContain(archive.dir);
    const [failure] = toImportReport(summary).failures;
    expect(failure).toMatchObject({ name: 'noise.png', code: 'image-corrupt' });
    expect(failure!.message).toMatch(/^noise\.png\b/);
    expect(failure!.message).not.toContain(dir);
  });

  it('a PDF that is noise after its header', async () => {
    const dir = tempDir();
    const pdf = await writeTextPdf(path.join(dir, 'a.pdf'), [['text']]);
    const r = await importOne(tempArchive(), writeCorrupted(pdf, path.join(dir, 'noise.pdf'), 9));
    expect(r.error?.code).toMatch(/^pdf-(corrupt|no-pages)$/);
  });

  it('a truncated PDF', async () => {
    const dir = tempDir();
    const pdf = await writeTextPdf(path.join(dir, 'a.pdf'), [['text']]);
    const r = await importOne(tempArchive(), writeTruncated(pdf, path.join(dir, 'cut.pdf'), 0.3));
    expect(r.error?.code).toMatch(/^pdf-(corrupt|no-pages)$/);
  });

  it('an encrypted PDF', async () => {
    const r = await importOne(tempArchive(), COMMITTED.encryptedPdf);
    expect(r.error).toMatchObject({ code: 'pdf-encrypted', message: expect.stringMatching(/password/) });
  });

  it('a PNG that declares 2.5 gigapixels (a decompression bomb)', async () => {
    const r = await importOne(tempArchive(), writePngBomb(path.join(tempDir(), 'bomb.png'), 50_000, 50_000));
    expect(r.error?.code).toBe('image-too-large');
  });

  it('an image over a lowered pixel limit', async () => {
    const file = await writePng(path.join(tempDir(), 'big.png'), 400, 400);
    const r = await importOne(tempArchive(), file, { maxPixels: 100_000 });
    expect(r.error).toMatchObject({ code: 'image-too-large', message: expect.stringMatching(/400×400/) });
  });

  it('a PDF page that would rasterise beyond the pixel limit', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([14_400, 14_400]); // 200 × 200 inches, the largest page PDF allows
    const file = path.join(tempDir(), 'huge.pdf');
    writeFileSync(file, await doc.save());
    const r = await importOne(tempArchive(), file);
    expect(r.error).toMatchObject({ code: 'image-too-large', message: expect.stringMatching(/60000×60000/) });
  });

  it('a file name that does not match the pattern', async () => {
    const file = await writePng(path.join(tempDir(), 'scan 17.png'), 100, 100);
    const r = await importOne(tempArchive(), file, { pattern: '{title}_{date:YYYY-MM-DD}_p{page}' });
    expect(r.error).toMatchObject({
      code: 'pattern-mismatch',
      message: expect.stringMatching(/"scan 17" does not match/),
    });
  });
});

describe('a batch with bad files in it', () => {
  it('imports every good file, records each failure, and leaves no half-imported page or orphan file', async () => {
    const archive = tempArchive();
    const dir = tempDir();
    const good1 = await writePng(path.join(dir, '01-good.png'), 300, 300, 1);
    const png = await writePng(path.join(dir, 'x.png'), 300, 300, 9);
    const bad1 = writeCorrupted(png, path.join(dir, '02-noise.png'), 40);
    const goodPdf = await writeTextPdf(path.join(dir, 'y.pdf'), [['one'], ['two'], ['three']]);
    // A three-page PDF whose last page is beyond the pixel limit: nothing of it may stay.
    const mixed = await PDFDocument.load(await import('node:fs').then((fs) => fs.readFileSync(goodPdf)));
    mixed.addPage([14_400, 14_400]);
    const bad2 = path.join(dir, '03-last-page-too-big.pdf');
    writeFileSync(bad2, await mixed.save());
    const empty = path.join(dir, '04-empty.tif');
    writeFileSync(empty, '');
    const good2 = await writeJpeg(path.join(dir, '05-good.jpg'), 200, 300, 2);
    const summary = await importScans(archive, [good1, bad1, bad2, empty, good2]);
    expect(summary.files.map((f) => f.outcome)).toEqual([
      'imported',
      'failed',
      'failed',
      'failed',
      'imported',
    ]);
    expect(listPages(archive.db).map((p) => p.sourceName)).toEqual(['01-good.png', '05-good.jpg']);
    expect(archiveStatus(archive.db).failures.map((f) => [path.basename(f.path), f.code])).toEqual([
      ['02-noise.png', 'image-corrupt'],
      ['03-last-page-too-big.pdf', 'image-too-large'],
      ['04-empty.tif', 'file-empty'],
    ]);
    expectNoOrphans(archive);
  });
});

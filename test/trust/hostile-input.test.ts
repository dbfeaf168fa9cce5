// Specific input that used to be accepted wrongly, crash, hang or corrupt: each case fails alone
// with a clear reason, or is read as it is meant.

import { once } from 'node:events';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/core/archive/archive.ts';
import { loadPageBlocks } from '../../src/core/archive/page-text.ts';
import { checkArchive } from '../../src/core/archive/check.ts';
import { listPages } from '../../src/core/archive/pages.ts';
import { exportCollection } from '../../src/core/export/export-collection.ts';
import { updatePageMetadata } from '../../src/core/archive/page-metadata.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { applyReplacements, findReplacements } from '../../src/core/text/replace.ts';
import { sendFile } from '../../src/cli/server/static-files.ts';
import { API } from '../../src/shared/api/contract.ts';
import { escapeForTerminal } from '../../src/shared/text/terminal.ts';
import { runCli } from '../fixtures/cli.ts';
import { writePng, writeTextPdf } from '../fixtures/scans.ts';
import { twoColumns, writeTextScan } from '../fixtures/text-scan.ts';
import { OcrRunner } from '../../src/core/jobs/ocr-runner.ts';
import { engineFactory } from '../../src/core/ocr/engines.ts';
import { queueOcr } from '../../src/core/ocr/queue-ocr.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

const lineTexts = (archive: ReturnType<typeof tempArchive>, pageId = 1) =>
  loadPageBlocks(archive.db, pageId).flatMap((b) => b.lines.map((l) => l.text));

async function scanWithOcr(ocr: string, name: string): Promise<{ dir: string; scan: string; ocr: string }> {
  const dir = tempDir();
  const scan = await writePng(path.join(dir, `${name}.png`), 1000, 800);
  const file = path.join(dir, `${name}.${ocr.startsWith('<?xml') && ocr.includes('alto') ? 'xml' : 'hocr'}`);
  writeFileSync(file, ocr);
  return { dir, scan, ocr: file };
}

describe('dates', () => {
  it('refuses a date that is not a real day through the API schema, the core and the CLI', async () => {
    expect(API.importFiles.input.safeParse({ paths: ['/x.png'], date: '2020-13-45' }).success).toBe(false);
    expect(API.importFiles.input.safeParse({ paths: ['/x.png'], date: '2018-02-30' }).success).toBe(false);
    expect(API.importFiles.input.safeParse({ paths: ['/x.png'], date: '2018-02-28' }).success).toBe(true);
    const archive = tempArchive();
    const png = await writePng(path.join(tempDir(), 'p.png'), 200, 200);
    const summary = await importScans(archive, [png], { date: '2020-13-45' });
    expect(summary.files[0]!.error).toMatchObject({ code: 'metadata-invalid' });
    expect(archive.db.prepare('SELECT COUNT(*) FROM issues').pluck().get()).toBe(0);
    await importScans(archive, [png], { date: '2020-12-01' });
    expect(() => updatePageMetadata(archive.db, 1, { date: '2018-02-30' }, 'u')).toThrow(/not a date/);
  });
});

describe('find and replace', () => {
  it('runs a catastrophic pattern in linear time instead of blocking', async () => {
    const archive = tempArchive();
    const dir = tempDir();
    const png = await writePng(path.join(dir, 'p.png'), 400, 300);
    const text = `${'a'.repeat(40)}!`;
    const hocr = `<html><body><div class="ocr_page" title="bbox 0 0 400 300"><span class="ocr_line" title="bbox 10 10 390 40">${text}</span></div></body></html>`;
    writeFileSync(path.join(dir, 'p.hocr'), hocr);
    await importScans(archive, [png], { ocrFrom: dir });
    expect(lineTexts(archive)).toEqual([text]);
    // JavaScript's RegExp takes 2^40 steps for this on that line; RE2 answers at once.
    expect(findReplacements(archive.db, { find: '(a+)+$', replacement: 'x', regex: true })).toEqual([]);
    expect(findReplacements(archive.db, { find: '(a+)+!$', replacement: 'x', regex: true })).toHaveLength(1);
    const { lines } = applyReplacements(archive.db, { find: '(a{2})a', replacement: '$1', regex: true }, 'u');
    expect(lines).toBe(1);
    expect(lineTexts(archive)[0]).toBe(`${'aa'.repeat(13)}a!`);
    expect(() => findReplacements(archive.db, { find: '(a)\\1', replacement: '', regex: true })).toThrow(
      /regular expression/,
    );
  });
});

describe('OCR files from elsewhere', () => {
  it('reads hOCR lines that stand right under ocr_page', async () => {
    const archive = tempArchive();
    const hocr = `<html><body><div class="ocr_page" title="bbox 0 0 1000 800">
      <span class="ocr_line" title="bbox 10 10 500 40"><span class="ocrx_word" title="bbox 10 10 200 40">Harbour</span> <span class="ocrx_word" title="bbox 220 10 500 40">news</span></span>
      <span class="ocr_line" title="bbox 10 60 500 90">second line</span></div></body></html>`;
    const f = await scanWithOcr(hocr, 'loose');
    const summary = await importScans(archive, [f.scan], { ocrFrom: f.dir });
    expect(summary.files[0]!.error).toBeNull();
    expect(lineTexts(archive)).toEqual(['Harbour news', 'second line']);
  });

  it('refuses ALTO with coordinates that are not numbers, and clips boxes to the page', async () => {
    const alto = (hpos: string) =>
      `<?xml version="1.0"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout><Page WIDTH="1000" HEIGHT="800" PHYSICAL_IMG_NR="1" ID="p"><PrintSpace><TextBlock ID="b" HPOS="0" VPOS="0" WIDTH="1000" HEIGHT="800"><TextLine ID="l" HPOS="${hpos}" VPOS="-17" WIDTH="5000" HEIGHT="40"><String ID="s" CONTENT="Word" HPOS="${hpos}" VPOS="-17" WIDTH="5000" HEIGHT="40"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>`;
    for (const bad of ['NaN', '1e308']) {
      const archive = tempArchive();
      const f = await scanWithOcr(alto(bad), `bad-${bad}`);
      const summary = await importScans(archive, [f.scan], { ocrFrom: f.dir });
      expect(summary.files[0]!.error).toMatchObject({
        code: 'ocr-file-invalid',
        message: expect.stringMatching(/not a usable number/),
      });
    }
    const archive = tempArchive();
    const f = await scanWithOcr(alto('10'), 'clip');
    expect((await importScans(archive, [f.scan], { ocrFrom: f.dir })).files[0]!.error).toBeNull();
    const line = archive.db.prepare('SELECT x0, y0, x1, y1 FROM lines').get();
    expect(line).toEqual({ x0: 10, y0: 0, x1: 1000, y1: 23 });
  });
});

describe('files as they are', () => {
  it('stores and hashes the same bytes when the file changes while it is imported', async () => {
    const dir = tempDir();
    const pdf = await writeTextPdf(
      path.join(dir, 'issue.pdf'),
      Array.from({ length: 8 }, (_, i) => [`page ${i + 1}`]),
      [612, 792],
    );
    const other = await writeTextPdf(path.join(tempDir(), 'other.pdf'), [['another file']], [612, 792]);
    const archive = tempArchive();
    const importing = importScans(archive, [pdf]);
    await new Promise((r) => setTimeout(r, 400)); // the pages are being rendered
    copyFileSync(other, pdf);
    const summary = await importing;
    expect(summary.files[0]!.outcome).toBe('imported');
    const report = await checkArchive(archive);
    expect(report.originals.changed).toEqual([]);
    expect(report.ok).toBe(true);
    expect(listPages(archive.db)).toHaveLength(8);
  });

  it('stores a JPEG whose EXIF orientation says it is turned upright, and OCR reads it', async () => {
    const dir = tempDir();
    const upright = await writeTextScan(path.join(dir, 'upright.png'), twoColumns());
    const turned = path.join(dir, 'turned.jpg');
    // The camera's pixels a quarter turn to the left, with EXIF 6: "turn right to view".
    await sharp(upright).rotate(-90).jpeg({ quality: 92 }).withMetadata({ orientation: 6 }).toFile(turned);
    const archive = tempArchive();
    const summary = await importScans(archive, [turned]);
    expect(summary.files[0]!.error).toBeNull();
    const page = listPages(archive.db)[0]!;
    expect([page.width, page.height]).toEqual([2100, 1200]);
    queueOcr(archive, { scope: { all: true }, languages: 'eng', engine: 'tesseract' });
    await new OcrRunner(archive, await engineFactory(archive), { workers: 1 }).run();
    expect(lineTexts(archive).join(' ').toLowerCase()).toMatch(/harbour board/);
  });

  it('puts the text layer of a PDF page with /Rotate 90 over the glyphs of its raster', async () => {
    /** Share of the raster's ink inside the text layer's word boxes, for the page turned by `turn`. */
    const coverage = async (turn: number) => {
      const doc = await PDFDocument.create();
      const font = await doc.embedFont(StandardFonts.Helvetica);
      const pdfPage = doc.addPage([400, 300]);
      pdfPage.drawText('Backfile reads newspapers', { x: 30, y: 200, size: 24, font });
      pdfPage.drawText('in every direction', { x: 30, y: 150, size: 24, font });
      pdfPage.setRotation(degrees(turn));
      const file = path.join(tempDir(), `turned-${turn}.pdf`);
      writeFileSync(file, await doc.save());
      const archive = tempArchive();
      expect((await importScans(archive, [file])).files[0]!.error).toBeNull();
      const page = listPages(archive.db)[0]!;
      expect(page.height > page.width).toBe(turn === 90); // shown turned: portrait
      expect(lineTexts(archive)).toEqual(['Backfile reads newspapers', 'in every direction']);
      const { data, info } = await sharp(archive.resolve(page.rasterPath))
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const boxes = archive.db.prepare('SELECT x0, y0, x1, y1 FROM words').all() as {
        x0: number;
        y0: number;
        x1: number;
        y1: number;
      }[];
      const lines = archive.db.prepare('SELECT x0, y0, x1, y1 FROM lines').all() as typeof boxes;
      if (turn === 90) for (const b of lines) expect(b.y1 - b.y0).toBeGreaterThan(b.x1 - b.x0); // lines run down
      let ink = 0;
      let covered = 0;
      for (let y = 0; y < info.height; y++)
        for (let x = 0; x < info.width; x++) {
          if (data[y * info.width + x]! > 128) continue;
          ink++;
          if (boxes.some((b) => x >= b.x0 - 2 && x <= b.x1 + 2 && y >= b.y0 - 2 && y <= b.y1 + 2)) covered++;
        }
      expect(ink).toBeGreaterThan(1000);
      return covered / ink;
    };
    const upright = await coverage(0);
    expect(upright).toBeGreaterThan(0.9); // the boxes' descent is a CJK em box's, short of Latin descenders
    expect(await coverage(90)).toBeGreaterThan(upright - 0.01);
  });

  it('follows links to files and folders inside an imported folder, and reports a broken one', async () => {
    const outside = tempDir();
    await writePng(path.join(outside, 'linked.png'), 200, 200, 3);
    mkdirSync(path.join(outside, 'more'));
    await writePng(path.join(outside, 'more', 'deeper.png'), 200, 200, 4);
    const dir = tempDir();
    await writePng(path.join(dir, 'plain.png'), 200, 200, 5);
    symlinkSync(path.join(outside, 'linked.png'), path.join(dir, 'link.png'));
    symlinkSync(path.join(outside, 'more'), path.join(dir, 'folder-link'));
    symlinkSync(dir, path.join(dir, 'loop')); // a link to the folder itself
    symlinkSync(path.join(outside, 'gone.png'), path.join(dir, 'broken.png'));
    const archive = tempArchive();
    const summary = await importScans(archive, [dir]);
    expect(summary.imported).toBe(3);
    expect(summary.failed).toBe(1);
    expect(summary.files.find((f) => f.outcome === 'failed')).toMatchObject({
      path: expect.stringContaining('broken.png'),
      error: { code: 'file-not-found' },
    });
  });
});

describe('export targets', () => {
  it('never writes into the archive, over a file, or into a non-empty folder, also through a link', async () => {
    const archive = tempArchive();
    await importScans(archive, [await writePng(path.join(tempDir(), 'p.png'), 200, 200)]);
    const db = path.join(archive.dir, 'archive.sqlite');
    const before = readFileSync(db);
    const link = path.join(tempDir(), 'into-archive');
    symlinkSync(archive.dir, link);
    const busy = tempDir();
    writeFileSync(path.join(busy, 'letter.txt'), 'mine');
    for (const [out, zip] of [
      [db, true],
      [path.join(archive.dir, 'files', 'x'), false],
      [path.join(link, 'export'), false],
      [path.join(link, 'export.zip'), true],
      [busy, false],
    ] as const) {
      await expect(exportCollection(archive, { format: 'txt', out, zip })).rejects.toThrow(
        /outside the archive|not an empty folder|exists already|ending in \.zip/,
      );
    }
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(readFileSync(path.join(busy, 'letter.txt'), 'utf8')).toBe('mine');
    const cli = runCli(['export', '--archive', archive.dir, '--format', 'txt', '--out', busy]);
    expect(cli.status).not.toBe(0);
    expect(cli.stderr).toMatch(/not an empty folder/);
  });
});

describe('the archive itself', () => {
  it('refuses another program’s SQLite file named archive.sqlite, and changes nothing in it', () => {
    const dir = tempDir();
    const foreign = new Database(path.join(dir, 'archive.sqlite'));
    foreign.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    foreign.close();
    expect(() => openArchive(dir)).toThrow(/not a Backfile archive/);
    const again = new Database(path.join(dir, 'archive.sqlite'));
    expect(again.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(1);
    again.close();
    const ours = tempArchive();
    expect(ours.db.pragma('application_id', { simple: true })).toBe(0x426b466c);
  });
});

describe('names on the terminal', () => {
  it('shows ESC and newlines in file names as escapes', async () => {
    expect(escapeForTerminal('a\u001b[2Jb\nc')).toBe('a\\u{1b}[2Jb\\nc');
    const dir = tempDir();
    const name = 'evil\u001b[31m\nname.png';
    await writePng(path.join(dir, name), 200, 200);
    const archiveDir = path.join(tempDir(), 'archive');
    const imported = runCli(['import', '--archive', archiveDir, dir]);
    expect(imported.status).toBe(0);
    expect(imported.stderr).not.toContain('\u001b[31m');
    expect(imported.stderr).toContain('evil\\u{1b}[31m\\nname.png');
    const pages = runCli(['pages', '--archive', archiveDir]);
    expect(pages.stdout.trim().split('\n')).toHaveLength(1); // one record, not split by the newline
    expect(pages.stdout).not.toContain('\u001b');
  });
});

describe('the local server', () => {
  it('answers a file it cannot read with a status and stays up', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'a-folder'));
    const server = http.createServer((req, res) => sendFile(res, path.join(dir, req.url!.slice(1))));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    try {
      const missing = await fetch(`http://127.0.0.1:${port}/gone.jpg`);
      expect(missing.status).toBe(404);
      await fetch(`http://127.0.0.1:${port}/a-folder`).then(
        (r) => r.arrayBuffer(),
        () => null,
      );
      writeFileSync(path.join(dir, 'ok.jpg'), 'bytes');
      const ok = await fetch(`http://127.0.0.1:${port}/ok.jpg`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe('bytes');
    } finally {
      server.close();
    }
  });
});

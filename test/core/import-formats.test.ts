import { existsSync, mkdirSync, readFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { listPages } from '../../src/core/archive/pages.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { sha256File } from '../../src/core/archive/file-store.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';
import {
  COMMITTED,
  writeJpeg,
  writeMultiPageTiff,
  writePng,
  writeTextPdf,
  writeTiff,
  type TiffVariant,
} from '../fixtures/scans.ts';

describe('import of every scan format', () => {
  it('imports a PNG as one page with its pixel size, keeping the original byte-exact under its sha256', async () => {
    const archive = tempArchive();
    const file = await writePng(path.join(tempDir(), 'p1.png'), 640, 900);
    const summary = await importScans(archive, [file]);
    expect(summary.failed).toBe(0);
    const [page] = listPages(archive.db);
    expect(page).toMatchObject({ width: 640, height: 900, sourceName: 'p1.png', sourceIndex: 0 });
    const sha = await sha256File(file);
    expect(page!.sourceSha256).toBe(sha);
    const stored = archive.resolve(page!.rasterPath);
    expect(readFileSync(stored).equals(readFileSync(file))).toBe(true);
    expect(stored).toContain(sha);
  });

  it('imports a JPEG and makes its thumbnail and Deep Zoom tiles', async () => {
    const archive = tempArchive();
    const file = await writeJpeg(path.join(tempDir(), 'front.jpg'), 1200, 1600);
    await importScans(archive, [file]);
    const [page] = listPages(archive.db);
    expect(page).toMatchObject({ width: 1200, height: 1600 });
    const thumb = await sharp(archive.resolve(page!.thumbnailPath)).metadata();
    expect(thumb.width).toBe(320);
    const dzi = readFileSync(archive.resolve(page!.tilesPath), 'utf8');
    expect(dzi).toContain('Width="1200"');
    expect(dzi).toContain('Height="1600"');
    // The deepest level is full resolution: 1200/254 → 5 columns of tiles.
    const levels = path.join(path.dirname(archive.resolve(page!.tilesPath)), 'page_files');
    expect(existsSync(path.join(levels, '11', '4_6.jpeg'))).toBe(true);
  });

  it.each<TiffVariant>(['lzw-grey', 'lzw-colour', 'g4', '16bit', 'deflate'])(
    'imports a %s TIFF',
    async (variant) => {
      const archive = tempArchive();
      const file = await writeTiff(path.join(tempDir(), `scan-${variant}.tif`), 500, 700, variant);
      const summary = await importScans(archive, [file]);
      expect(summary.files[0]!.error).toBeNull();
      const [page] = listPages(archive.db);
      expect(page).toMatchObject({ width: 500, height: 700 });
      const master = await sharp(archive.resolve(page!.rasterPath)).metadata();
      expect(master.format).toBe('png');
      expect(master.depth).toBe('uchar');
      expect([master.width, master.height]).toEqual([500, 700]);
    },
  );

  it('makes one page per directory of a multi-page TIFF, in order, with distinct rasters', async () => {
    const archive = tempArchive();
    const file = await writeMultiPageTiff(path.join(tempDir(), 'issue.tif'), 3, 300, 400);
    const summary = await importScans(archive, [file]);
    expect(summary.pages).toBe(3);
    const pages = listPages(archive.db);
    expect(pages.map((p) => p.sourceIndex)).toEqual([0, 1, 2]);
    expect(pages.map((p) => p.sequence)).toEqual([1, 2, 3]);
    const hashes = await Promise.all(pages.map((p) => sha256File(archive.resolve(p.rasterPath))));
    expect(new Set(hashes).size).toBe(3);
  });

  it('decodes JPEG 2000 offline', async () => {
    const archive = tempArchive();
    const { jp2, jp2Source: png } = COMMITTED;
    const summary = await importScans(archive, [jp2]);
    expect(summary.files[0]!.error).toBeNull();
    const [page] = listPages(archive.db);
    expect(page).toMatchObject({ width: 210, height: 155 });
    // Lossless JPEG 2000: the decoded master has the same pixels as the PNG it was made from.
    const a = await sharp(archive.resolve(page!.rasterPath)).greyscale().raw().toBuffer();
    const b = await sharp(png).greyscale().raw().toBuffer();
    expect(a.equals(b)).toBe(true);
  });

  it('rasterises each PDF page at the chosen dpi and keeps its text layer with positions', async () => {
    const archive = tempArchive();
    const file = await writeTextPdf(path.join(tempDir(), 'two.pdf'), [
      ['Backfile archive page one'],
      ['Second page text'],
    ]);
    await importScans(archive, [file], { dpi: 150 });
    const pages = listPages(archive.db);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatchObject({ width: 625, height: 833, dpi: 150, textSource: 'pdf' }); // 300×400 pt at 150 dpi
    const line = archive.db
      .prepare('SELECT text, x0, y0, x1, y1 FROM lines WHERE page_id = ?')
      .get(pages[0]!.id) as {
      text: string;
      x0: number;
      y0: number;
      x1: number;
      y1: number;
    };
    expect(line.text).toBe('Backfile archive page one');
    // Drawn at x = 40 pt, baseline 340 pt from the bottom: 83 px in, baseline at (400-340)·150/72 = 125 px.
    expect(line.x0).toBeCloseTo(83, -1);
    expect(line.y1).toBeGreaterThan(118);
    expect(line.y0).toBeLessThan(125);
    const words = archive.db
      .prepare(
        'SELECT w.text FROM words w JOIN lines l ON l.id = w.line_id WHERE l.page_id = ? ORDER BY w.position',
      )
      .all(pages[0]!.id);
    expect(words.map((w) => (w as { text: string }).text)).toEqual(['Backfile', 'archive', 'page', 'one']);
  });

  it('walks folders recursively in natural file-name order and skips files that are not scans', async () => {
    const archive = tempArchive();
    const dir = tempDir();
    mkdirSync(path.join(dir, 'b'));
    await writePng(path.join(dir, 'p10.png'), 100, 100, 10);
    await writePng(path.join(dir, 'p2.png'), 100, 100, 2);
    await writePng(path.join(dir, 'b', 'p1.png'), 100, 100, 1);
    copyFileSync(path.join(dir, 'p2.png'), path.join(dir, 'notes.txt'));
    const summary = await importScans(archive, [dir]);
    expect(summary.files.map((f) => path.relative(dir, f.path))).toEqual([
      path.join('b', 'p1.png'),
      'p2.png',
      'p10.png',
    ]);
  });

  it('does not duplicate a file imported twice, even under another name', async () => {
    const archive = tempArchive();
    const dir = tempDir();
    const file = await writePng(path.join(dir, 'a.png'), 200, 200);
    copyFileSync(file, path.join(dir, 'copy-of-a.png'));
    const first = await importScans(archive, [file]);
    const second = await importScans(archive, [file, path.join(dir, 'copy-of-a.png')]);
    expect(first.imported).toBe(1);
    expect(second.files.map((f) => f.outcome)).toEqual(['duplicate', 'duplicate']);
    expect(second.files[0]!.pageIds).toEqual(first.files[0]!.pageIds);
    expect(listPages(archive.db)).toHaveLength(1);
    expect((archive.db.prepare('SELECT COUNT(*) AS n FROM files').get() as { n: number }).n).toBe(1);
  });
});

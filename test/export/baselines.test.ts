// Baselines: kept from the PAGE, ALTO and hOCR a page was imported with, taken from a PDF's text
// positions, derived from the words where an engine gives none, and written by ALTO (BASELINE),
// PAGE (Baseline) and hOCR (baseline) so that they come back as they went out.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { exportPages } from '../../src/core/export/export-pages.ts';
import { OcrRunner } from '../../src/core/jobs/ocr-runner.ts';
import { engineFactory } from '../../src/core/ocr/engines.ts';
import { queueOcr } from '../../src/core/ocr/queue-ocr.ts';
import { loadPageLines } from '../../src/core/archive/page-text.ts';
import { derivedBaseline } from '../../src/shared/line-baseline.ts';
import type { Polygon } from '../../src/shared/geometry.ts';
import { FONT_SIZE, LINE_PITCH, twoColumns, writeTextScan } from '../fixtures/text-scan.ts';
import { writePng } from '../fixtures/scans.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';
import { validateXml } from '../fixtures/xml-validate.ts';

const pointsOf = (s: string): Polygon =>
  s
    .trim()
    .split(/\s+/)
    .map((p) => p.split(',').map(Number) as [number, number]);

/** y of a straight baseline at x. */
function yAt(baseline: Polygon, x: number): number {
  const [[x0, y0], [x1, y1]] = [baseline[0]!, baseline.at(-1)!];
  return x1 === x0 ? y0 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}

/** Every TextLine of an export with its baseline points, in document order. */
function altoBaselines(xml: string): Polygon[] {
  return [...xml.matchAll(/<TextLine [^>]*BASELINE="([^"]+)"/g)].map((m) => pointsOf(m[1]!));
}
function pageBaselines(xml: string): Polygon[] {
  return [...xml.matchAll(/<TextLine[^>]*>(?:<Coords[^>]*\/>)<Baseline points="([^"]+)"/g)].map((m) =>
    pointsOf(m[1]!),
  );
}

describe('derived baselines', () => {
  const word = (text: string, x0: number, y1: number) => ({
    text,
    box: { x0, y0: y1 - 30, x1: x0 + 80, y1 },
    confidence: 0.9,
  });

  it('stand on the feet of the words without descenders, not on the descenders', () => {
    const line = {
      box: { x0: 0, y0: 70, x1: 500, y1: 110 },
      words: [
        word('Harbour', 0, 100),
        word('quay', 100, 110),
        word('board', 200, 100),
        word('gypsy', 300, 110),
      ],
    };
    const [[, a], [, b]] = derivedBaseline(line) as [[number, number], [number, number]];
    expect(a).toBeCloseTo(100, 5);
    expect(b).toBeCloseTo(100, 5);
  });

  it('follow a line set slightly askew', () => {
    const line = {
      box: { x0: 0, y0: 60, x1: 400, y1: 130 },
      words: [word('one', 0, 100), word('two', 100, 105), word('three', 200, 110), word('four', 300, 115)],
    };
    const baseline = derivedBaseline(line);
    expect(yAt(baseline, 40)).toBeCloseTo(100, 5);
    expect(yAt(baseline, 340)).toBeCloseTo(115, 5);
  });

  it('never leave the line box', () => {
    const line = { box: { x0: 0, y0: 0, x1: 100, y1: 20 }, words: [] };
    for (const [, y] of derivedBaseline(line)) expect(y).toBeLessThanOrEqual(20);
  });

  it('lie on the printed baseline of a page read by tesseract (known from how the page was set)', async () => {
    const archive = tempArchive();
    const file = await writeTextScan(path.join(tempDir(), 'harbour.png'), twoColumns());
    const { files } = await importScans(archive, [file]);
    queueOcr(archive, { scope: { all: true }, languages: 'eng', engine: 'tesseract' });
    expect(await new OcrRunner(archive, await engineFactory(archive), { workers: 1 }).run()).toMatchObject({
      done: 1,
    });
    const [altoFile] = exportPages(archive, 'alto', tempDir());
    const xml = readFileSync(altoFile!, 'utf8');
    const baselines = altoBaselines(xml);
    const lines = loadPageLines(archive.db as never, files[0]!.pageIds[0]!);
    expect(baselines).toHaveLength(lines.length);
    expect(lines.length).toBeGreaterThanOrEqual(8);
    // The text scan sets line i of a column with its baseline at y + (i + 1) × pitch.
    const printed = twoColumns().flatMap((c) => c.lines.map((_, i) => c.y + (i + 1) * LINE_PITCH));
    for (const baseline of baselines) {
      const y = yAt(baseline, (baseline[0]![0] + baseline.at(-1)![0]) / 2);
      const nearest = Math.min(...printed.map((p) => Math.abs(p - y)));
      expect(nearest).toBeLessThanOrEqual(0.1 * FONT_SIZE);
    }
    expect((await validateXml(altoFile!, 'alto')).valid).toBe(true);
  }, 120_000);
});

describe('baselines a source gives', () => {
  it('come back from PAGE, ALTO and hOCR exactly as imported, slanted ones included', async () => {
    const dir = tempDir();
    const image = await writePng(path.join(dir, 'scan.png'), 1200, 800);
    const lines = [
      { box: '100,100 700,100 700,150 100,150', baseline: '100,140 400,142 700,145', text: 'Erste Zeile' },
      { box: '100,200 700,200 700,260 100,260', baseline: '100,250 700,250', text: 'Zweite Zeile' },
    ];
    writeFileSync(
      path.join(dir, 'scan.xml'),
      `<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">
<Metadata><Creator>test</Creator><Created>2026-01-01T00:00:00</Created><LastChange>2026-01-01T00:00:00</LastChange></Metadata>
<Page imageFilename="scan.png" imageWidth="1200" imageHeight="800">
<TextRegion id="r1" type="paragraph"><Coords points="90,90 710,90 710,270 90,270"/>
${lines
  .map(
    (l, i) =>
      `<TextLine id="l${i}"><Coords points="${l.box}"/><Baseline points="${l.baseline}"/><TextEquiv><Unicode>${l.text}</Unicode></TextEquiv></TextLine>`,
  )
  .join('\n')}
</TextRegion></Page></PcGts>`,
    );
    const archive = tempArchive();
    const summary = await importScans(archive, [image], { ocrFrom: dir });
    expect(summary.files[0]!.error).toBeNull();

    const out = tempDir();
    const files = Object.fromEntries(
      (['page', 'alto', 'hocr'] as const).map((format) => [format, exportPages(archive, format, out)[0]!]),
    );
    const read = (format: keyof typeof files) => readFileSync(files[format]!, 'utf8');
    const given = lines.map((l) => pointsOf(l.baseline));
    expect(pageBaselines(read('page'))).toEqual(given);
    expect(altoBaselines(read('alto'))).toEqual(given);
    // hOCR has straight baselines only: its line runs through the first and last point.
    const hocrLines = [
      ...read('hocr').matchAll(
        /class="ocr_line"[^>]*title="bbox (\d+) \d+ \d+ (\d+); baseline (\S+) (\S+)"/g,
      ),
    ];
    expect(hocrLines).toHaveLength(2);
    hocrLines.forEach((m, i) => {
      const [x0, yBottom, slope, offset] = m.slice(1).map(Number) as [number, number, number, number];
      const first = given[i]![0]!;
      const last = given[i]!.at(-1)!;
      expect(yBottom + offset).toBeCloseTo(first[1], 0);
      expect(slope).toBeCloseTo((last[1] - first[1]) / (last[0] - first[0]), 3);
      expect(x0).toBe(first[0]);
    });
    expect((await validateXml(files.page!, 'page')).valid).toBe(true);
    expect((await validateXml(files.alto!, 'alto')).valid).toBe(true);
  });

  it("from a PDF's text layer: each line's baseline is where the PDF sets its text", async () => {
    const archive = tempArchive();
    const { files } = await importScans(archive, [samplePage(3, 'page.pdf')]);
    const lines = loadPageLines(archive.db as never, files[0]!.pageIds[0]!);
    expect(lines.length).toBeGreaterThan(20);
    for (const { line } of lines) {
      expect(line.baseline).toBeDefined();
      const height = line.box.y1 - line.box.y0;
      // Inside the line, nearer its foot than its head: glyphs stand on it, descenders hang below.
      for (const [x, y] of line.baseline!) {
        expect(y).toBeGreaterThan(line.box.y0 + 0.5 * height);
        expect(y).toBeLessThanOrEqual(line.box.y1 + 0.5);
        expect(x).toBeGreaterThanOrEqual(line.box.x0 - 0.5);
        expect(x).toBeLessThanOrEqual(line.box.x1 + 0.5);
      }
    }
  });
});

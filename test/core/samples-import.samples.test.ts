// The shared sample pages: every PNG, TIFF and PDF imports with the right page count and pixel
// size, and the born-digital PDFs' text layer comes back as Chinese text on the printed lines.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listPages } from '../../src/core/archive/pages.ts';
import { loadPageBlocks } from '../../src/core/archive/page-text.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { openPdfSource } from '../../src/core/pdf/pdf-source.ts';
import { boxCentre, boxContainsPoint, type Box } from '../../src/shared/geometry.ts';
import { foldCompatibility, withoutWhitespace } from '../../src/shared/text/normalise.ts';
import { samplePage, SAMPLES } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';

interface TruthLine {
  bbox: [number, number, number, number];
  text: string;
}

function truthLines(page: number): { box: Box; text: string }[] {
  const truth = JSON.parse(readFileSync(samplePage(page, 'truth.json'), 'utf8')) as { lines: TruthLine[] };
  return truth.lines.map((l) => ({
    box: { x0: l.bbox[0], y0: l.bbox[1], x1: l.bbox[2], y1: l.bbox[3] },
    text: l.text,
  }));
}

describe('the shared sample pages', () => {
  it('import with the right number of pages and pixel sizes', async () => {
    const archive = tempArchive();
    const files = [
      `${SAMPLES}/pages/scans_degraded.tif`,
      ...[1, 2, 3].flatMap((n) =>
        ['page.pdf', 'scan_300dpi.png', 'scan_degraded.png', 'scan_degraded.pdf'].map((f) =>
          samplePage(n, f),
        ),
      ),
    ];
    const summary = await importScans(archive, files);
    expect(summary.failed).toBe(0);
    const pages = listPages(archive.db);
    expect(pages).toHaveLength(3 + 12);
    const size = (name: string) =>
      pages.filter((p) => p.sourceName === name).map((p) => `${p.width}×${p.height}`);
    expect(size('scans_degraded.tif')).toEqual(['2333×3300', '2333×3300', '2333×3300']);
    expect(size('scan_300dpi.png')).toEqual(['3500×4950', '3500×4950', '3500×4950']);
    expect(size('scan_degraded.png')).toEqual(['2333×3300', '2333×3300', '2333×3300']);
    // 840 × 1188 pt at the default 300 dpi.
    expect(size('page.pdf')).toEqual(['3500×4950', '3500×4950', '3500×4950']);
    expect(size('scan_degraded.pdf')).toEqual(['3500×4950', '3500×4950', '3500×4950']);
    expect(pages.filter((p) => p.textSource === 'pdf').map((p) => p.sourceName)).toEqual([
      'page.pdf',
      'page.pdf',
      'page.pdf',
    ]);
    // The text layer went into the archive with the page.
    const pdfPage = pages.find((p) => p.sourceName === 'page.pdf')!;
    const text = loadPageBlocks(archive.db, pdfPage.id)
      .flatMap((b) => b.lines.map((l) => l.text))
      .join('');
    expect(text).toContain('交城县农特产品在第二届吕梁名');
  });

  it.each([1, 2, 3])(
    'page %i: the PDF text layer matches the printed lines, at their positions',
    async (n) => {
      const source = await openPdfSource(samplePage(n, 'page.pdf'), { dpi: 300, maxPixels: 250e6 });
      const page = await source.readPage(0);
      await source.close();
      const lines = page.text!.blocks.flatMap((b) => b.lines);
      const truth = truthLines(n);
      let exact = 0;
      for (const t of truth) {
        // The words whose centres fall inside the printed line's box, in order, must spell its text.
        const words = lines.flatMap((l) => l.words).filter((w) => boxContainsPoint(t.box, boxCentre(w.box)));
        const read = foldCompatibility(withoutWhitespace(words.map((w) => w.text).join('')));
        const expected = withoutWhitespace(t.text);
        if (read === expected) exact++;
      }
      expect(exact / truth.length).toBeGreaterThanOrEqual(0.99);
      // And the normalised text has no compatibility forms left.
      expect(lines.map((l) => l.text).join('')).not.toMatch(/[\u2E80-\u2FDF]/u);
    },
  );
});

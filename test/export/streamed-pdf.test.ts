// The searchable PDF of scans is written page by page: a page's image is made only once the
// page before it has been written out, so an issue of 300 pages holds one page image at a
// time, not the issue. The result is a PDF poppler reads, with every page and its text.

import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  writeSearchablePdf,
  writeSearchablePdfFile,
  type PdfPage,
} from '../../src/core/export/formats/searchable-pdf.ts';
import { tempDir } from '../fixtures/temp.ts';

const META = { title: 'Gazette 1911-03-01', date: '1911-03-01', language: 'en' };

function pages(n: number, made: (index: number) => void): PdfPage[] {
  return Array.from({ length: n }, (_, i) => ({
    widthPx: 400,
    heightPx: 600,
    dpi: 100,
    lines: [{ text: `Harbour news page ${i + 1}`, box: { x0: 20, y0: 40, x1: 380, y1: 70 } }],
    jpeg: async () => {
      made(i);
      return sharp({ create: { width: 400, height: 600, channels: 3, background: '#f4f1e8' } })
        .jpeg()
        .toBuffer();
    },
  }));
}

describe('the streamed searchable PDF', () => {
  it('makes each page image only after the page before it is written', async () => {
    let written = 0;
    const writtenWhenMade: number[] = [];
    await writeSearchablePdf(
      pages(4, () => writtenWhenMade.push(written)),
      META,
      (chunk) => (written += chunk.length),
    );
    expect(writtenWhenMade).toHaveLength(4);
    // Each image is asked for after more has gone out than when the one before was: its page
    // (image, text, page object) was written in between.
    for (let i = 1; i < 4; i++) expect(writtenWhenMade[i]!).toBeGreaterThan(writtenWhenMade[i - 1]! + 1000);
  });

  it('writes a file poppler reads: every page, and each page’s text', async () => {
    const file = path.join(tempDir(), 'issue.pdf');
    await writeSearchablePdfFile(
      pages(3, () => undefined),
      META,
      file,
    );
    expect(statSync(file).size).toBeGreaterThan(3000);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+3$/m);
    expect(info).toMatch(/^Title:\s+Gazette 1911-03-01$/m);
    const text = execFileSync('pdftotext', ['-f', '3', '-l', '3', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Harbour news page 3');
  });
});

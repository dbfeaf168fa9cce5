// A long PDF (thirty pages: the three sample pages over and over, joined with pdf-lib):
// every page is imported with its own text, also after the reader has opened the document afresh
// (it does every 25 pages, to keep its memory flat), and the texts that waited on disk for the
// file to be recorded are gone afterwards.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadPageBlocks } from '../../src/core/archive/page-text.ts';
import { pageToPlainText } from '../../src/core/export/page-text-export.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

describe('a long PDF', () => {
  it('imports every page with its own text, past the reader opening the document afresh', async () => {
    const pdf = path.join(tempDir(), 'long.pdf');
    const long = await PDFDocument.create();
    const samples = await Promise.all(
      [1, 2, 3].map(async (n) => PDFDocument.load(readFileSync(samplePage(n, 'page.pdf')))),
    );
    for (let i = 0; i < 30; i++) {
      const [copy] = await long.copyPages(samples[i % 3]!, [0]);
      long.addPage(copy);
    }
    writeFileSync(pdf, await long.save());
    const archive = tempArchive();
    // 60 dpi keeps the test quick; the text layer does not depend on it.
    const summary = await importScans(archive, [pdf], { dpi: 60 });
    const ids = summary.files[0]!.pageIds;
    expect(ids).toHaveLength(30);
    const text = (i: number) => pageToPlainText(loadPageBlocks(archive.db, ids[i]!));
    for (const i of [0, 1, 2]) expect(text(i).length).toBeGreaterThan(1000);
    // Pages 26–30 were read after the reopening: each has the text of its sample page.
    for (const i of [25, 26, 27, 28, 29]) expect(text(i)).toBe(text(i % 3));
    expect(text(27)).not.toBe(text(28));
    const leftovers = readdirSync(archive.dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('text.json'),
    );
    expect(leftovers).toEqual([]);
  });
});

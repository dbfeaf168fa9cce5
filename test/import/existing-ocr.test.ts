// Existing OCR (ALTO, PAGE XML, hOCR) imported beside its page images: round trips through
// Backfile's own exports. The NZZ's real ground truth is in existing-ocr.samples.test.ts.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPages } from '../../src/core/export/export-pages.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { samplePage } from '../fixtures/samples.ts';
import { insertTruthRegions } from '../fixtures/crops.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';
import { validateXml } from '../fixtures/xml-validate.ts';

describe('importing existing OCR', () => {
  it.each(['alto', 'page', 'hocr'] as const)(
    'round-trips %s: export, import beside the image, export again — same text and boxes',
    async (format) => {
      const archive = tempArchive();
      await importScans(archive, [samplePage(3, 'page.pdf')]);
      insertTruthRegions(archive, 3);
      const first = tempDir();
      exportPages(archive, format, first, { withImages: true });
      const [ocrFile] = readdirSync(first).filter((f) => f.endsWith('.xml') || f.endsWith('.html'));
      const image = readdirSync(first).find((f) => f.endsWith('.png'))!;

      const second = tempArchive();
      const summary = await importScans(second, [path.join(first, image)], { ocrFrom: first });
      expect(summary.files[0]!.error).toBeNull();
      const again = tempDir();
      exportPages(second, format, again);
      const strip = (xml: string) =>
        xml
          .replace(/<(Created|LastChange|processingDateTime)>[^<]*</g, '<$1><')
          .replace(/<Creator>[^<]*</, '<Creator><')
          .replace(/ocr-system" content="[^"]*"/, 'ocr-system');
      const a = strip(readFileSync(path.join(first, ocrFile!), 'utf8'));
      const b = strip(readFileSync(path.join(again, readdirSync(again)[0]!), 'utf8'));
      expect(b.replace(/OCRProcessing.*?<\/OCRProcessing>/, '')).toBe(
        a.replace(/OCRProcessing.*?<\/OCRProcessing>/, ''),
      );
      if (format !== 'hocr')
        expect((await validateXml(path.join(again, readdirSync(again)[0]!), format)).valid).toBe(true);
    },
  );
});

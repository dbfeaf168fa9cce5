// OCR accuracy on a whole degraded sample scan from ../shared, through the job queue.

import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/core/archive/archive.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { OcrRunner } from '../../src/core/jobs/ocr-runner.ts';
import { loadPageBlocks } from '../../src/core/archive/page-text.ts';
import { engineFactory } from '../../src/core/ocr/engines.ts';
import { queueOcr } from '../../src/core/ocr/queue-ocr.ts';
import { pageToPlainText } from '../../src/core/export/page-text-export.ts';
import { bagOfCharactersF1, characterErrorRate } from '../../src/shared/text/error-rate.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempDir } from '../fixtures/temp.ts';

describe('OCR accuracy on a whole sample page', () => {
  it('reads the degraded scan of page 2 with a character error rate under 20% and finds 97% of its characters', async () => {
    const archive = openArchive(path.join(tempDir(), 'archive'));
    try {
      await importScans(archive, [samplePage(2, 'scan_degraded.png')]);
      queueOcr(archive, { scope: { all: true } });
      await new OcrRunner(archive, await engineFactory(archive), { workers: 1 }).run();
      const read = pageToPlainText(loadPageBlocks(archive.db, 1));
      const truth = readFileSync(samplePage(2, 'page.txt'), 'utf8');
      expect(characterErrorRate(read, truth)).toBeLessThan(0.2);
      expect(bagOfCharactersF1(read, truth).f1).toBeGreaterThan(0.97);
    } finally {
      archive.close();
    }
  });
});

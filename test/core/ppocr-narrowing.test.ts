// PP-OCR reads its line crops narrowed to what the page's characters need (recognise.ts): the
// narrowing follows from the characters' CTC steps at full width, and reading narrowed loses
// nothing the full-width reading has — Latin words among them, which keep half the steps of a
// CJK character. Real models on real pixels; where the page's time goes is recorded stage by
// stage when asked.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pageNarrowing, TARGET_STEPS, type PieceReading } from '../../src/core/ocr/ppocr/recognise.ts';
import { ppOcrFactory } from '../../src/core/ocr/ppocr/ppocr-engine.ts';
import { StageTimes } from '../../src/core/ocr/stage-times.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { OcrRunner } from '../../src/core/jobs/ocr-runner.ts';
import { queueOcr } from '../../src/core/ocr/queue-ocr.ts';
import { bagOfCharactersF1 } from '../../src/shared/text/error-rate.ts';
import type { Block } from '../../src/shared/model.ts';
import { writeTextScan } from '../fixtures/text-scan.ts';
import { cleanScan, samplePage } from '../fixtures/samples.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

const reading = (characters: number, steps: number): PieceReading => ({
  characters: Array.from({ length: characters }, (_, i) => ({ text: '字', confidence: 0.99, x: i })),
  steps,
});

const text = (blocks: Block[]) => blocks.flatMap((b) => b.lines.map((l) => l.text)).join('\n');

describe('PP-OCR crop narrowing', () => {
  it('brings the median character of the sample to the target steps, and never widens', () => {
    // Six steps a character at full width (a clean 300-dpi scan): narrowed to 4/6.
    const clean = [reading(10, 60), reading(12, 72), reading(9, 54), reading(2, 40)];
    expect(pageNarrowing(clean)).toBeCloseTo(TARGET_STEPS / 6, 5);
    // Already tight (a loose box on a degraded scan, or Latin text): read as it is.
    expect(pageNarrowing([reading(10, 35), reading(10, 30)])).toBe(1);
    // Nothing to measure by (no piece with a few characters): full width.
    expect(pageNarrowing([reading(2, 50)])).toBe(1);
    expect(pageNarrowing([])).toBe(1);
  });

  it('loses no Latin letter that the full-width reading has', async () => {
    const lines = [
      'illicit milliners will fill little hills',
      'The harbour board met on Tuesday 1887',
      'minimum illumination willfully iii lll',
      'Mississippi, Tallahassee; killjoy 0.001%',
    ];
    const file = path.join(tempDir(), 'latin.png');
    await writeTextScan(file, [{ x: 60, y: 20, lines }], 1500, 340);
    const image = readFileSync(file);
    const read = async (narrow: boolean) => {
      const engine = await ppOcrFactory(1, narrow).create('eng');
      try {
        return text(await engine.recognise({ image, languages: 'eng', segmentation: 'page', dpi: 300 }));
      } finally {
        await engine.terminate();
      }
    };
    const full = await read(false);
    expect(bagOfCharactersF1(full, lines.join('\n')).f1).toBeGreaterThan(0.97);
    expect(await read(true)).toBe(full);
  });

  it('keeps the characters of a Chinese page, reading few of its lines twice', async () => {
    // The top third of a clean 300-dpi sample page: headline, body columns, a caption.
    const source = await cleanScan(1);
    const { width, height } = await sharp(source).metadata();
    const image = await sharp(source)
      .extract({ left: 0, top: 0, width: width!, height: Math.round(height! / 3) })
      .png()
      .toBuffer();
    const truth = readFileSync(samplePage(1, 'page.txt'), 'utf8');
    const read = async (narrow: boolean) => {
      const engine = await ppOcrFactory(1, narrow).create('chi_sim');
      const times = new StageTimes();
      try {
        const blocks = await engine.recognise({
          image,
          languages: 'chi_sim',
          segmentation: 'page',
          dpi: 300,
          times,
        });
        const recognition = times.totals().find((t) => t.stage === 'recognition inference')!;
        return {
          text: text(blocks),
          recognitionCalls: recognition.times,
          stages: times.totals().map((t) => t.stage),
        };
      } finally {
        await engine.terminate();
      }
    };
    const full = await read(false);
    const narrow = await read(true);
    // Every stage of the engine is timed.
    expect(full.stages).toEqual(
      expect.arrayContaining([
        'engine decode',
        'detection input',
        'detection inference',
        'detection boxes',
        'recognition crops',
        'recognition inference',
        'recognition decoding',
        'lines and words',
      ]),
    );
    // The same characters, whichever width (order-free: the page's other two thirds are not read,
    // so only what was read is compared with the full-width reading).
    expect(bagOfCharactersF1(narrow.text, full.text).f1).toBeGreaterThan(0.995);
    expect(bagOfCharactersF1(narrow.text, truth).precision).toBeGreaterThan(0.99);
    // Narrowed, a sample of the lines is read at full width and a few are read again: more
    // calls than lines, but far fewer than reading everything twice.
    expect(narrow.recognitionCalls).toBeGreaterThanOrEqual(full.recognitionCalls);
    expect(narrow.recognitionCalls).toBeLessThan(1.5 * full.recognitionCalls);
  });

  it('a run records where its pages’ time went, database write included', async () => {
    const archive = tempArchive();
    const file = path.join(tempDir(), 'two-columns.png');
    await writeTextScan(
      file,
      [{ x: 60, y: 40, lines: ['The harbour board met on Tuesday', 'to discuss the new quay'] }],
      1400,
      300,
    );
    await importScans(archive, [file], { dpi: 300 });
    queueOcr(archive, { scope: { all: true }, engine: 'ppocr', languages: 'eng' });
    const times = new StageTimes();
    const summary = await new OcrRunner(archive, ppOcrFactory(1), { workers: 1, times }).run();
    expect(summary.done).toBe(1);
    const stages = new Map(times.totals().map((t) => [t.stage, t]));
    for (const stage of [
      'prepare image',
      'detection inference',
      'recognition inference',
      'database write',
    ] as const) {
      expect(stages.get(stage)?.ms).toBeGreaterThan(0);
      expect(stages.get(stage)?.times).toBeGreaterThanOrEqual(1);
    }
  });
});

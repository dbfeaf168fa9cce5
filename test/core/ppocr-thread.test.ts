// PP-OCR in a worker thread of its own (ppocr-threaded.ts): it reads what the engine reads on
// the calling thread, gives its stages' times back, and a stop ends a reading under way at once
// (the pool's pause and cancel rely on it).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ppOcrFactory } from '../../src/core/ocr/ppocr/ppocr-engine.ts';
import { threadedPpOcrFactory } from '../../src/core/ocr/ppocr/ppocr-threaded.ts';
import { StageTimes } from '../../src/core/ocr/stage-times.ts';
import type { Block } from '../../src/shared/model.ts';
import { cleanScan } from '../fixtures/samples.ts';
import { writeTextScan, twoColumns } from '../fixtures/text-scan.ts';
import { tempDir } from '../fixtures/temp.ts';

const text = (blocks: Block[]) => blocks.flatMap((b) => b.lines.map((l) => l.text)).join('\n');

describe('PP-OCR in its own thread', () => {
  it('reads what the engine on the calling thread reads, with progress and stage times', async () => {
    const file = path.join(tempDir(), 'two-columns.png');
    await writeTextScan(file, twoColumns());
    const image = readFileSync(file);
    const request = { image, languages: 'eng', segmentation: 'page' as const, dpi: 300 };
    const here = await ppOcrFactory(1).create('eng');
    const expected = text(await here.recognise(request));
    await here.terminate();
    const threaded = await threadedPpOcrFactory(1).create('eng');
    try {
      const shares: number[] = [];
      const times = new StageTimes();
      const blocks = await threaded.recognise({ ...request, times, onProgress: (s) => shares.push(s) });
      expect(text(blocks)).toBe(expected);
      expect(expected).toContain('harbour');
      expect(shares.length).toBeGreaterThan(0);
      expect(Math.max(...shares)).toBeLessThanOrEqual(1);
      const recognition = times.totals().find((t) => t.stage === 'recognition inference');
      expect(recognition?.times).toBeGreaterThanOrEqual(8);
      expect(threaded.source('eng').engine).toBe('ppocr');
    } finally {
      await threaded.terminate();
    }
  });

  it('a stop ends a page being read within two seconds, and the engine refuses more work', async () => {
    const image = readFileSync(await cleanScan(1));
    const engine = await threadedPpOcrFactory(1).create('chi_sim');
    let progressed = false;
    const reading = engine.recognise({
      image,
      languages: 'chi_sim',
      segmentation: 'page',
      dpi: 300,
      onProgress: () => (progressed = true),
    });
    const outcome = reading.then(
      () => 'finished',
      (error: Error) => error.message,
    );
    // Well into the page (its first detection tile read), then stopped.
    while (!progressed) await new Promise((r) => setTimeout(r, 50));
    const stopped = performance.now();
    await engine.terminate();
    expect(await outcome).toMatch(/stopped/);
    expect(performance.now() - stopped).toBeLessThan(2000);
    await expect(engine.recognise({ image, languages: 'chi_sim', segmentation: 'page' })).rejects.toThrow(
      /stopped/,
    );
  });
});

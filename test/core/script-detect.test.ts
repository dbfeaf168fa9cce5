// `auto`, the default language: each page read with the model of the script it is set in, found
// from the page. Real pages made on the spot: the same Chinese text set in simplified and in
// traditional characters (the same layout, so only the script differs), and English and German
// columns; read by the real runner with PP-OCR and tesseract. The NZZ's Fraktur is in script-detect.samples.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js/cn2t';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { mainTextSource } from '../../src/core/archive/page-text.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { OcrRunner } from '../../src/core/jobs/ocr-runner.ts';
import { engineFactory } from '../../src/core/ocr/engines.ts';
import { queueOcr } from '../../src/core/ocr/queue-ocr.ts';
import { chineseScript, chooseLatinScript, latinLanguage } from '../../src/core/ocr/script-detect.ts';
import type { Block } from '../../src/shared/model.ts';
import { runCli } from '../fixtures/cli.ts';
import { samplePage } from '../fixtures/samples.ts';
import { writeTextScan } from '../fixtures/text-scan.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Three columns of a sample page's text at 300 dpi, in the given CJK font. */
async function chineseScan(file: string, text: string, font: string): Promise<string> {
  const chars = [...text.replace(/\s+/g, '')];
  const lines: string[] = [];
  for (let i = 0; i < chars.length && lines.length < 90; i += 22) lines.push(chars.slice(i, i + 22).join(''));
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = lines
    .map(
      (l, i) =>
        `<text x="${100 + Math.floor(i / 30) * 1150}" y="${200 + (i % 30) * 80}" font-family="${font}" font-size="48">${escape(l)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="3600" height="2800"><rect width="100%" height="100%" fill="white"/>${body}</svg>`;
  await sharp(Buffer.from(svg), { density: 72 }).greyscale().png().toFile(file);
  return file;
}

const block = (text: string, confidence: number): Block => ({
  box: { x0: 0, y0: 0, x1: 10, y1: 10 },
  lines: [
    {
      box: { x0: 0, y0: 0, x1: 10, y1: 10 },
      rawText: text,
      text,
      confidence,
      words: text.split(' ').map((w) => ({ box: { x0: 0, y0: 0, x1: 1, y1: 1 }, text: w, confidence })),
    },
  ],
});

describe('choosing the script', () => {
  const text = readFileSync(samplePage(1, 'page.txt'), 'utf8');

  it('finds Chinese where most letters read are Chinese characters, in the script of their forms', () => {
    expect(chineseScript([block(text, 0.9)])).toMatchObject({ script: 'hans', languages: 'chi_sim' });
    expect(chineseScript([block(toTraditional(text), 0.9)])).toMatchObject({
      script: 'hant',
      languages: 'chi_tra',
    });
    // A misread character or two of the other script does not turn the page.
    const misread = toTraditional(text.slice(0, 400)).slice(0, 8) + text.slice(0, 400);
    expect(chineseScript([block(misread, 0.9)])?.script).toBe('hans');
    // A Latin page, and a page read as nothing, are probed as Latin.
    expect(chineseScript([block('Der Rat und die Stadt 议会', 0.9)])).toBeNull();
    expect(chineseScript([block('. , ;', 0.9)])).toBeNull();
  });

  it('keeps the Latin model that read the strips with the most confidence', () => {
    const readings = (best: string) =>
      ['frk', 'eng'].map((probe) => ({
        probe,
        blocks: [block('der Rat und die Stadt', probe === best ? 0.8 : 0.4)],
      }));
    expect(chooseLatinScript(readings('frk')).languages).toBe('frk');
    // Latin Antiqua: German here, by its words.
    expect(chooseLatinScript(readings('eng'))).toMatchObject({ script: 'latin', languages: 'deu' });
  });

  it('tells German from English by their commonest words, and weighs marks little', () => {
    expect(latinLanguage([block('The board met and the town agreed to the cost of it', 0.9)])).toBe('eng');
    expect(latinLanguage([block('Der Rat hat die Kosten für den Hafen und das Ufer', 0.9)])).toBe('deu');
    // A probe that reads only punctuation, confidently, does not win over one that read words.
    const marks = [
      { probe: 'frk', blocks: [block('Der Rat', 0.6)] },
      { probe: 'eng', blocks: [block('. , ; : . ,', 0.99)] },
    ];
    expect(chooseLatinScript(marks).script).toBe('fraktur');
  });
});

describe('reading with auto', () => {
  it('reads each page with its script: simplified, traditional, English, German', async () => {
    const dir = tempDir();
    const text = readFileSync(samplePage(1, 'page.txt'), 'utf8');
    const files = [
      await chineseScan(path.join(dir, 'simplified.png'), text, 'Noto Serif CJK SC'),
      await chineseScan(path.join(dir, 'traditional.png'), toTraditional(text), 'Noto Serif CJK TC'),
      await writeTextScan(path.join(dir, 'english.png'), [
        {
          x: 60,
          y: 200,
          lines: [
            'The harbour board met on Tuesday to discuss',
            'the new quay and the cost of dredging the',
            'channel. Members agreed to ask the town for',
            'a loan, and the mayor said that it was time.',
          ],
        },
      ]),
      await writeTextScan(path.join(dir, 'german.png'), [
        {
          x: 60,
          y: 200,
          lines: [
            'Der Stadtrat hat am Dienstag die Kosten für den',
            'neuen Hafen und das Ufer der Limmat beraten. Die',
            'Mitglieder wollen die Regierung um ein Darlehen',
            'bitten, und der Präsident sagte, es sei nicht zu spät.',
          ],
        },
      ]),
    ];
    const archive = tempArchive();
    const summary = await importScans(archive, files);
    expect(summary.failed).toBe(0);
    queueOcr(archive, { scope: { all: true } });
    const run = await new OcrRunner(archive, (name) => engineFactory(archive, name), { workers: 2 }).run();
    expect(run).toMatchObject({ done: 4, failed: 0 });
    // Simplified Chinese is read with PP-OCR (engines.ts chooseEngine), the rest with tesseract
    // in the language found.
    const read = summary.files.map((f) => mainTextSource(archive.db, f.pageIds[0]!)!);
    expect(read.map((s) => s.engine)).toEqual(['ppocr', 'tesseract.js', 'tesseract.js', 'tesseract.js']);
    expect(read.slice(1).map((s) => s.model.split(' ')[0])).toEqual(['chi_tra', 'eng', 'deu']);
    // `backfile pages` shows the setting and what auto chose.
    const listed = JSON.parse(runCli(['pages', '--archive', archive.dir, '--json']).stdout) as {
      language: string;
      readWith: string;
    }[];
    expect(listed.map((p) => p.language)).toEqual(['auto', 'auto', 'auto', 'auto']);
    expect(listed[1]!.readWith).toMatch(/^tesseract\.js chi_tra /);
  });
});

// Every language a page is read with is loaded: tesseract.js 7, given `chi_sim+eng` (how Backfile
// reads Chinese pages), loaded the Chinese model alone, its English model lost to a garbled name
// (decision 006). A line of English with a Chinese name in it is read by Backfile's own engine
// with the Chinese model alone and with both; if English is loaded, its words read surer.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareLanguageFolder } from '../../src/core/ocr/language-data.ts';
import { tesseractFactory } from '../../src/core/ocr/tesseract-engine.ts';

const LINE = 'The quick brown fox jumps over 1998 Beijing Review 新华社';
const dir = mkdtempSync(path.join(os.tmpdir(), 'tesseract-languages-'));
let folder = '';
let image: Buffer;

beforeAll(async () => {
  folder = (await prepareLanguageFolder(dir, null)).dir;
  image = await sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1500" height="120"><rect width="100%" height="100%" fill="white"/><text x="20" y="75" font-family="DejaVu Serif, serif" font-size="44">${LINE}</text></svg>`,
    ),
  )
    .png()
    .toBuffer();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The mean confidence of the line's Latin words, read with these languages. */
async function latinConfidence(languages: string): Promise<number> {
  const engine = await tesseractFactory(folder).create(languages);
  try {
    const blocks = await engine.recognise({ image, languages, segmentation: 'line', dpi: 300 });
    const words = blocks
      .flatMap((b) => b.lines.flatMap((l) => l.words))
      .filter((w) => /^[A-Za-z]+$/.test(w.text));
    expect(words.map((w) => w.text).join(' ')).toBe('The quick brown fox jumps over Beijing Review');
    return words.reduce((a, w) => a + (w.confidence ?? 0), 0) / words.length;
  } finally {
    await engine.terminate();
  }
}

describe('the languages a page is read with', () => {
  for (const chinese of ['chi_sim', 'chi_tra'])
    it(`are all loaded: ${chinese}+eng reads English words surer than ${chinese} alone`, async () => {
      const alone = await latinConfidence(chinese);
      const both = await latinConfidence(`${chinese}+eng`);
      // Measured: 0.89 alone, 0.95 with English (0.89 both ways while English was lost).
      expect(both).toBeGreaterThan(alone + 0.03);
    });
});

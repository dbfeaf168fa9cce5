// bench/tesseract-languages: whether tesseract.js loads every language it is given. Backfile's
// own engine (tesseract-engine.ts, its packaged language folder) reads one line of English with a
// Chinese name in it, once per language list; the mean word confidence and the text show which
// models read it. A list whose reading is the same as its first language's alone did not load
// the rest. Found with "Failed loading language" and a garbled name in tesseract's output for
// `chi_sim+eng` (docs/decisions/007-speed.md, the tesseract.js note).
// Run: node bench/tesseract-languages.ts [languages …]   (default: the lists below)

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { prepareLanguageFolder } from '../src/core/ocr/language-data.ts';
import { tesseractFactory } from '../src/core/ocr/tesseract-engine.ts';

const LISTS =
  process.argv.length > 2
    ? process.argv.slice(2)
    : ['eng', 'chi_sim', 'chi_sim+eng', 'eng+chi_sim', 'chi_tra', 'chi_tra+eng', 'eng+chi_tra'];
const LINE = 'The quick brown fox jumps over 1998 Beijing Review 新华社';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-languages-'));
try {
  const folder = await prepareLanguageFolder(dir, null);
  const image = await sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1500" height="120"><rect width="100%" height="100%" fill="white"/><text x="20" y="75" font-family="DejaVu Serif, serif" font-size="44">${LINE}</text></svg>`,
    ),
  )
    .png()
    .toBuffer();
  console.log(`bench/tesseract-languages — one line: "${LINE}"`);
  console.log('| languages | mean word confidence | text read |');
  console.log('|---|---|---|');
  for (const languages of LISTS) {
    const engine = await tesseractFactory(folder.dir).create(languages);
    try {
      const blocks = await engine.recognise({ image, languages, segmentation: 'line', dpi: 300 });
      const words = blocks.flatMap((b) => b.lines.flatMap((l) => l.words));
      const confidence = words.reduce((a, w) => a + (w.confidence ?? 0), 0) / Math.max(1, words.length);
      const text = blocks.flatMap((b) => b.lines.map((l) => l.text)).join(' / ');
      console.log(`| ${languages} | ${confidence.toFixed(3)} | ${text} |`);
    } finally {
      await engine.terminate();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

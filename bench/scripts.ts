// bench/scripts: the scripts archives hold beyond modern Chinese, read as a new user gets them
// (`backfile import`, `backfile ocr` with the languages given or `auto`, the page text export).
// - nzz: the NZZ Fraktur front pages in ../shared/samples/real/nzz, word F1 (order-free, over
//   white-space separated words) against their PAGE ground truth; native tesseract 5 with the
//   same language as the reference in the same run.
// Run: node bench/scripts.ts [--langs auto,frk,eng] [--pages 1800,1933] [--no-native] [--dump DIR]
//      (--dump writes each page's text and its truth, to see what was misread)

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openArchive } from '../src/core/archive/archive.ts';
import { loadPageBlocks, mainTextSource } from '../src/core/archive/page-text.ts';
import { pageToPlainText } from '../src/core/export/page-text-export.ts';
import { importScans } from '../src/core/import/importer.ts';
import { OcrRunner, defaultWorkerCount } from '../src/core/jobs/ocr-runner.ts';
import { engineFactory } from '../src/core/ocr/engines.ts';
import { queueOcr } from '../src/core/ocr/queue-ocr.ts';
import { bagOfWordsF1 } from '../src/shared/text/error-rate.ts';
import { nativeTesseractTexts } from './lib/native-tesseract.ts';
import { nzzSet } from './lib/script-sets.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]!.split(',') : null;
};
const LANGS = arg('langs') ?? ['auto'];
const ONLY = arg('pages');

interface Page {
  name: string;
  image: string;
  truth: string;
}

const nzzPages = (): Page[] =>
  nzzSet(ONLY ?? undefined).pages.map((p) => ({ name: p.name, image: p.file, truth: p.truth }));

async function backfile(
  pages: Page[],
  languages: string,
): Promise<{ texts: string[]; seconds: number; chosen: string[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-scripts-'));
  const archive = openArchive(path.join(dir, 'archive'));
  try {
    const started = performance.now();
    const summary = await importScans(
      archive,
      pages.map((p) => p.image),
      { title: 'Neue Zürcher Zeitung' },
    );
    queueOcr(archive, {
      scope: { all: true },
      ...(languages === 'auto' ? {} : { languages }),
      confirmed: true,
    });
    await new OcrRunner(archive, (name) => engineFactory(archive, name), {
      workers: defaultWorkerCount(),
    }).run();
    const ids = summary.files.map((f) => f.pageIds[0]!);
    const texts = ids.map((id) => pageToPlainText(loadPageBlocks(archive.db, id)));
    // The languages each page was read with, as its text source records them.
    const chosen = ids.map((id) => mainTextSource(archive.db, id)?.model.split(' ')[0] ?? '?');
    return { texts, seconds: (performance.now() - started) / 1000, chosen };
  } finally {
    archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function native(pages: Page[], languages: string): Promise<{ texts: string[]; seconds: number }> {
  const started = performance.now();
  const texts = await nativeTesseractTexts(pages.length, (i) => pages[i]!.image, [
    '-l',
    languages,
    '--psm',
    '3',
  ]);
  return { texts, seconds: (performance.now() - started) / 1000 };
}

const pages = nzzPages();
const pad = (s: string, n: number) => s.padEnd(n);
console.log(`NZZ Fraktur, ${pages.length} pages: word F1 against the PAGE ground truth`);
console.log(
  `${pad('run', 34)} ${pages.map((p) => pad(p.name.slice(4, 8), 6)).join(' ')}  mean   seconds  chosen`,
);
const dump = arg('dump')?.[0];
const report = (label: string, texts: string[], seconds: number, chosen = '') => {
  if (dump) {
    mkdirSync(dump, { recursive: true });
    texts.forEach((t, i) => {
      const stem = path.join(dump, `${pages[i]!.name}.${label.replace(/\W+/g, '_')}`);
      writeFileSync(`${stem}.txt`, t);
      writeFileSync(path.join(dump, `${pages[i]!.name}.truth.txt`), pages[i]!.truth);
    });
  }
  const f1 = texts.map((t, i) => bagOfWordsF1(t, pages[i]!.truth).f1);
  const mean = f1.reduce((a, b) => a + b, 0) / f1.length;
  console.log(
    `${pad(label, 34)} ${f1.map((f) => pad(f.toFixed(3), 6)).join(' ')}  ${mean.toFixed(3)}  ${seconds.toFixed(0).padStart(7)}  ${chosen}`,
  );
  return seconds;
};
for (const languages of LANGS) {
  const ours = await backfile(pages, languages);
  const s = report(`backfile --lang ${languages}`, ours.texts, ours.seconds, ours.chosen.join(' '));
  if (!process.argv.includes('--no-native')) {
    const reference = languages === 'auto' ? 'frk' : languages;
    const theirs = await native(pages, reference);
    const t = report(`native tesseract -l ${reference}`, theirs.texts, theirs.seconds);
    console.log(`${pad('  time ratio backfile / native', 34)} ${(s / t).toFixed(2)}`);
  }
}

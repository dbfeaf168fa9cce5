// bench/accuracy: how much of a page comes out right, in order, as a new user gets it
// (`backfile import`, `backfile ocr`, `backfile segment`, the page text export), on the sample
// pages with exact ground truth. Per page and in total, split into the pages used while choosing
// rules and the pages held out of it:
// - ordered CER: edit distance of the page text to page.txt (white space ignored), so every
//   line in the wrong place counts;
// - order-free character F1: what was read at all, whatever the order;
// - articles: article parts recovered exactly (article text CER ≤ 2 % against articles/sNN.txt),
//   photos paired with their caption, and stories that jump linked into one article.
// Kinds: born-digital PDF, shuffled PDF (content stream in random order), clean 300-dpi scan,
// degraded 200-dpi scan, 100-dpi JPEG; engines: auto (the default: by the script found and the
// resolution), tesseract.js, PP-OCR, and native tesseract 5 (psm 3) as the reference in the same run.
// Scripts beyond modern Chinese (bench/lib/script-sets.ts), each read with `auto` against native
// tesseract with the language that reads it best: fraktur (the NZZ front pages, word F1 against
// their PAGE ground truth), vertical-clean and vertical-degraded (made vertical traditional-
// Chinese pages, character F1), latin72 (English three-column pages at 72 dpi, word F1).
// Run: node bench/accuracy.ts [--kinds pdf,shuffled,clean,degraded,jpeg,fraktur,vertical-clean,vertical-degraded,latin72]
//      [--engines auto,tesseract,ppocr,native]
//      [--pages pages/page-01,...] [--verbose] [--dump DIR]
//      (--dump writes each page's text, per kind and engine, beside its truth, to see what went wrong)

import { mkdtempSync, mkdirSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { openArchive, type Archive } from '../src/core/archive/archive.ts';
import { loadPageBlocks, mainTextSource } from '../src/core/archive/page-text.ts';
import { assembleArticle } from '../src/core/articles/assemble.ts';
import { listArticles } from '../src/core/articles/articles.ts';
import { pageToPlainText } from '../src/core/export/page-text-export.ts';
import { importScans } from '../src/core/import/importer.ts';
import { OcrRunner, defaultWorkerCount } from '../src/core/jobs/ocr-runner.ts';
import { engineFactory, type EngineChoice } from '../src/core/ocr/engines.ts';
import { queueOcr } from '../src/core/ocr/queue-ocr.ts';
import { segmentArchivePage } from '../src/core/layout/segment-service.ts';
import { linkIssueJumps } from '../src/core/layout/jumps.ts';
import { bagOfCharactersF1, bagOfWordsF1, characterErrorRate } from '../src/shared/text/error-rate.ts';
import { comparableText, truthPages, type TruthPage } from './lib/truth.ts';
import { nativeTesseractTexts } from './lib/native-tesseract.ts';
import {
  VERTICAL_HELD_OUT,
  VERTICAL_TUNING,
  bareText,
  nzzSet,
  smallLatinSet,
  verticalSet,
  type ScriptPage,
  type ScriptSet,
} from './lib/script-sets.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]!.split(',') : null;
};
const KIND_NAMES = arg('kinds') ?? [
  'pdf',
  'shuffled',
  'clean',
  'degraded',
  'jpeg',
  'fraktur',
  'vertical-clean',
  'vertical-degraded',
  'latin72',
];
const ENGINES = arg('engines') ?? ['auto', 'tesseract', 'ppocr', 'native'];
const DUMP = arg('dump')?.[0] ?? null;
const ONLY = arg('pages');
const VERBOSE = process.argv.includes('--verbose');
const ARTICLE_CER = 0.02;

interface Kind {
  name: string;
  scan: boolean;
  /** Writes the page's input file of this kind, returns its path. */
  make(page: TruthPage, file: string): Promise<string>;
}

const copy = (source: string) => async (page: TruthPage, file: string) => {
  copyFileSync(path.join(page.dir, source), `${file}.pdf`);
  return `${file}.pdf`;
};
const KINDS: Kind[] = [
  { name: 'pdf', scan: false, make: copy('page.pdf') },
  { name: 'shuffled', scan: false, make: copy('page_shuffled.pdf') },
  {
    name: 'clean',
    scan: true,
    make: async (page, file) => {
      await sharp(path.join(page.dir, 'scan_300dpi.png'))
        .withMetadata({ density: 300 })
        .toFile(`${file}.png`);
      return `${file}.png`;
    },
  },
  {
    name: 'degraded',
    scan: true,
    make: async (page, file) => {
      await sharp(path.join(page.dir, 'scan_degraded.png'))
        .withMetadata({ density: 200 })
        .toFile(`${file}.png`);
      return `${file}.png`;
    },
  },
  {
    name: 'jpeg',
    scan: true,
    make: async (page, file) => {
      // The clean scan at 100 dpi, JPEG quality 60: body characters about 13 px high.
      await sharp(path.join(page.dir, 'scan_300dpi.png'))
        .resize({ width: 1167 })
        .withMetadata({ density: 100 })
        .jpeg({ quality: 60 })
        .toFile(`${file}.jpg`);
      return `${file}.jpg`;
    },
  },
];

interface PageScore {
  page: TruthPage;
  cer: number;
  f1: number;
  parts: number;
  recovered: number;
  photos: number;
  paired: number;
}

interface RunScore {
  kind: string;
  engine: string;
  pages: PageScore[];
  jumps: number;
  linked: number;
  seconds: number;
}

/** The text of each article on a page, limited to the regions of that page. */
function articlesOnPage(
  archive: Archive,
  pageId: number,
): { text: string; photos: number; paired: number }[] {
  const out: { text: string; photos: number; paired: number }[] = [];
  for (const record of listArticles(archive.db)) {
    const article = assembleArticle(archive.db, record.id, { pageId });
    if (article.pages.length === 0) continue;
    out.push({
      text: comparableText(article),
      photos: article.photos.filter((p) => p.regionId !== null).length,
      paired: article.photos.filter((p) => p.regionId !== null && p.caption).length,
    });
  }
  return out;
}

async function runBackfile(kind: Kind, engine: string, pages: TruthPage[]): Promise<RunScore> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-accuracy-'));
  const archive = openArchive(path.join(dir, 'archive'));
  const inputs = path.join(dir, 'in');
  mkdirSync(inputs);
  try {
    const files = await Promise.all(
      pages.map((p) => kind.make(p, path.join(inputs, `Wenyuhe_${p.set}_p${p.number}`))),
    );
    const started = performance.now();
    const summary = await importScans(archive, files, {
      pattern: '{title}_{edition}_p{page}',
      date: '2018-10-19',
    });
    const failed = summary.files.filter((f) => f.outcome === 'failed');
    if (failed.length) throw new Error(`import failed: ${failed.map((f) => f.error?.message).join('; ')}`);
    if (kind.scan) {
      queueOcr(archive, { scope: { all: true }, engine: engine as EngineChoice, confirmed: true });
      await new OcrRunner(archive, (name) => engineFactory(archive, name), {
        workers: defaultWorkerCount(),
      }).run();
    }
    const pageIds = summary.files.map((f) => f.pageIds[0]!);
    for (const id of pageIds) await segmentArchivePage(archive, id);
    const issues = new Set(
      pageIds.map(
        (id) => archive.db.prepare('SELECT issue_id FROM pages WHERE id = ?').pluck().get(id) as number,
      ),
    );
    for (const issue of issues) linkIssueJumps(archive, issue);
    const seconds = (performance.now() - started) / 1000;
    const scores = pages.map((page, i): PageScore => {
      const pageId = pageIds[i]!;
      const text = pageToPlainText(loadPageBlocks(archive.db, pageId));
      if (DUMP) {
        const name = `${page.set}-p${page.number}`;
        mkdirSync(DUMP, { recursive: true });
        writeFileSync(path.join(DUMP, `${name}.${kind.name}.${engine}.txt`), text);
        writeFileSync(path.join(DUMP, `${name}.truth.txt`), page.text);
      }
      const ours = articlesOnPage(archive, pageId);
      const best = page.articles.map((truth) =>
        Math.min(Infinity, ...ours.map((a) => characterErrorRate(a.text, truth.text))),
      );
      const recovered = best.filter((cer) => cer <= ARTICLE_CER).length;
      if (VERBOSE)
        page.articles.forEach((truth, k) => {
          if (best[k]! > ARTICLE_CER)
            console.log(
              `    ${page.name} ${kind.name} ${engine}: part ${truth.id} missed, nearest article CER ${pct(best[k]!)}`,
            );
        });
      if (DUMP) {
        const name = `${page.set}-p${page.number}`;
        writeFileSync(
          path.join(DUMP, `${name}.${kind.name}.${engine}.articles.txt`),
          ours.map((a, k) => `=== article ${k + 1}\n${a.text}\n`).join('\n'),
        );
        writeFileSync(
          path.join(DUMP, `${name}.truth.articles.txt`),
          page.articles.map((a) => `=== ${a.id}\n${a.text}\n`).join('\n'),
        );
      }
      return {
        page,
        cer: characterErrorRate(text, page.text),
        f1: bagOfCharactersF1(text, page.text).f1,
        parts: page.articles.length,
        recovered,
        photos: page.articles.reduce((n, a) => n + a.photos, 0),
        paired: Math.min(
          page.articles.reduce((n, a) => n + a.photos, 0),
          ours.reduce((n, a) => n + a.paired, 0),
        ),
      };
    });
    // A story that jumps is linked when one article holds its parts on both pages.
    let jumps = 0;
    let linked = 0;
    for (const page of pages) {
      for (const part of page.articles.filter((a) => a.continuesOn !== null)) {
        const next = pages.find((p) => p.set === page.set && p.number === part.continuesOn);
        if (!next) continue;
        jumps++;
        const here = pageIds[pages.indexOf(page)]!;
        const there = pageIds[pages.indexOf(next)]!;
        const one = listArticles(archive.db).some((r) => {
          const a = assembleArticle(archive.db, r.id);
          return a.pages.includes(here) && a.pages.includes(there);
        });
        if (one) linked++;
      }
    }
    return {
      kind: kind.name,
      engine: kind.scan ? engine : 'text layer',
      pages: scores,
      jumps,
      linked,
      seconds,
    };
  } finally {
    archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Native tesseract 5 on the same files, two at a time, single-threaded each (its fastest on 2 cores). */
async function runNative(kind: Kind, pages: TruthPage[]): Promise<RunScore> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-accuracy-native-'));
  try {
    const started = performance.now();
    const texts = await nativeTesseractTexts(
      pages.length,
      (i) => kind.make(pages[i]!, path.join(dir, `p${i}`)),
      ['-l', 'chi_sim', '--psm', '3', '-c', 'preserve_interword_spaces=1'],
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      kind: kind.name,
      engine: 'native tesseract 5 (reference)',
      pages: pages.map((page, i) => ({
        page,
        cer: characterErrorRate(texts[i]!, page.text),
        f1: bagOfCharactersF1(texts[i]!, page.text).f1,
        parts: page.articles.length,
        recovered: NaN,
        photos: 0,
        paired: NaN,
      })),
      jumps: 0,
      linked: NaN,
      seconds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(x * 100).toFixed(1)} %`);
const ratio = (a: number, b: number) => (Number.isNaN(a) ? '–' : `${a}/${b}`);

function summarise(score: RunScore, label: string, pages: PageScore[]): string {
  if (pages.length === 0) return '';
  const mean = (f: (p: PageScore) => number) => pages.reduce((n, p) => n + f(p), 0) / pages.length;
  const sum = (f: (p: PageScore) => number) => pages.reduce((n, p) => n + f(p), 0);
  const worst = Math.max(...pages.map((p) => p.cer));
  return `| ${score.kind} | ${score.engine} | ${label} (${pages.length}) | ${pct(mean((p) => p.cer))} | ${pct(worst)} | ${mean((p) => p.f1).toFixed(3)} | ${ratio(
    sum((p) => p.recovered),
    sum((p) => p.parts),
  )} | ${ratio(
    sum((p) => p.paired),
    sum((p) => p.photos),
  )} |`;
}

const pages = truthPages().filter((p) => !ONLY || ONLY.includes(p.name));
if (pages.length === 0) throw new Error('No sample pages found beside the repository (../shared/samples).');
const sampleKinds = KINDS.filter((k) => KIND_NAMES.includes(k.name));
console.log(
  `bench/accuracy — ${pages.length} sample pages (${pages.filter((p) => p.heldOut).length} held out of tuning), ${os.cpus().length} cores, Node ${process.version}`,
);
const results: RunScore[] = [];
for (const kind of sampleKinds) {
  const engines = kind.scan ? ENGINES : ['text layer'];
  for (const engine of engines) {
    const score = engine === 'native' ? await runNative(kind, pages) : await runBackfile(kind, engine, pages);
    results.push(score);
    if (VERBOSE) {
      for (const p of score.pages)
        console.log(
          `  ${score.kind} ${score.engine} ${p.page.name}${p.page.heldOut ? ' (held out)' : ''}: CER ${pct(p.cer)}, F1 ${p.f1.toFixed(3)}, articles ${ratio(p.recovered, p.parts)}, photos paired ${ratio(p.paired, p.photos)}`,
        );
    }
  }
}
if (results.length > 0)
  console.log(
    '\n| kind | engine | pages | ordered CER (mean) | worst page | char F1 | article parts exact | photos with caption |',
  );
if (results.length > 0) console.log('|---|---|---|---|---|---|---|---|');
for (const score of results) {
  for (const [label, list] of [
    ['tuning', score.pages.filter((p) => !p.page.heldOut)],
    ['held out', score.pages.filter((p) => p.page.heldOut)],
  ] as const) {
    const row = summarise(score, label, list);
    if (row) console.log(row);
  }
}
if (results.length > 0) {
  console.log('\n| kind | engine | jumped stories linked | seconds |');
  console.log('|---|---|---|---|');
}
for (const score of results)
  console.log(
    `| ${score.kind} | ${score.engine} | ${ratio(score.linked, score.jumps)} | ${score.seconds.toFixed(0)} |`,
  );

// Scripts beyond modern Chinese: `auto` against native tesseract with the kind's own language.
const SCRIPT_KINDS: Record<string, (dir: string) => Promise<ScriptSet>> = {
  fraktur: async () => nzzSet(),
  'vertical-clean': (dir) => verticalSet(dir, [...VERTICAL_TUNING, ...VERTICAL_HELD_OUT], 'clean'),
  'vertical-degraded': (dir) => verticalSet(dir, [...VERTICAL_TUNING, ...VERTICAL_HELD_OUT], 'degraded'),
  latin72: (dir) => smallLatinSet(dir),
};
const scriptKinds = Object.keys(SCRIPT_KINDS).filter((k) => KIND_NAMES.includes(k));
if (scriptKinds.length > 0) {
  console.log(
    '\n| kind | engine | pages | ordered CER (mean) | worst page | F1 (mean) | F1 unit | read with | seconds |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
}
for (const name of scriptKinds) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-accuracy-scripts-'));
  try {
    const set = await SCRIPT_KINDS[name]!(dir);
    const runs: { engine: string; texts: string[]; seconds: number; chosen?: string[] }[] = [
      { engine: 'auto', ...(await readWithAuto(set)) },
      ...(ENGINES.includes('native')
        ? [{ engine: `native tesseract -l ${set.native}`, ...(await readNatively(set)) }]
        : []),
    ];
    for (const run of runs) {
      for (const part of ['tuning', 'held out'] as const) {
        const scored = set.pages
          .map((page, i) => ({ page, text: run.texts[i]!, chosen: run.chosen?.[i] }))
          .filter((x) => x.page.set === part)
          .map((x) => scoreScriptPage(set, x.page, x.text));
        if (scored.length === 0) continue;
        const mean = (f: (x: (typeof scored)[number]) => number) =>
          scored.reduce((n, x) => n + f(x), 0) / scored.length;
        const chosen = run.chosen ? [...new Set(run.chosen)].join(', ') : set.native;
        console.log(
          `| ${set.kind} | ${run.engine} | ${part} (${scored.length}) | ${pct(mean((x) => x.cer))} | ${pct(Math.max(...scored.map((x) => x.cer)))} | ${mean((x) => x.f1).toFixed(3)} | ${set.unit} | ${chosen} | ${run.seconds.toFixed(0)} |`,
        );
        if (VERBOSE)
          scored.forEach((x, k) =>
            console.log(
              `    ${set.pages.filter((p) => p.set === part)[k]!.name}: F1 ${x.f1.toFixed(3)}, CER ${pct(x.cer)}`,
            ),
          );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function scoreScriptPage(set: ScriptSet, page: ScriptPage, text: string): { f1: number; cer: number } {
  if (set.unit === 'characters') {
    const read = bareText(text);
    return { f1: bagOfCharactersF1(read, page.truth).f1, cer: characterErrorRate(read, page.truth) };
  }
  return { f1: bagOfWordsF1(text, page.truth).f1, cer: characterErrorRate(text, page.truth) };
}

async function readWithAuto(set: ScriptSet): Promise<{ texts: string[]; chosen: string[]; seconds: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-accuracy-auto-'));
  const archive = openArchive(path.join(dir, 'archive'));
  try {
    const started = performance.now();
    const summary = await importScans(
      archive,
      set.pages.map((p) => p.file),
    );
    const failed = summary.files.filter((f) => f.outcome === 'failed');
    if (failed.length) throw new Error(`import failed: ${failed.map((f) => f.error?.message).join('; ')}`);
    queueOcr(archive, { scope: { all: true }, confirmed: true });
    await new OcrRunner(archive, (name) => engineFactory(archive, name), {
      workers: defaultWorkerCount(),
    }).run();
    const ids = summary.files.map((f) => f.pageIds[0]!);
    return {
      texts: ids.map((id) => pageToPlainText(loadPageBlocks(archive.db, id))),
      // What `auto` chose, as the page's text source records it.
      chosen: ids.map((id) => mainTextSource(archive.db, id)?.model.split(' ').slice(0, 2).join(' ') ?? '?'),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function readNatively(set: ScriptSet): Promise<{ texts: string[]; seconds: number }> {
  const started = performance.now();
  const texts = await nativeTesseractTexts(set.pages.length, (i) => set.pages[i]!.file, [
    '-l',
    set.native,
    '--psm',
    '3',
  ]);
  return { texts, seconds: (performance.now() - started) / 1000 };
}

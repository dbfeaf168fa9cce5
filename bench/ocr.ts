// bench/ocr: pages per minute, peak memory and error rates of Backfile's two OCR engines
// (tesseract.js and PP-OCRv4, each through the real job queue with its pool) against native
// tesseract from Debian with the same parallelism, on the sample pages (clean 300-dpi,
// degraded 200-dpi, and dense 100-dpi JPEG scans).
// Each page is read --copies times (copies differ by one byte of PNG metadata, so the archive does
// not de-duplicate them): an archivist's batch has hundreds of pages, so loading the models once
// per worker must not dominate the figure. CER: white space ignored, reading order counts;
// F1: order-free character F1.
// Each engine's run also prints where a page's time goes, stage by stage (ms per page, summed over
// both workers; src/core/ocr/stage-times.ts). --full-width reads PP-OCR's crops at the width the
// model was trained at, not narrowed (recognise.ts), to measure what narrowing gains and costs.
// Run: node bench/ocr.ts [--jobs N] [--copies N] [--languages L] [--full-width]
//   [--engines tesseract,ppocr] [--kinds clean,degraded,dense]

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import sharp from 'sharp';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openArchive } from '../src/core/archive/archive.ts';
import { loadPageBlocks } from '../src/core/archive/page-text.ts';
import { pageToPlainText } from '../src/core/export/page-text-export.ts';
import { importScans } from '../src/core/import/importer.ts';
import { OcrRunner, defaultWorkerCount } from '../src/core/jobs/ocr-runner.ts';
import { engineFactory } from '../src/core/ocr/engines.ts';
import { queueOcr } from '../src/core/ocr/queue-ocr.ts';
import { bagOfCharactersF1, characterErrorRate } from '../src/shared/text/error-rate.ts';
import { normaliseParagraph } from '../src/shared/text/normalise.ts';
import { StageTimes } from '../src/core/ocr/stage-times.ts';
import { threadedPpOcrFactory } from '../src/core/ocr/ppocr/ppocr-threaded.ts';

const run = promisify(execFile);
const SAMPLES = path.resolve(import.meta.dirname, '../../shared/samples/pages');
const jobsArg = process.argv.indexOf('--jobs');
const JOBS = jobsArg > 0 ? Number(process.argv[jobsArg + 1]) : defaultWorkerCount();
const copiesArg = process.argv.indexOf('--copies');
const COPIES = copiesArg > 0 ? Number(process.argv[copiesArg + 1]) : 3;
// The languages the pages are read with: those native tesseract is given, so both do the same
// work; `--languages auto` measures the default, which first finds each page's script.
const languagesArg = process.argv.indexOf('--languages');
const LANGUAGES = languagesArg > 0 ? process.argv[languagesArg + 1]! : 'chi_sim';
const FULL_WIDTH = process.argv.includes('--full-width');
// --engines tesseract,ppocr and --kinds clean,degraded,dense: a part of the run (native tesseract,
// the reference, always runs).
const listArg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1]!.split(',') : null;
};
const ENGINES = (listArg('--engines') ?? ['tesseract', 'ppocr']) as ('tesseract' | 'ppocr')[];
const KIND_NAMES = listArg('--kinds');
/** The sample kinds: clean 300-dpi scans, degraded 200-dpi scans, and dense low-resolution
 * pages (the clean scan at 100 dpi, JPEG quality 60: body characters about 13 px high). */
const KINDS = [
  { name: 'clean 300 dpi', source: 'scan_300dpi.png', dpi: 300, shrink: 1 },
  { name: 'degraded 200 dpi', source: 'scan_degraded.png', dpi: 200, shrink: 1 },
  { name: 'dense 100 dpi JPEG', source: 'scan_300dpi.png', dpi: 100, shrink: 3 },
] as const;
type Kind = (typeof KINDS)[number];
const WORK = mkdtempSync(path.join(os.tmpdir(), 'bench-ocr-pages-'));
const PAGES = [1, 2, 3];

interface Result {
  seconds: number;
  peakMb: number;
  texts: Map<string, string>; // file → text
  /** Where the time went (Backfile's engines only). */
  times?: StageTimes;
}

const truthByFile = new Map<string, string>();

function truthFor(file: string): string {
  return truthByFile.get(file)!;
}

const filesByKind = new Map<string, string[]>();

/** COPIES copies of each sample page of a kind, each with its own bytes. */
async function makeFiles(kind: Kind): Promise<string[]> {
  const out: string[] = [];
  for (let copy = 0; copy < COPIES; copy++) {
    for (const n of PAGES) {
      const dir = path.join(SAMPLES, `page-${String(n).padStart(2, '0')}`);
      const jpeg = kind.shrink > 1;
      const file = path.join(WORK, `${kind.source}-${kind.dpi}-p${n}-c${copy}.${jpeg ? 'jpg' : 'png'}`);
      const source = sharp(path.join(dir, kind.source));
      const { width } = await source.metadata();
      // Copies differ by their quality setting or a metadata byte, so none is a duplicate.
      const scaled = source
        .resize({ width: Math.round(width! / kind.shrink) })
        .withMetadata({ density: kind.dpi });
      await (
        jpeg ? scaled.jpeg({ quality: 60 + copy }) : scaled.png({ compressionLevel: 6 + (copy % 3) })
      ).toFile(file);
      truthByFile.set(file, readFileSync(path.join(dir, 'page.txt'), 'utf8'));
      out.push(file);
    }
  }
  filesByKind.set(kind.name, out);
  return out;
}

function files(kind: Kind): string[] {
  return filesByKind.get(kind.name)!;
}

async function backfile(kind: Kind, engine: 'tesseract' | 'ppocr'): Promise<Result> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-ocr-'));
  const archive = openArchive(path.join(dir, 'archive'));
  try {
    const summary = await importScans(archive, files(kind));
    queueOcr(archive, { scope: { all: true }, engine, languages: LANGUAGES });
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const times = new StageTimes();
    const factory = (name: string) =>
      name === 'ppocr' && FULL_WIDTH
        ? Promise.resolve(threadedPpOcrFactory(1, false))
        : engineFactory(archive, name);
    const started = performance.now();
    await new OcrRunner(archive, factory, { workers: JOBS, times }).run();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const texts = new Map<string, string>();
    summary.files.forEach((f) =>
      texts.set(f.path, pageToPlainText(loadPageBlocks(archive.db, f.pageIds[0]!))),
    );
    return { seconds, peakMb: peak / 2 ** 20, texts, times };
  } finally {
    archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Native tesseract, JOBS processes at a time, each single-threaded like a tesseract.js worker. */
async function native(kind: Kind): Promise<Result> {
  const queue = [...files(kind)];
  const texts = new Map<string, string>();
  let peakKb = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: JOBS }, async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const { stdout, stderr } = await run(
          '/usr/bin/time',
          [
            '-f',
            'MAXRSS %M',
            'tesseract',
            file,
            'stdout',
            '-l',
            LANGUAGES,
            '--psm',
            '3',
            '-c',
            'preserve_interword_spaces=1',
          ],
          {
            env: { ...process.env, OMP_THREAD_LIMIT: '1' },
            maxBuffer: 64 * 2 ** 20,
          },
        );
        peakKb = Math.max(peakKb, Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? 0));
        // The same normalisation Backfile applies, so only recognition and layout are compared.
        texts.set(
          file,
          stdout
            .split(/\n\s*\n/)
            .map((p) => normaliseParagraph(p.split('\n')))
            .join('\n'),
        );
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, peakMb: (peakKb * JOBS) / 1024, texts };
}

function scores(result: Result): { cer: number; f1: number } {
  let cer = 0;
  let f1 = 0;
  for (const [file, text] of result.texts) {
    cer += characterErrorRate(text, truthFor(file));
    f1 += bagOfCharactersF1(text, truthFor(file)).f1;
  }
  return { cer: cer / result.texts.size, f1: f1 / result.texts.size };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
console.log(
  `bench/ocr — ${PAGES.length} sample pages × ${COPIES} copies per kind, ${JOBS} workers, ${os.cpus().length} cores, Node ${process.version}, languages ${LANGUAGES}${FULL_WIDTH ? ', PP-OCR crops at full width' : ''}`,
);
console.log('| pages | engine | pages/min | peak memory | CER (ordered) | char F1 (order-free) |');
console.log('|---|---|---|---|---|---|');
for (const kind of KINDS.filter((k) => !KIND_NAMES || KIND_NAMES.some((n) => k.name.startsWith(n)))) {
  await makeFiles(kind);
  const ours = ENGINES.includes('tesseract') ? await backfile(kind, 'tesseract') : null;
  const pp = ENGINES.includes('ppocr') ? await backfile(kind, 'ppocr') : null;
  const ref = await native(kind);
  const rows = [
    ['Backfile tesseract.js', ours],
    ['Backfile PP-OCRv4', pp],
    ['native tesseract 5 (reference)', ref],
  ] as const;
  for (const [name, r] of rows) {
    if (!r) continue;
    const s = scores(r);
    console.log(
      `| ${kind.name} | ${name} | ${((files(kind).length / r.seconds) * 60).toFixed(1)} | ${r.peakMb.toFixed(0)} MB | ${pct(s.cer)} | ${pct(s.f1)} |`,
    );
  }
  for (const [name, r] of [
    ['tesseract.js', ours],
    ['PP-OCRv4', pp],
  ] as const) {
    if (!r) continue;
    const stages = r.times!.totals();
    const total = stages.reduce((a, t) => a + t.ms, 0);
    console.log(
      `| ${kind.name} | ${name}: ms per page by stage | ${stages
        .map(
          (t) =>
            `${t.stage} ${(t.ms / files(kind).length).toFixed(0)} (${((100 * t.ms) / total).toFixed(0)} %)`,
        )
        .join(', ')} | | | |`,
    );
  }
  const ratio = (r: Result | null) => (r ? (ref.seconds / r.seconds).toFixed(2) : '–');
  console.log(
    `| ${kind.name} | throughput ratio tesseract.js / native, PP-OCR / native | ${ratio(ours)}, ${ratio(pp)} | | | |`,
  );
}
rmSync(WORK, { recursive: true, force: true });

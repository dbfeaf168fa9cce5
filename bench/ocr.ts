// bench/ocr: pages per minute, peak memory and error rates of Backfile's OCR (tesseract.js, the
// default pool) against native tesseract from Debian with the same parallelism, on the sample
// pages (clean 300-dpi and degraded 200-dpi scans). Run: node bench/ocr.ts [--jobs N] [--copies N]
// Each page is read --copies times (copies differ by one byte of PNG metadata, so the archive does
// not de-duplicate them): an archivist's batch has hundreds of pages, so loading the models once
// per worker must not dominate the figure. CER: white space ignored, reading order counts;
// F1: order-free character F1.

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
import { queueOcr } from '../src/core/ocr/ocr-service.ts';
import { bagOfCharactersF1, characterErrorRate } from '../src/shared/text/error-rate.ts';
import { normaliseParagraph } from '../src/shared/text/normalise.ts';

const run = promisify(execFile);
const SAMPLES = path.resolve(import.meta.dirname, '../../shared/samples/pages');
const jobsArg = process.argv.indexOf('--jobs');
const JOBS = jobsArg > 0 ? Number(process.argv[jobsArg + 1]) : defaultWorkerCount();
const copiesArg = process.argv.indexOf('--copies');
const COPIES = copiesArg > 0 ? Number(process.argv[copiesArg + 1]) : 3;
const KINDS = ['scan_300dpi.png', 'scan_degraded.png'] as const;
const WORK = mkdtempSync(path.join(os.tmpdir(), 'bench-ocr-pages-'));
const PAGES = [1, 2, 3];

interface Result {
  seconds: number;
  peakMb: number;
  texts: Map<string, string>; // file → text
}

const truthByFile = new Map<string, string>();

function truthFor(file: string): string {
  return truthByFile.get(file)!;
}

const filesByKind = new Map<string, string[]>();

/** COPIES copies of each sample page of a kind, each with its own bytes. */
async function makeFiles(kind: string): Promise<string[]> {
  const out: string[] = [];
  for (let copy = 0; copy < COPIES; copy++) {
    for (const n of PAGES) {
      const dir = path.join(SAMPLES, `page-${String(n).padStart(2, '0')}`);
      const file = path.join(WORK, `${kind}-p${n}-c${copy}.png`);
      await sharp(path.join(dir, kind))
        .withMetadata({ density: 200 + copy })
        .png()
        .toFile(file);
      truthByFile.set(file, readFileSync(path.join(dir, 'page.txt'), 'utf8'));
      out.push(file);
    }
  }
  filesByKind.set(kind, out);
  return out;
}

function files(kind: string): string[] {
  return filesByKind.get(kind)!;
}

async function backfile(kind: string): Promise<Result> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-ocr-'));
  const archive = openArchive(path.join(dir, 'archive'));
  try {
    const summary = await importScans(archive, files(kind));
    const factory = await engineFactory(archive);
    queueOcr(archive, { scope: { all: true } });
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const started = performance.now();
    await new OcrRunner(archive, factory, { workers: JOBS }).run();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const texts = new Map<string, string>();
    summary.files.forEach((f) =>
      texts.set(f.path, pageToPlainText(loadPageBlocks(archive.db, f.pageIds[0]!))),
    );
    return { seconds, peakMb: peak / 2 ** 20, texts };
  } finally {
    archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Native tesseract, JOBS processes at a time, each single-threaded like a tesseract.js worker. */
async function native(kind: string): Promise<Result> {
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
            'chi_sim+eng',
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
  `bench/ocr — ${PAGES.length} sample pages × ${COPIES} copies per kind, ${JOBS} workers, ${os.cpus().length} cores, Node ${process.version}`,
);
console.log('| pages | engine | pages/min | peak memory | CER (ordered) | char F1 (order-free) |');
console.log('|---|---|---|---|---|---|');
for (const kind of KINDS) {
  await makeFiles(kind);
  const ours = await backfile(kind);
  const ref = await native(kind);
  for (const [name, r] of [
    ['Backfile (tesseract.js)', ours],
    ['native tesseract 5', ref],
  ] as const) {
    const s = scores(r);
    console.log(
      `| ${kind} | ${name} | ${((files(kind).length / r.seconds) * 60).toFixed(1)} | ${r.peakMb.toFixed(0)} MB | ${pct(s.cer)} | ${pct(s.f1)} |`,
    );
  }
  console.log(
    `| ${kind} | throughput ratio Backfile / native | ${(ref.seconds / ours.seconds).toFixed(2)} | | | |`,
  );
}
rmSync(WORK, { recursive: true, force: true });

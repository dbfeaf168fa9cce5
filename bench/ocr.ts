// bench/ocr: pages per minute, peak memory and error rates of Backfile's OCR (tesseract.js, the
// default pool) against native tesseract from Debian with the same parallelism, on the sample
// pages (clean 300-dpi and degraded 200-dpi scans). Run: node bench/ocr.ts [--jobs N]
// CER: white space ignored, reading order counts; F1: order-free character F1.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
const KINDS = ['scan_300dpi.png', 'scan_degraded.png'] as const;
const PAGES = [1, 2, 3];

interface Result {
  seconds: number;
  peakMb: number;
  texts: Map<string, string>; // file → text
}

function truthFor(file: string): string {
  return readFileSync(path.join(path.dirname(file), 'page.txt'), 'utf8');
}

function files(kind: string): string[] {
  return PAGES.map((n) => path.join(SAMPLES, `page-${String(n).padStart(2, '0')}`, kind));
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
  `bench/ocr — ${PAGES.length} pages per kind, ${JOBS} workers, ${os.cpus().length} cores, Node ${process.version}`,
);
console.log('| pages | engine | pages/min | peak memory | CER (ordered) | char F1 (order-free) |');
console.log('|---|---|---|---|---|---|');
for (const kind of KINDS) {
  const ours = await backfile(kind);
  const ref = await native(kind);
  for (const [name, r] of [
    ['Backfile (tesseract.js)', ours],
    ['native tesseract 5', ref],
  ] as const) {
    const s = scores(r);
    console.log(
      `| ${kind} | ${name} | ${((PAGES.length / r.seconds) * 60).toFixed(1)} | ${r.peakMb.toFixed(0)} MB | ${pct(s.cer)} | ${pct(s.f1)} |`,
    );
  }
  console.log(
    `| ${kind} | throughput ratio Backfile / native | ${(ref.seconds / ours.seconds).toFixed(2)} | | | |`,
  );
}

// bench/ocr-memory: the memory of a long OCR batch. N pages (copies of the three degraded 200-dpi
// sample scans, each copy its own bytes so none is a duplicate) are imported and read through the
// real job queue and worker pool, as `backfile ocr --all` reads them; the RSS of the whole
// process (the engines' worker threads are in it) is sampled every second. Printed: the curve's
// maximum, its value when the 20th page is done, and its slope from there to the end (least
// squares, MB per 100 pages): a batch that does not grow has a slope near 0. The goal is a
// maximum under 1.5 GB and no growth after the first 20 pages. Reference in the same run: the
// peak RSS of native tesseract reading one of the pages (what one engine needs, without a
// queue, an archive or a pool). --curve prints every sample.
// Run: node bench/ocr-memory.ts [--pages 300] [--jobs 2] [--engine tesseract|ppocr] [--curve]

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { openArchive } from '../src/core/archive/archive.ts';
import { importScans } from '../src/core/import/importer.ts';
import { OcrRunner } from '../src/core/jobs/ocr-runner.ts';
import { engineFactory } from '../src/core/ocr/engines.ts';
import { queueOcr } from '../src/core/ocr/queue-ocr.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const PAGES = Number(arg('pages', '300'));
const JOBS = Number(arg('jobs', '2'));
const ENGINE = arg('engine', 'tesseract') as 'tesseract' | 'ppocr';
const SAMPLES = path.resolve(import.meta.dirname, '../../shared/samples/pages');
const MB = 2 ** 20;

/** Least-squares slope of y over x. */
function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'bench-ocr-memory-'));
try {
  console.log(
    `bench/ocr-memory — ${PAGES} pages, ${JOBS} workers, ${ENGINE}, ${os.cpus().length} cores, Node ${process.version}`,
  );
  const files: string[] = [];
  for (let i = 0; i < PAGES; i++) {
    const n = (i % 3) + 1;
    const file = path.join(work, `p${n}-c${i}.png`);
    // The copy's number in a text chunk: other bytes, the same pixels.
    await sharp(path.join(SAMPLES, `page-0${n}`, 'scan_degraded.png'))
      .withMetadata({ density: 200 })
      .png({ compressionLevel: 6 + (i % 3) })
      .withExif({ IFD0: { ImageDescription: `copy ${i}` } })
      .toFile(file);
    files.push(file);
  }
  const archive = openArchive(path.join(work, 'archive'));
  const imported = await importScans(archive, files, { title: 'Bench', date: '2018-10-19' });
  const pages = imported.files.reduce((n, f) => n + f.pageIds.length, 0);
  queueOcr(archive, { scope: { all: true }, engine: ENGINE, languages: 'chi_sim' });

  const samples: { seconds: number; done: number; rssMb: number }[] = [];
  let done = 0;
  const started = performance.now();
  const sample = () =>
    samples.push({
      seconds: (performance.now() - started) / 1000,
      done,
      rssMb: process.memoryUsage.rss() / MB,
    });
  const sampler = setInterval(sample, 1000);
  const summary = await new OcrRunner(archive, (name) => engineFactory(archive, name), {
    workers: JOBS,
    onProgress: (p) => (done = p.done),
  }).run();
  clearInterval(sampler);
  sample();
  const seconds = (performance.now() - started) / 1000;
  archive.close();

  // Native tesseract on one page, its own peak (GNU time's maximum resident set).
  const { stderr } = await promisify(execFile)(
    '/usr/bin/time',
    ['-f', 'MAXRSS %M', 'tesseract', files[0]!, '-', '-l', 'chi_sim'],
    { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 64 * MB },
  );
  const nativeMb = Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? 0) / 1024;

  const max = Math.max(...samples.map((s) => s.rssMb));
  const after20 = samples.filter((s) => s.done >= 20);
  const at20 = after20[0]?.rssMb ?? NaN;
  const perPage = after20.length > 2 ? slope(after20.map((s) => ({ x: s.done, y: s.rssMb }))) : NaN;
  console.log(
    `\nread ${summary.done} of ${pages} pages (${summary.failed} failed) in ${seconds.toFixed(0)} s, ${((summary.done / seconds) * 60).toFixed(1)} pages/min; ${samples.length} samples`,
  );
  console.log('| figure | value | goal |');
  console.log('|---|---|---|');
  console.log(`| peak RSS of the whole process | ${max.toFixed(0)} MB | under 1536 MB |`);
  console.log(`| RSS when the 20th page was done | ${at20.toFixed(0)} MB | – |`);
  console.log(`| slope after the 20th page | ${(perPage * 100).toFixed(1)} MB per 100 pages | about 0 |`);
  console.log(`| RSS at the end | ${samples.at(-1)!.rssMb.toFixed(0)} MB | – |`);
  console.log(`| reference: native tesseract, one page, its peak | ${nativeMb.toFixed(0)} MB | – |`);
  // The curve by tenths of the batch: its highest sample in each.
  const tenths = Array.from({ length: 10 }, (_, k) => {
    const inTenth = samples.filter((s) => Math.min(9, Math.floor((s.done / pages) * 10)) === k);
    return inTenth.length ? Math.max(...inTenth.map((s) => s.rssMb)).toFixed(0) : '–';
  });
  console.log(`\npeak RSS MB by tenth of the batch (pages done): ${tenths.join(' · ')}`);
  if (process.argv.includes('--curve'))
    for (const s of samples) console.log(`${s.seconds.toFixed(0)}\t${s.done}\t${s.rssMb.toFixed(0)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// bench/batch: the rest of a batch around OCR, as an archivist's night has it.
// - import: one long born-digital PDF (the repository's three sample pages joined over and over
//   with poppler's pdfunite) through `importScans`: pages/min, peak RSS of the process, and the
//   page images' share (thumbnail and tiles, timed on their own on one page). Reference in the
//   same run: poppler's `pdftoppm -r 300 -gray` of the same PDF, the least an import must do to
//   have page images (native C++, one process).
// - export: the imported pages as one issue to METS/ALTO, to the issue PDF (the pages as
//   printed, then, with a line corrected on each, as page images with their text under them),
//   and to METS/ALTO as a ZIP: seconds, pages/min and the peak RSS
//   above what the process held before, for that issue and for one of half as many pages. A
//   streamed export holds about as much for all pages as for half; one that collects the issue
//   in memory holds about twice as much. Reference: Info-ZIP `zip -r` of the METS folder.
// RSS is sampled every 100 ms; sharp and the PDF reader run in this process, so it is all of it.
// Run: node bench/batch.ts [--pages 200] [--export-pages 300]
//      (one PDF of the larger of the two is imported and measured, and exported as one issue)

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openArchive, type Archive } from '../src/core/archive/archive.ts';
import { exportCollection } from '../src/core/export/export-collection.ts';
import { makeThumbnail, makeTiles } from '../src/core/import/derive.ts';
import { importScans } from '../src/core/import/importer.ts';
import { correctLine } from '../src/core/text/corrections.ts';
import { samplePage } from '../test/fixtures/samples.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const IMPORT_PAGES = arg('pages', 200);
const EXPORT_PAGES = arg('export-pages', 300);
const quiet = { stdio: 'ignore' } as const;

/** RSS while `work` runs, sampled every 100 ms, in MB: its peak, and the peaks of its first and last thirds. */
async function peakRss<T>(
  work: () => Promise<T>,
): Promise<{ result: T; peak: number; before: number; early: number; late: number }> {
  const before = process.memoryUsage.rss() / 2 ** 20;
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(process.memoryUsage.rss() / 2 ** 20), 100);
  try {
    const result = await work();
    samples.push(process.memoryUsage.rss() / 2 ** 20);
    const third = Math.max(1, Math.floor(samples.length / 3));
    return {
      result,
      peak: Math.max(...samples),
      before,
      early: Math.max(...samples.slice(0, third)),
      late: Math.max(...samples.slice(-third)),
    };
  } finally {
    clearInterval(timer);
  }
}

const seconds = (started: number) => (performance.now() - started) / 1000;
const perMinute = (pages: number, s: number) => ((pages / s) * 60).toFixed(1);

function longPdf(dir: string, pages: number): string {
  const out = path.join(dir, `issue-${pages}.pdf`);
  const parts = Array.from({ length: pages }, (_, i) => samplePage((i % 3) + 1, 'page.pdf'));
  execFileSync('pdfunite', [...parts, out], quiet);
  return out;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'bench-batch-'));
try {
  console.log(`bench/batch — ${os.cpus().length} cores, Node ${process.version}`);

  // Import.
  const pdf = longPdf(work, Math.max(IMPORT_PAGES, EXPORT_PAGES));
  const archive: Archive = openArchive(path.join(work, 'archive'));
  let started = performance.now();
  const imported = await peakRss(() =>
    importScans(archive, [pdf], { title: 'Bench', date: '2018-10-19', maxPixels: 250_000_000 }),
  );
  const importSeconds = seconds(started);
  const pages = imported.result.files[0]!.pageIds.length;
  if (imported.result.files[0]!.outcome === 'failed') throw new Error('the import failed');

  const one = archive.resolve(
    archive.db.prepare('SELECT raster_path FROM pages ORDER BY id LIMIT 1').pluck().get() as string,
  );
  started = performance.now();
  const repeats = 5;
  for (let i = 0; i < repeats; i++) {
    await makeThumbnail(one, path.join(work, `thumb-${i}.jpg`), 250_000_000);
    await makeTiles(one, path.join(work, `tiles-${i}`), 250_000_000);
  }
  const imagesMs = (seconds(started) * 1000) / repeats;

  started = performance.now();
  const rasters = path.join(work, 'pdftoppm');
  mkdirSync(rasters);
  execFileSync(
    'pdftoppm',
    ['-r', '300', '-gray', '-l', String(Math.min(pages, 30)), pdf, `${rasters}/p`],
    quiet,
  );
  const popplerSeconds = (seconds(started) * pages) / Math.min(pages, 30);

  console.log(`\nimport: one ${pages}-page born-digital PDF (text layer; page images at 300 dpi)`);
  console.log('| run | pages/min | peak RSS MB (first third / last third of the run) | ms per page |');
  console.log('|---|---|---|---|');
  console.log(
    `| Backfile import | ${perMinute(pages, importSeconds)} | ${imported.peak.toFixed(0)} (${imported.early.toFixed(0)} / ${imported.late.toFixed(0)}) | ${((importSeconds * 1000) / pages).toFixed(0)} |`,
  );
  console.log(`| of which thumbnail and tiles (one page, timed alone) | – | – | ${imagesMs.toFixed(0)} |`);
  console.log(
    `| pdftoppm -r 300 -gray (reference, first ${Math.min(pages, 30)} pages, scaled) | ${perMinute(pages, popplerSeconds)} | – | ${((popplerSeconds * 1000) / pages).toFixed(0)} |`,
  );
  console.log(`ratio Backfile / pdftoppm (pages/min): ${(popplerSeconds / importSeconds).toFixed(2)}`);

  // Export: an issue of half the pages (imported now as its own issue), then the whole issue.
  const half = longPdf(work, Math.ceil(pages / 2));
  const halfImport = await importScans(archive, [half], {
    title: 'Bench',
    date: '2018-10-20',
    maxPixels: 250_000_000,
  });
  const issueOf = (pageId: number) =>
    archive.db.prepare('SELECT issue_id FROM pages WHERE id = ?').pluck().get(pageId) as number;
  const issues = [
    { issueId: issueOf(halfImport.files[0]!.pageIds[0]!), count: halfImport.files[0]!.pageIds.length },
    { issueId: issueOf(imported.result.files[0]!.pageIds[0]!), count: pages },
  ];
  /** One line corrected on every page: the issue PDF then writes each as image and text layer. */
  const correctEveryPage = () => {
    const first = archive.db.prepare(
      'SELECT id, text FROM lines WHERE page_id = ? ORDER BY position LIMIT 1',
    );
    for (const pageId of archive.db.prepare('SELECT id FROM pages').pluck().all() as number[]) {
      const line = first.get(pageId) as { id: number; text: string } | undefined;
      if (line) correctLine(archive.db, line.id, `${line.text}.`, 'bench');
    }
  };
  const runs: { label: string; format: 'mets' | 'pdf'; zip: boolean; before?: () => void }[] = [
    { label: 'METS/ALTO folder', format: 'mets', zip: false },
    { label: 'issue PDF, pages as printed (copied by pdf-lib)', format: 'pdf', zip: false },
    {
      label: 'issue PDF, corrected pages (image and text layer, streamed)',
      format: 'pdf',
      zip: false,
      before: correctEveryPage,
    },
    { label: 'METS/ALTO as ZIP', format: 'mets', zip: true },
  ];
  console.log(`\nexport: one issue of ${pages} pages, and one of half as many`);
  console.log('| format | pages | seconds | pages/min | peak RSS above start MB | output MB |');
  console.log('|---|---|---|---|---|---|');
  let metsFolder = '';
  let metsSeconds = 0;
  for (const run of runs) {
    run.before?.();
    for (const { issueId, count } of issues) {
      const out = path.join(
        work,
        `out-${run.format}-${run.zip ? 'zip' : 'dir'}-${count}-${runs.indexOf(run)}${run.zip ? '.zip' : ''}`,
      );
      started = performance.now();
      const { peak, before } = await peakRss(() =>
        exportCollection(archive, { format: run.format, issueIds: [issueId], out, zip: run.zip }),
      );
      const s = seconds(started);
      const size = spawnSync('du', ['-sb', out], { encoding: 'utf8' }).stdout.split('\t')[0];
      console.log(
        `| ${run.label} | ${count} | ${s.toFixed(1)} | ${perMinute(count, s)} | ${(peak - before).toFixed(0)} | ${(Number(size) / 2 ** 20).toFixed(1)} |`,
      );
      if (run.format === 'mets' && !run.zip && count === pages) {
        metsFolder = out;
        metsSeconds = s;
      }
    }
  }
  const zipped = path.join(work, 'reference.zip');
  started = performance.now();
  const zip = spawnSync('zip', ['-q', '-r', zipped, '.'], { cwd: metsFolder });
  if (zip.error || zip.status !== 0) console.log('\nInfo-ZIP `zip` is not installed: no ZIP reference.');
  else {
    const s = seconds(started);
    console.log(
      `\nreference: zip -r of the ${pages}-page METS folder ${s.toFixed(1)} s (${(statSync(zipped).size / 2 ** 20).toFixed(1)} MB); Backfile's METS folder took ${metsSeconds.toFixed(1)} s`,
    );
  }
  archive.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}

// bench/scale: a batch read as shards by parallel tasks on this machine, and the merge's cost.
// - pages/min for 1, 2 and 4 tasks, each task one worker as a cluster would run it
//   (`backfile import --shard MANIFEST --ocr --jobs 1`, import and OCR of its shard), against the
//   reference in the same run: the same files read on one machine the desktop way
//   (`backfile import`, then `backfile ocr --jobs 2`);
// - the merge of the 4-task shards, and of a larger batch of text pages (PDF text layers, so no
//   OCR is needed to make them), as seconds per 1,000 pages.
// Pages: copies of the sample pages in ../shared/samples/pages when they are there (each copy its
// own bytes), otherwise printed pages made on the spot.
// Run: node bench/scale.ts [--pages N] [--merge-pages N] [--lang L] [--engine E] [--slurm]
//      (--slurm submits the tasks to the Slurm cluster of scripts/cluster/slurm-up.sh instead of
//      starting them here)

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { openArchive } from '../src/core/archive/archive.ts';
import { importScans } from '../src/core/import/importer.ts';
import { mergeArchives } from '../src/core/scale/merge.ts';
import { listPages } from '../src/core/archive/pages.ts';
import { pageLineCount } from '../src/core/archive/line-rows.ts';
import { REPO_ROOT } from '../test/fixtures/repo.ts';
import { twoColumns, writeTextScan } from '../test/fixtures/text-scan.ts';
import { writeTextPdf } from '../test/fixtures/scans.ts';

const option = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const PAGES = Number(option('pages', '8'));
const MERGE_PAGES = Number(option('merge-pages', '400'));
const SLURM = process.argv.includes('--slurm');
const SAMPLES = path.join(REPO_ROOT, '..', 'shared', 'samples', 'pages');
const FROM_SAMPLES = existsSync(path.join(SAMPLES, 'page-01', 'scan_300dpi.png'));
const LANG = option('lang', FROM_SAMPLES ? 'chi_sim' : 'eng');
const ENGINE = option('engine', 'tesseract');
const BACKFILE = path.join(REPO_ROOT, 'bin', 'backfile.js');
const WORK = mkdtempSync(path.join(os.tmpdir(), 'bench-scale-'));

function cli(args: string[]): void {
  const r = spawnSync(process.execPath, [BACKFILE, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`backfile ${args.join(' ')}: ${r.stderr}`);
}

/** Runs commands at once and waits for all; resolves with the wall time in seconds. */
async function concurrently(commands: string[][]): Promise<number> {
  const started = performance.now();
  await Promise.all(
    commands.map(
      (args) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, [BACKFILE, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
          let err = '';
          child.stderr.on('data', (d) => (err += d));
          child.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`backfile ${args.join(' ')}: ${err}`)),
          );
        }),
    ),
  );
  return (performance.now() - started) / 1000;
}

/** The batch's files: sample pages at 300 dpi, or printed pages, each with its own bytes. */
async function makePages(): Promise<string[]> {
  const folder = path.join(WORK, 'scans');
  mkdirSync(folder);
  const files: string[] = [];
  for (let i = 0; i < PAGES; i++) {
    const file = path.join(folder, `page-${String(i + 1).padStart(3, '0')}.png`);
    if (FROM_SAMPLES) {
      const source = path.join(SAMPLES, `page-0${(i % 3) + 1}`, 'scan_300dpi.png');
      // One pixel in the margin set from the copy's number: the same page, other bytes.
      const dot = await sharp({
        create: { width: 1, height: 1, channels: 3, background: { r: i % 256, g: 255, b: 255 } },
      })
        .png()
        .toBuffer();
      await sharp(source)
        .composite([{ input: dot, left: 1 + Math.floor(i / 256), top: 1 }])
        .greyscale()
        .png()
        .toFile(file);
    } else await writeTextScan(file, twoColumns());
    files.push(file);
  }
  return files;
}

async function runTasks(scans: string, tasks: number): Promise<{ seconds: number; shardArchives: string[] }> {
  const out = path.join(WORK, `shards-${tasks}`);
  cli([
    'shard',
    '--shards',
    String(tasks),
    '--out',
    out,
    '--title',
    'Bench Daily',
    '--lang',
    LANG,
    '--engine',
    ENGINE,
    scans,
  ]);
  const manifests = Array.from({ length: tasks }, (_, i) =>
    path.join(out, `shard-${String(i).padStart(4, '0')}.json`),
  );
  let seconds: number;
  if (SLURM) {
    const started = performance.now();
    const env = { ...process.env, BACKFILE: `${process.execPath} ${BACKFILE}` };
    const submitted = spawnSync(
      path.join(REPO_ROOT, 'deploy/slurm/submit.sh'),
      [out, path.join(WORK, `merged-slurm-${tasks}`)],
      {
        env,
        encoding: 'utf8',
      },
    );
    if (submitted.status !== 0) throw new Error(submitted.stderr);
    const mergeJob = submitted.stdout.trim().split(/\s+/)[3]!;
    for (;;) {
      const state = /JobState=(\w+)/.exec(
        spawnSync('scontrol', ['show', 'job', mergeJob], { env, encoding: 'utf8' }).stdout,
      )?.[1];
      if (!state || ['COMPLETED', 'FAILED', 'CANCELLED'].includes(state)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    seconds = (performance.now() - started) / 1000;
  } else seconds = await concurrently(manifests.map((m) => ['import', '--shard', m, '--ocr', '--jobs', '1']));
  return { seconds, shardArchives: manifests.map((m) => m.replace(/\.json$/, '.archive')) };
}

function countRead(dirs: string[]): number {
  let read = 0;
  for (const dir of dirs) {
    const archive = openArchive(dir, { create: false });
    read += listPages(archive.db).filter((p) => pageLineCount(archive.db, p.id) > 0).length;
    archive.close();
  }
  return read;
}

async function mergeSeconds(shards: string[], into: string): Promise<{ seconds: number; pages: number }> {
  const target = openArchive(into);
  try {
    const started = performance.now();
    const report = await mergeArchives(target, shards);
    return { seconds: (performance.now() - started) / 1000, pages: report.added + report.filled };
  } finally {
    target.close();
  }
}

/** A shard archive of MERGE_PAGES text pages (PDF text layers), in 4 shards. */
async function textShards(): Promise<{ dirs: string[]; linesPerPage: number }> {
  const lines = Array.from({ length: 40 }, (_, i) => `line ${i} of the council report on the harbour works`);
  const dirs: string[] = [];
  for (let s = 0; s < 4; s++) {
    const folder = path.join(WORK, `text-${s}`);
    mkdirSync(folder);
    const files: string[] = [];
    for (let p = s; p < MERGE_PAGES; p += 4)
      files.push(await writeTextPdf(path.join(folder, `t${p}.pdf`), [[`page ${p}`, ...lines]], [300, 900]));
    const archive = openArchive(path.join(WORK, `text-shard-${s}.archive`));
    await importScans(archive, files, { title: 'Bench Daily', date: '1950-01-01' });
    dirs.push(archive.dir);
    archive.close();
  }
  return { dirs, linesPerPage: lines.length + 1 };
}

try {
  console.log(
    `bench/scale — ${PAGES} pages (${FROM_SAMPLES ? 'copies of the 300-dpi sample pages' : 'printed pages made here'}), ` +
      `--lang ${LANG} --engine ${ENGINE}, ${os.cpus().length} cores, ${SLURM ? 'tasks on Slurm' : 'tasks as local processes'}, Node ${process.version}`,
  );
  const files = await makePages();
  const scans = path.dirname(files[0]!);

  // Reference: one machine, the desktop way, all cores to one process.
  const single = path.join(WORK, 'single');
  const refStarted = performance.now();
  cli(['import', '--archive', single, '--title', 'Bench Daily', scans]);
  cli([
    'ocr',
    '--archive',
    single,
    '--all',
    '--lang',
    LANG,
    '--engine',
    ENGINE,
    '--jobs',
    String(Math.min(2, os.cpus().length)),
  ]);
  const refSeconds = (performance.now() - refStarted) / 1000;
  const refRate = (PAGES / refSeconds) * 60;
  console.log(
    `\nreference: one process, import then ocr --jobs 2: ${refSeconds.toFixed(1)} s, ${refRate.toFixed(1)} pages/min`,
  );
  console.log('\ntasks  wall s  pages/min  ratio to reference  pages read');
  let four: string[] = [];
  for (const tasks of [1, 2, 4]) {
    const { seconds, shardArchives } = await runTasks(scans, tasks);
    const rate = (PAGES / seconds) * 60;
    const read = countRead(shardArchives);
    console.log(
      `${String(tasks).padStart(5)}  ${seconds.toFixed(1).padStart(6)}  ${rate.toFixed(1).padStart(9)}  ${(rate / refRate).toFixed(2).padStart(18)}  ${read}/${PAGES}`,
    );
    if (tasks === 4) four = shardArchives;
  }

  const ocrMerge = await mergeSeconds(four, path.join(WORK, 'merged-ocr'));
  const text = await textShards();
  const textMerge = await mergeSeconds(text.dirs, path.join(WORK, 'merged-text'));
  console.log('\nmerge                                   pages  seconds  s per 1,000 pages');
  console.log(
    `the 4 OCR shards above                 ${String(ocrMerge.pages).padStart(6)}  ${ocrMerge.seconds.toFixed(2).padStart(7)}  ${((ocrMerge.seconds / ocrMerge.pages) * 1000).toFixed(1).padStart(17)}`,
  );
  console.log(
    `4 shards of text pages (${text.linesPerPage} lines each) ${String(textMerge.pages).padStart(6)}  ${textMerge.seconds.toFixed(2).padStart(7)}  ${((textMerge.seconds / textMerge.pages) * 1000).toFixed(1).padStart(17)}`,
  );
  const sizes = readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+)/)?.[1];
  if (sizes)
    console.log(`\npeak RSS of this process (merges included): ${Math.round(Number(sizes) / 1024)} MB`);
} finally {
  rmSync(WORK, { recursive: true, force: true });
}

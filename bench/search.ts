// bench/search: median and 95th-percentile query time on a synthetic archive of articles
// generated from the sample texts (Chinese stories, plus NZZ ground-truth lines for Latin words).
// Run: node bench/search.ts [--articles N] (default 1,000,000) [--keep DIR]. Each article is one
// indexed text row of 3–6 sentences (about 150 characters). With --keep the synthetic archive is
// built in DIR once and reused by later runs (building a million articles takes ~8 minutes).

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openArchive } from '../src/core/archive/archive.ts';
import { nowIso } from '../src/core/archive/archive.ts';
import { searchLines } from '../src/core/archive/line-search.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../shared/samples');
const arg = process.argv.indexOf('--articles');
const ARTICLES = arg > 0 ? Number(process.argv[arg + 1]) : 1_000_000;
const QUERIES = 200;

let seed = 12345;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};

const chinese = readdirSync(path.join(SAMPLES, 'pages/stories'))
  .map((f) => readFileSync(path.join(SAMPLES, 'pages/stories', f), 'utf8'))
  .join('\n')
  .split(/(?<=[。！？；])/u)
  .map((s) => s.replace(/\s+/g, ''))
  .filter((s) => s.length > 4);
const latin = readdirSync(path.join(SAMPLES, 'real/nzz'))
  .filter((f) => f.endsWith('.xml'))
  .flatMap((f) =>
    [
      ...readFileSync(path.join(SAMPLES, 'real/nzz', f), 'utf8').matchAll(/<TextLine[\s\S]*?<\/TextLine>/g),
    ].map(
      (m) => /<TextEquiv>\s*<Unicode>([^<]*)<\/Unicode>\s*<\/TextEquiv>\s*<\/TextLine>/.exec(m[0])?.[1] ?? '',
    ),
  )
  .filter((s) => s.length > 10);

function article(): string {
  if (random(10) === 0) return Array.from({ length: 4 }, () => latin[random(latin.length)]).join(' ');
  return Array.from({ length: 3 + random(4) }, () => chinese[random(chinese.length)]).join('');
}

const keepArg = process.argv.indexOf('--keep');
const keep = keepArg > 0 ? path.resolve(process.argv[keepArg + 1]!) : null;
const dir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
const reuse = keep !== null && existsSync(path.join(dir, 'archive', 'archive.sqlite'));
const archive = openArchive(path.join(dir, 'archive'));
const db = archive.db;
const started = performance.now();
if (reuse) {
  const rows = db.prepare('SELECT COUNT(*) FROM lines').pluck().get() as number;
  if (rows !== ARTICLES)
    throw new Error(`${dir} holds ${rows} articles, not ${ARTICLES}; use another --keep folder.`);
  // The same generator state as after building, so the queries are the same.
  for (let i = 0; i < ARTICLES; i++) article();
} else buildArchive();

function buildArchive(): void {
  db.transaction(() => {
    db.prepare("INSERT INTO titles (id, name, created_at) VALUES (1, 'Bench', 'now')").run();
    db.prepare(
      "INSERT INTO issues (id, title_id, issue_date, created_at) VALUES (1, 1, '2018-10-19', 'now')",
    ).run();
    db.prepare(
      "INSERT INTO files (sha256, size, format, original_name, stored_path, page_count, imported_at) VALUES (?, 0, 'png', 'x', 'x', 1, 'now')",
    ).run('0'.repeat(64));
    db.prepare(
      "INSERT INTO pages (id, issue_id, sequence, source_sha256, source_index, width, height, raster_path, thumbnail_path, tiles_path, created_at) VALUES (1, 1, 1, ?, 0, 1, 1, 'x', 'x', 'x', 'now')",
    ).run('0'.repeat(64));
    db.prepare("INSERT INTO text_sources (id, kind) VALUES (1, 'user')").run();
  })();
  const insert = db.prepare(
    'INSERT INTO lines (page_id, position, x0, y0, x1, y1, raw_text, text, source_id, updated_at) VALUES (1, ?, 0, 0, 1, 1, ?, ?, 1, ?)',
  );
  const now = nowIso();
  for (let done = 0; done < ARTICLES; done += 10_000) {
    db.transaction(() => {
      for (let i = done; i < Math.min(ARTICLES, done + 10_000); i++) {
        const text = article();
        insert.run(i, text, text, now);
      }
    })();
  }
}
const buildSeconds = (performance.now() - started) / 1000;
db.pragma('optimize');
const sizeMb =
  (db
    .prepare('SELECT page_count * page_size FROM pragma_page_count, pragma_page_size')
    .pluck()
    .get() as number) /
  2 ** 20;

function sampleQuery(length: number): string {
  for (;;) {
    const s = chinese[random(chinese.length)]!;
    const chars = [...s].filter((c) => /\p{Script=Han}/u.test(c));
    if (chars.length < length + 1) continue;
    const start = random([...s].length - length);
    const q = [...s].slice(start, start + length).join('');
    if ([...q].every((c) => /\p{Script=Han}/u.test(c))) return q;
  }
}

function latinWord(): string {
  for (;;) {
    const words = latin[random(latin.length)]!.split(/[^\p{L}]+/u).filter((w) => w.length >= 4);
    if (words.length) return words[random(words.length)]!;
  }
}

const kinds: [string, () => string][] = [
  ['1 Chinese character', () => sampleQuery(1)],
  ['2 Chinese characters', () => sampleQuery(2)],
  ['3 Chinese characters', () => sampleQuery(3)],
  ['6 Chinese characters', () => sampleQuery(6)],
  ['Latin word', latinWord],
];
console.log(
  `bench/search — ${ARTICLES.toLocaleString('en')} articles, ${reuse ? 'reused' : 'built'} in ${buildSeconds.toFixed(0)} s, database ${sizeMb.toFixed(0)} MB, ${QUERIES} queries per kind, first 20 hits ranked`,
);
console.log('| query | median ms | p95 ms | mean hits |');
console.log('|---|---|---|---|');
for (const [name, make] of kinds) {
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < QUERIES; i++) {
    const q = make();
    const t = performance.now();
    hits += searchLines(db, q, { limit: 20 }).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `| ${name} | ${times[Math.floor(QUERIES / 2)]!.toFixed(1)} | ${times[Math.floor(QUERIES * 0.95)]!.toFixed(1)} | ${(hits / QUERIES).toFixed(1)} |`,
  );
}
archive.close();
if (!keep) rmSync(dir, { recursive: true, force: true });

// The pages of the scripts benches beyond modern horizontal Chinese, each with its truth and the
// native tesseract language that is its reference: the NZZ Fraktur front pages (real scans with
// PAGE ground truth), vertical traditional-Chinese pages (made, with exact truth), and small
// Latin print (an English three-column page made at 300 dpi and brought down to 72 dpi).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js/cn2t';
import sharp from 'sharp';
import { readPageXml } from '../../src/core/import/existing-ocr/page-xml-reader.ts';
import { normaliseParagraph } from '../../src/shared/text/normalise.ts';
import {
  makeVerticalPage,
  writeVerticalPage,
  type SourceArticle,
} from '../../test/fixtures/vertical-page.ts';
import { REPO_ROOT } from '../../test/fixtures/repo.ts';

export interface ScriptPage {
  name: string;
  /** 'tuning': looked at while rules were chosen; 'held out': never. */
  set: 'tuning' | 'held out';
  file: string;
  truth: string;
}

export interface ScriptSet {
  kind: string;
  /** Latin text is scored by words, Chinese by characters. */
  unit: 'words' | 'characters';
  /** The native tesseract language that reads this kind best: the reference. */
  native: string;
  pages: ScriptPage[];
}

const SHARED = path.join(REPO_ROOT, '..', 'shared', 'samples');

/** The NZZ front pages; all four were looked at while choosing Fraktur's rules (decision 006). */
export function nzzSet(only?: readonly string[]): ScriptSet {
  const dir = path.join(SHARED, 'real', 'nzz');
  if (!existsSync(dir)) throw new Error(`${dir}: the NZZ samples are not there.`);
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.tif'))
    .filter((f) => !only || only.some((y) => f.includes(`_${y}`)))
    .map((f): ScriptPage => {
      const xml = path.join(dir, f.replace(/\.tif$/, '.xml'));
      const truth = readPageXml(readFileSync(xml, 'utf8'), xml)
        .regions.map((r) => normaliseParagraph(r.lines.map((l) => l.text)))
        .join('\n');
      return { name: f.replace(/\.tif$/, ''), set: 'tuning', file: path.join(dir, f), truth };
    });
  return { kind: 'fraktur', unit: 'words', native: 'frk', pages };
}

export const VERTICAL_TUNING = [1, 2, 3, 4, 5, 6];
export const VERTICAL_HELD_OUT = [101, 102, 103, 104, 105, 106];

/** White space out, compatibility forms folded (a vertical comma is a comma). */
export const bareText = (s: string) => s.replace(/\s+/gu, '').normalize('NFKC');

/**
 * Vertical traditional-Chinese pages (test/fixtures/vertical-page.ts: the sample articles in
 * traditional characters, every other page mixed with a headline and caption set across and a
 * photo), clean at 300 dpi or degraded as a scan of the time: 200 dpi, turned 0.8°, soft,
 * grainy, JPEG.
 */
export async function verticalSet(
  dir: string,
  seeds: readonly number[],
  kind: 'clean' | 'degraded',
): Promise<ScriptSet> {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const source: SourceArticle[] = (
    JSON.parse(readFileSync(path.join(SHARED, 'articles_000.json'), 'utf8')) as {
      articles: { headline: string; paragraphs: string[] }[];
    }
  ).articles.map((a) => ({
    headline: toTraditional(a.headline),
    paragraphs: a.paragraphs.map(toTraditional),
  }));
  const pages: ScriptPage[] = [];
  for (const seed of seeds) {
    const page = makeVerticalPage(source, { seed, mixed: seed % 2 === 0 });
    const clean = await writeVerticalPage(page, path.join(dir, `v${seed}.png`));
    const truth = bareText(page.order.map((i) => page.lines[i]!.text).join(''));
    const set = VERTICAL_HELD_OUT.includes(seed) ? 'held out' : 'tuning';
    if (kind === 'clean') {
      pages.push({ name: `vertical-${seed}`, set, file: clean, truth });
      continue;
    }
    const file = path.join(dir, `v${seed}-degraded.jpg`);
    const turned = await sharp(clean)
      .rotate(0.8, { background: '#ffffff' })
      .resize({ width: Math.round((page.width * 2) / 3) })
      .blur(0.6)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const grain = Buffer.from(turned.data);
    let s = seed;
    for (let i = 0; i < grain.length; i++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      grain[i] = Math.max(0, Math.min(255, grain[i]! * 0.82 + 30 + ((s % 21) - 10)));
    }
    await sharp(grain, { raw: turned.info })
      .greyscale()
      .withMetadata({ density: 200 })
      .jpeg({ quality: 55 })
      .toFile(file);
    pages.push({ name: `vertical-${seed}-degraded`, set, file, truth });
  }
  return { kind: `vertical ${kind}`, unit: 'characters', native: 'chi_tra_vert', pages };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Words laid into lines of at most `chars` characters. */
function wrap(words: readonly string[], chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > chars) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * English pages of small print scanned at 72 dpi, as government and microfilm pages reach an
 * archive: a US letter page set at 300 dpi (a headline across, three columns of 10-point serif
 * body type) and brought down to 612 × 792 pixels, the file claiming 72 dpi. The text is plain
 * English prose from the GNU GPL (/usr/share/common-licenses on every Debian machine), a
 * different stretch per page. None of these pages was looked at while choosing the rules of
 * small print (decision 006), so all are held out.
 */
export async function smallLatinSet(dir: string, count = 5): Promise<ScriptSet> {
  const licence = '/usr/share/common-licenses/GPL-3';
  if (!existsSync(licence)) throw new Error(`${licence} is not there (Debian's base-files has it).`);
  const words = readFileSync(licence, 'utf8')
    .split(/\s+/u)
    .filter((w) => /^[A-Za-z][A-Za-z,.;:'()-]*$/u.test(w));
  const [width, height] = [2550, 3300];
  const body = { size: 42, pitch: 56, top: 420, columns: 3, left: 150, gutter: 90, chars: 27 };
  const columnWidth = (width - 2 * body.left - (body.columns - 1) * body.gutter) / body.columns;
  const perColumn = Math.floor((height - body.top - 150) / body.pitch);
  const pages: ScriptPage[] = [];
  for (let n = 0; n < count; n++) {
    const start = 400 + n * 900;
    const headline = words.slice(start, start + 6).join(' ');
    const lines = wrap(words.slice(start + 6, start + 900), body.chars).slice(0, perColumn * body.columns);
    const svgText = [
      `<text x="${body.left}" y="260" font-family="DejaVu Serif" font-weight="bold" font-size="96">${escapeXml(headline)}</text>`,
      ...lines.map((line, i) => {
        const column = Math.floor(i / perColumn);
        const x = body.left + column * (columnWidth + body.gutter);
        const y = body.top + ((i % perColumn) + 1) * body.pitch;
        return `<text x="${x}" y="${y}" font-family="DejaVu Serif" font-size="${body.size}">${escapeXml(line)}</text>`;
      }),
    ].join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>${svgText}</svg>`;
    const file = path.join(dir, `latin-72dpi-${n + 1}.png`);
    const large = await sharp(Buffer.from(svg), { density: 72 }).greyscale().png().toBuffer();
    await sharp(large).resize({ width: 612 }).withMetadata({ density: 72 }).png().toFile(file);
    pages.push({
      name: `latin-72dpi-${n + 1}`,
      set: 'held out',
      file,
      truth: [headline, ...lines].join('\n'),
    });
  }
  return { kind: 'latin 72 dpi', unit: 'words', native: 'eng', pages };
}

// The NZZ round trip: a real PAGE ground truth (German Fraktur pages of 1800–1943, in
// ../shared/samples/real/nzz) imported beside its scan, then exported as ALTO, PAGE and plain
// text. Read back as their consumers read them, every line is the ground truth's, word for word:
// German punctuation, fractions and spaces untouched, the line-end ¬ kept (as ALTO's HYP).

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPages } from '../../src/core/export/export-pages.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { SAMPLES } from '../fixtures/samples.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

const NZZ = path.join(SAMPLES, 'real', 'nzz');
const PAGES = readdirSync(NZZ)
  .filter((f) => f.endsWith('.xml'))
  .map((f) => f.replace(/\.xml$/, ''));

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** Each TextLine's own TextEquiv (the last Unicode directly in the line, after its Words). */
function pageXmlLines(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?TextLine\b[\s\S]*?<\/(?:\w+:)?TextLine>/g)].map((m) => {
    const line = m[0].replace(/<(?:\w+:)?Word\b[\s\S]*?<\/(?:\w+:)?Word>/g, '');
    const unicode = [...line.matchAll(/<(?:\w+:)?Unicode>([\s\S]*?)<\/(?:\w+:)?Unicode>/g)].at(-1);
    return decode(unicode?.[1] ?? '');
  });
}

/** ALTO as a reader takes it: String CONTENTs, a space per SP, the HYP sign at the end. */
function altoLines(xml: string): string[] {
  return [...xml.matchAll(/<TextLine\b[^>]*>([\s\S]*?)<\/TextLine>/g)].map((m) =>
    [...m[1]!.matchAll(/<(String|SP|HYP)\b([^>]*)\/>/g)]
      .map(([, tag, attributes]) =>
        tag === 'SP' ? ' ' : decode(/CONTENT="([^"]*)"/.exec(attributes!)?.[1] ?? ''),
      )
      .join(''),
  );
}

const words = (lines: readonly string[]) => lines.join(' ').split(/\s+/).filter(Boolean);

describe.each(PAGES)('the NZZ page %s', (name) => {
  it('comes back out of ALTO, PAGE and plain text with the ground truth text, word for word', async () => {
    const truthXml = readFileSync(path.join(NZZ, `${name}.xml`), 'utf8');
    // A run of spaces is one word gap (the transcribers typed two in a few places).
    const truth = pageXmlLines(truthXml)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter((l) => l !== '');
    const archive = tempArchive();
    const summary = await importScans(archive, [path.join(NZZ, `${name}.tif`)], {
      ocrFrom: path.join(NZZ, `${name}.xml`),
    });
    expect(summary.failed).toBe(0);
    const read = (format: 'alto' | 'page' | 'txt') => {
      const out = tempDir();
      exportPages(archive, format, out);
      return readFileSync(path.join(out, readdirSync(out)[0]!), 'utf8');
    };
    const sorted = (lines: string[]) => [...lines].sort();
    // Lines as sets: the export's reading order may differ from the file's (the layout step
    // orders regions the file gave without an order); the text of each line may not.
    expect(sorted(altoLines(read('alto')).filter((l) => l.trim() !== ''))).toEqual(sorted(truth));
    expect(sorted(pageXmlLines(read('page')).filter((l) => l.trim() !== ''))).toEqual(sorted(truth));
    // The ground truth's baselines come back too (as whole pixels), in PAGE and in ALTO.
    const baselines = (xml: string, pattern: RegExp) =>
      sorted(
        [...xml.matchAll(pattern)].map((m) =>
          m[1]!
            .trim()
            .split(/\s+/)
            .map((p) =>
              p
                .split(',')
                .map((v) => Math.max(0, Math.round(Number(v))))
                .join(','),
            )
            .join(' '),
        ),
      );
    const given = baselines(truthXml, /<(?:pc:)?Baseline points="([^"]+)"/g);
    expect(given.length).toBeGreaterThan(50);
    expect(baselines(read('page'), /<Baseline points="([^"]+)"/g)).toEqual(given);
    expect(baselines(read('alto'), /BASELINE="([^"]+)"/g)).toEqual(given);
    // Plain text joins wrapped lines (a word broken with ¬ or - is put back together), so it
    // has every word of the truth that was not broken across a line.
    const txt = new Set(words(read('txt').split('\n')));
    const all = words(truth);
    const whole = all.filter((w, i) => !/[¬-]$/.test(w) && !/[¬-]$/.test(all[i - 1] ?? ''));
    expect(whole.filter((w) => !txt.has(w))).toEqual([]);
  });
});

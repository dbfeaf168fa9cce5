// Variant search on an index that holds both forms: the sample pages' text layers (simplified)
// and one page corrected into traditional characters, as a reviewer of a Hong Kong or pre-1950
// paper types it. Either form finds both, marked as printed; --typed-form finds the form typed.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it, beforeAll } from 'vitest';
import { openArchive, type Archive } from '../../src/core/archive/archive.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { searchLines } from '../../src/core/archive/line-search.ts';
import { correctLine } from '../../src/core/text/corrections.ts';
import { runCli } from '../fixtures/cli.ts';
import { samplePage } from '../fixtures/samples.ts';
import { writeTextPdf } from '../fixtures/scans.ts';
import { tempDir } from '../fixtures/temp.ts';

// The test's own converter (simplified to Taiwan traditional, phrase-aware): not the one under test.
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

interface Lines {
  simplified: { id: number; text: string }[];
  /** The page-3 lines corrected into traditional characters, with the text they had before. */
  traditional: { id: number; text: string; before: string }[];
}

async function bothForms(archive: Archive): Promise<Lines> {
  await importScans(archive, [samplePage(1, 'page.pdf')], { title: '文峪河报', date: '2018-10-19' });
  await importScans(archive, [samplePage(3, 'page.pdf')], { title: '文峪河报', date: '2018-10-26' });
  const rows = (pageSequence: number) =>
    archive.db
      .prepare(
        `SELECT l.id, l.text FROM lines l JOIN pages p ON p.id = l.page_id JOIN issues i ON i.id = p.issue_id
         WHERE i.issue_date = ? ORDER BY l.id`,
      )
      .all(pageSequence === 1 ? '2018-10-19' : '2018-10-26') as { id: number; text: string }[];
  const traditional = rows(3).filter((l) => toTraditional(l.text) !== l.text);
  for (const l of traditional) correctLine(archive.db, l.id, toTraditional(l.text), 'reviewer');
  return {
    simplified: rows(1),
    traditional: traditional.map((l) => ({ id: l.id, text: toTraditional(l.text), before: l.text })),
  };
}

/** A two-character word that the page in simplified and the page in traditional both hold. */
function sharedWord(lines: Lines): { simplified: string; traditional: string } {
  for (const t of lines.traditional) {
    const chars = [...t.text];
    for (let i = 0; i + 1 < chars.length; i++) {
      const word = chars[i]! + chars[i + 1]!;
      if (!/^\p{Script=Han}{2}$/u.test(word)) continue;
      const simplified = lines.simplified.find((s) => toTraditional(s.text).includes(word));
      if (!simplified) continue;
      const start = [...toTraditional(simplified.text)].indexOf(chars[i]!);
      const simple = [...simplified.text].slice(start, start + 2).join('');
      if (simple !== word && toTraditional(simple) === word) return { simplified: simple, traditional: word };
    }
  }
  throw new Error('no word in both forms');
}

describe('variant search', () => {
  let archive: Archive;
  let lines: Lines;
  let word: { simplified: string; traditional: string };
  beforeAll(async () => {
    // Its own folder and archive, kept for every test here (tempDir's go after each test).
    const dir = mkdtempSync(path.join(os.tmpdir(), 'backfile-variants-'));
    archive = openArchive(path.join(dir, 'archive'));
    lines = await bothForms(archive);
    word = sharedWord(lines);
    return () => {
      archive.close();
      rmSync(dir, { recursive: true, force: true });
    };
  });

  const holds = (ids: number[], form: string) =>
    [...lines.simplified, ...lines.traditional].filter((l) => l.text.includes(form) && ids.includes(l.id));

  it('finds both forms from either, on an index that holds both', () => {
    expect(lines.traditional.length).toBeGreaterThan(10);
    for (const query of [word.simplified, word.traditional]) {
      const hits = searchLines(archive.db, query, { limit: 1000 });
      const ids = hits.map((h) => h.lineId);
      expect(holds(ids, word.simplified).length).toBeGreaterThan(0);
      expect(holds(ids, word.traditional).length).toBeGreaterThan(0);
      // Every hit holds the word in one form or the other, and is marked in the form printed.
      for (const h of hits) {
        const form = h.text.includes(word.traditional) ? word.traditional : word.simplified;
        expect(h.text).toContain(form);
        expect(h.marked).toContain(`[${form}`);
      }
    }
  });

  it('finds a longer phrase (the trigram index) and a single character in both forms', () => {
    const line = lines.traditional.find(
      (l) => /^\p{Script=Han}{4}/u.test(l.text) && l.text.slice(0, 4) !== l.before.slice(0, 4),
    )!;
    expect(line).toBeDefined();
    for (const phrase of [line.text.slice(0, 4), line.before.slice(0, 4)])
      expect(searchLines(archive.db, phrase, { limit: 1000 }).map((h) => h.lineId)).toContain(line.id);
    const one = [...word.traditional][0]!;
    const single = searchLines(archive.db, one, { limit: 1000 }).map((h) => h.lineId);
    expect(holds(single, [...word.simplified][0]!).length).toBeGreaterThan(0);
    expect(holds(single, one).length).toBeGreaterThan(0);
  });

  it('finds the form typed only when asked, in the app and on the command line', async () => {
    const strict = searchLines(archive.db, word.traditional, { limit: 1000, variants: false });
    expect(strict.length).toBeGreaterThan(0);
    expect(strict.every((h) => h.text.includes(word.traditional))).toBe(true);
    const loose = searchLines(archive.db, word.traditional, { limit: 1000 });
    expect(loose.length).toBeGreaterThan(strict.length);
    const cli = runCli(['search', '--archive', archive.dir, '--json', '--typed-form', word.simplified]);
    expect(cli.status, cli.stderr).toBe(0);
    const hits = JSON.parse(cli.stdout) as { text: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.text.includes(word.simplified))).toBe(true);
  });

  it('folds the long s and ligatures: Wasser finds Waſſer and ﬁnden finds finden', async () => {
    const pdf = await writeTextPdf(path.join(tempDir(), 'fraktur.pdf'), [
      ['Das Wasser steigt', 'Sie finden es'],
    ]);
    await importScans(archive, [pdf], { title: 'Neue Zürcher Zeitung', date: '1885-10-19' });
    const ids = archive.db
      .prepare("SELECT id FROM lines WHERE text IN ('Das Wasser steigt', 'Sie finden es') ORDER BY text")
      .pluck()
      .all() as number[];
    expect(ids).toHaveLength(2);
    // As a Fraktur transcription writes them.
    correctLine(archive.db, ids[0]!, 'Das Waſſer ſteigt', 'reviewer');
    correctLine(archive.db, ids[1]!, 'Sie ﬁnden es', 'reviewer');
    expect(searchLines(archive.db, 'Wasser').map((h) => h.lineId)).toContain(ids[0]);
    expect(searchLines(archive.db, 'Waſſer').map((h) => h.lineId)).toContain(ids[0]);
    expect(searchLines(archive.db, 'finden').map((h) => h.lineId)).toContain(ids[1]);
  });
});

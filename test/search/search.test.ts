// Search on real text: the three sample pages' text layers (Chinese) and a Latin page, in an
// archive with two titles and dates.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/archive/archive.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { parseQuery } from '../../src/core/search/query.ts';
import { RANK_CAP, searchLines } from '../../src/core/archive/line-search.ts';
import { correctLine } from '../../src/core/text/corrections.ts';
import { createRegion } from '../../src/core/articles/regions.ts';
import { runCli } from '../fixtures/cli.ts';
import { samplePage } from '../fixtures/samples.ts';
import { writeTextPdf } from '../fixtures/scans.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

async function archiveWithText(): Promise<Archive> {
  const archive = tempArchive();
  await importScans(archive, [samplePage(1, 'page.pdf'), samplePage(2, 'page.pdf')], {
    title: '文峪河报',
    date: '2018-10-19',
  });
  await importScans(archive, [samplePage(3, 'page.pdf')], { title: '文峪河报', date: '2018-10-26' });
  const latin = await writeTextPdf(path.join(tempDir(), 'nzz.pdf'), [
    ['Neue Zürcher Zeitung', 'Die Regierung in Zürich hat', 'beschlossen, die Zeitung zu lesen.'],
  ]);
  await importScans(archive, [latin], { title: 'Neue Zürcher Zeitung', date: '1885-10-19' });
  return archive;
}

const texts = (hits: { text: string }[]) => hits.map((h) => h.text);

describe('search', () => {
  it('finds one-character Chinese queries, which a trigram index alone cannot', async () => {
    const archive = await archiveWithText();
    const hits = searchLines(archive.db, '枣', { limit: 1000 });
    const expected = archive.db
      .prepare("SELECT COUNT(*) FROM lines WHERE text LIKE '%枣%'")
      .pluck()
      .get() as number;
    expect(expected).toBeGreaterThan(3);
    expect(hits).toHaveLength(expected);
    expect(hits.every((h) => h.marked.includes('[枣]'))).toBe(true);
  });

  it('finds two-character Chinese queries as adjacent characters, not anywhere in the line', async () => {
    const archive = await archiveWithText();
    const hits = searchLines(archive.db, '骏枣', { limit: 1000 });
    const expected = archive.db
      .prepare("SELECT COUNT(*) FROM lines WHERE text LIKE '%骏枣%'")
      .pluck()
      .get() as number;
    expect(expected).toBeGreaterThan(0);
    expect(hits).toHaveLength(expected);
    expect(texts(hits).every((t) => t.includes('骏枣'))).toBe(true);
    expect(hits[0]!.marked).toContain('[骏枣]');
  });

  it('finds longer Chinese queries through the trigram index, and phrases with quotes', async () => {
    const archive = await archiveWithText();
    expect(parseQuery('交城县农特产品').index).toBe('trigram');
    const hits = searchLines(archive.db, '交城县农特产品');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.marked).toContain('[交城县农特产品]');
    // Two terms must both occur; a quoted phrase must occur as written.
    expect(
      texts(searchLines(archive.db, '交城 脱贫', { limit: 1000 })).every(
        (t) => t.includes('交城') && t.includes('脱贫'),
      ),
    ).toBe(true);
    expect(searchLines(archive.db, '"国家扶贫日"').length).toBeGreaterThan(0);
    expect(searchLines(archive.db, '"扶贫日国家"')).toHaveLength(0);
  });

  it('is case- and diacritic-insensitive for Latin text', async () => {
    const archive = await archiveWithText();
    for (const q of ['zurich', 'ZÜRICH', 'Zurcher Zeitung', 'zeitung']) {
      expect(searchLines(archive.db, q).length, q).toBeGreaterThan(0);
    }
    expect(searchLines(archive.db, 'zurich')[0]!.marked).toMatch(/\[Zürich\]/);
  });

  it('filters by title and date range', async () => {
    const archive = await archiveWithText();
    const all = searchLines(archive.db, '交城', { limit: 1000 });
    const late = searchLines(archive.db, '交城', { from: '2018-10-20', limit: 1000 });
    const early = searchLines(archive.db, '交城', { to: '2018-10-19', limit: 1000 });
    expect(late.length + early.length).toBe(all.length);
    expect(late.every((h) => h.date === '2018-10-26')).toBe(true);
    expect(searchLines(archive.db, 'Zeitung', { title: '文峪河报' })).toHaveLength(0);
    expect(searchLines(archive.db, 'Zeitung', { title: 'Neue Zürcher Zeitung' }).length).toBeGreaterThan(0);
  });

  it('filters by page status and region role', async () => {
    const archive = await archiveWithText();
    const all = searchLines(archive.db, '交城', { limit: 1000 });
    const [first] = all;
    correctLine(archive.db, first!.lineId, `${first!.text}。`, 'tester'); // its page is now "in correction"
    const inCorrection = searchLines(archive.db, '交城', { status: 'in_correction', limit: 1000 });
    expect(inCorrection.length).toBeGreaterThan(0);
    expect(new Set(inCorrection.map((h) => h.pageId))).toEqual(new Set([first!.pageId]));
    const { x0, y0, x1, y1 } = first!.box;
    createRegion(
      archive.db,
      first!.pageId,
      'headline',
      [
        [x0 - 2, y0 - 2],
        [x1 + 2, y0 - 2],
        [x1 + 2, y1 + 2],
        [x0 - 2, y1 + 2],
      ],
      'tester',
    );
    expect(searchLines(archive.db, '交城', { role: 'headline', limit: 1000 }).map((h) => h.lineId)).toEqual([
      first!.lineId,
    ]);
  });

  it('finds corrected text at once, and no longer finds what was corrected away', async () => {
    const archive = await archiveWithText();
    const [hit] = searchLines(archive.db, 'Regierung');
    correctLine(archive.db, hit!.lineId, 'Die Behörde in Zürich hat', 'tester');
    expect(searchLines(archive.db, 'Regierung')).toHaveLength(0);
    expect(searchLines(archive.db, 'behorde')[0]!.lineId).toBe(hit!.lineId);
    // A one-character query sees the correction too.
    correctLine(archive.db, hit!.lineId, '鑫', 'tester');
    expect(searchLines(archive.db, '鑫').map((h) => h.lineId)).toEqual([hit!.lineId]);
  });

  it('searches from the command line', async () => {
    const archive = await archiveWithText();
    archive.close();
    const r = runCli(['search', '--archive', archive.dir, '--json', '--title', '文峪河报', '骏枣']);
    expect(r.status, r.stderr).toBe(0);
    const hits = JSON.parse(r.stdout);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toMatchObject({ title: '文峪河报', marked: expect.stringContaining('[骏枣]') });
    expect(runCli(['search', '--archive', archive.dir, '--from', '2018-02-30', 'x']).stderr).toMatch(
      /not a real date/,
    );
  });

  it('ranks only the newest matches of a query that matches very many lines, unless filtered', async () => {
    const archive = await archiveWithText();
    const pageId = 1;
    const insert = archive.db.prepare(
      "INSERT INTO lines (page_id, position, x0, y0, x1, y1, raw_text, text, source_id, updated_at) VALUES (?, ?, 0, 0, 1, 1, ?, ?, 1, 'now')",
    );
    archive.db.transaction(() => {
      for (let i = 0; i < RANK_CAP + 500; i++) insert.run(pageId, 10_000 + i, `鑫${i}`, `鑫${i}`);
    })();
    const ids = archive.db
      .prepare("SELECT id FROM lines WHERE text LIKE '鑫%' ORDER BY id DESC")
      .pluck()
      .all() as number[];
    const floor = ids[RANK_CAP - 1]!;
    const hits = searchLines(archive.db, '鑫', { limit: 100 });
    expect(hits).toHaveLength(100);
    expect(hits.every((h) => h.lineId >= floor)).toBe(true);
    // Asking for more hits than the cap widens it: nothing asked for is withheld.
    expect(searchLines(archive.db, '鑫', { limit: RANK_CAP + 200 })).toHaveLength(RANK_CAP + 200);
    const filtered = searchLines(archive.db, '鑫', { title: '文峪河报', limit: 100 });
    expect(filtered.some((h) => h.lineId < floor)).toBe(true);
  });
});

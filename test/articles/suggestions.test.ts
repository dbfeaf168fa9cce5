// Suggested articles wait for a person: accepting one keeps it (and its regions) through the next
// suggestion run, which adds nothing over what was kept; rejecting one removes it and the regions
// it suggested. Both are undone and redone from the page's own history. Real archive, real PDF.

import { describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/archive/archive.ts';
import { listArticles } from '../../src/core/articles/articles.ts';
import { acceptSuggestion, rejectSuggestion } from '../../src/core/articles/suggestions.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { suggestPages } from '../../src/core/layout/suggest-pages.ts';
import { redoLast, undoLast } from '../../src/core/review/undo.ts';
import { articleSummaries } from '../../src/core/service/article-list.ts';
import { articleView } from '../../src/core/service/page-view.ts';
import { setArticleStatus } from '../../src/core/review/status.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';

const regionsOf = (archive: Archive) =>
  archive.db.prepare('SELECT id, accepted, x0, y0, x1, y1 FROM regions ORDER BY id').all() as {
    id: number;
    accepted: number;
    x0: number;
    y0: number;
    x1: number;
    y1: number;
  }[];
const linesIn = (archive: Archive, regionIds: readonly number[]) =>
  archive.db
    .prepare(
      `SELECT COUNT(*) FROM lines WHERE region_id IN (${regionIds.map(() => '?').join(',') || 'NULL'})`,
    )
    .pluck()
    .get(...regionIds) as number;

async function suggestedPage(): Promise<Archive> {
  const archive = tempArchive();
  await importScans(archive, [samplePage(3, 'page.pdf')], { title: '文峪河报', date: '2018-10-19' });
  const run = await suggestPages(archive, [1]);
  expect(run.pages).toEqual([expect.objectContaining({ pageId: 1, articles: 3 })]);
  return archive;
}

describe('deciding on suggested articles', () => {
  it('keeps an accepted article through the next suggestion run, without suggesting it twice', async () => {
    const archive = await suggestedPage();
    const [kept, ...others] = listArticles(archive.db);
    expect(articleView(archive.db, kept!.id).suggested).toBe(true);
    acceptSuggestion(archive.db, kept!.id, 'tester');
    expect(articleView(archive.db, kept!.id).suggested).toBe(false);
    const keptRegions = regionsOf(archive).filter((r) => kept!.regionIds.includes(r.id));
    expect(keptRegions.every((r) => r.accepted === 1)).toBe(true);
    // Accepting twice is refused: there is no suggestion left to decide on.
    expect(() => acceptSuggestion(archive.db, kept!.id, 'tester')).toThrow(/not a suggestion/);

    await suggestPages(archive, [1]);
    const after = listArticles(archive.db);
    expect(after).toHaveLength(3);
    expect(after.find((a) => a.id === kept!.id)?.regionIds).toEqual(kept!.regionIds);
    // The others were suggested again: no article came twice, and no region lies mostly over a kept one.
    const headlines = after.map((a) => articleView(archive.db, a.id).headline);
    expect(new Set(headlines).size).toBe(3);
    expect(others).toHaveLength(2);
    const overlap = (a: (typeof keptRegions)[number], b: (typeof keptRegions)[number]) =>
      Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) *
      Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
    const fresh = regionsOf(archive).filter((r) => r.accepted === 0);
    const area = (r: (typeof keptRegions)[number]) => (r.x1 - r.x0) * (r.y1 - r.y0);
    expect(fresh.length).toBeGreaterThan(0);
    for (const f of fresh)
      expect(keptRegions.reduce((n, k) => n + overlap(k, f), 0)).toBeLessThanOrEqual(area(f) / 2);
  });

  it('rejects an article with its regions, and brings it back with undo on its page', async () => {
    const archive = await suggestedPage();
    const [gone, ...rest] = listArticles(archive.db);
    expect(linesIn(archive, gone!.regionIds)).toBeGreaterThan(0);
    const before = regionsOf(archive).length;
    rejectSuggestion(archive.db, gone!.id, 'tester');
    expect(listArticles(archive.db).map((a) => a.id)).toEqual(rest.map((a) => a.id));
    expect(regionsOf(archive)).toHaveLength(before - gone!.regionIds.length);
    expect(linesIn(archive, gone!.regionIds)).toBe(0);

    expect(undoLast(archive.db, 'tester', { pageId: 1 }).label).toBe('reject suggested article');
    const back = listArticles(archive.db).find((a) => a.id === gone!.id);
    expect(back).toMatchObject({ regionIds: gone!.regionIds, origin: 'suggested', accepted: false });
    expect(linesIn(archive, gone!.regionIds)).toBeGreaterThan(0);

    expect(redoLast(archive.db, { pageId: 1 }).label).toBe('reject suggested article');
    expect(listArticles(archive.db).some((a) => a.id === gone!.id)).toBe(false);
    expect(regionsOf(archive)).toHaveLength(before - gone!.regionIds.length);
  });

  it('undoes an acceptance, and refuses to reject what a person made', async () => {
    const archive = await suggestedPage();
    const [article] = listArticles(archive.db);
    acceptSuggestion(archive.db, article!.id, 'tester');
    expect(() => rejectSuggestion(archive.db, article!.id, 'tester')).toThrow(/not a suggestion/);
    expect(undoLast(archive.db, 'tester', { pageId: 1 }).label).toBe('accept suggested article');
    expect(articleView(archive.db, article!.id).suggested).toBe(true);
    expect(
      regionsOf(archive)
        .filter((r) => article!.regionIds.includes(r.id))
        .every((r) => !r.accepted),
    ).toBe(true);
  });

  it("lists the collection's articles with their pages, status and length, filtered by status", async () => {
    const archive = await suggestedPage();
    const all = articleSummaries(archive.db);
    expect(all).toHaveLength(3);
    for (const a of all) {
      expect(a).toMatchObject({ title: '文峪河报', date: '2018-10-19', status: 'new', suggested: true });
      expect(a.pages.map((p) => p.id)).toEqual([1]);
      const view = articleView(archive.db, a.id);
      expect(a.headline).toBe(view.headline);
      expect(a.characters).toBeGreaterThan(view.paragraphs.join('').replace(/\s/g, '').length - 1);
    }
    setArticleStatus(archive.db, all[1]!.id, 'in_correction', undefined, 'tester');
    expect(articleSummaries(archive.db, { status: 'in_correction' }).map((a) => a.id)).toEqual([all[1]!.id]);
    expect(articleSummaries(archive.db, { status: 'new' })).toHaveLength(2);
  });

  it('says why a page without text cannot be laid out, and goes on with the others', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(3, 'page.pdf')]);
    const run = await suggestPages(archive, [99, 1]);
    expect(run.pages[0]).toMatchObject({ pageId: 99, error: { code: 'not-found' } });
    expect(run.pages[1]).toMatchObject({ pageId: 1, articles: 3 });
  });
});

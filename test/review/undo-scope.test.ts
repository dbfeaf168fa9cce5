// Undo and redo scoped to the page a reviewer is looking at (the page view's Ctrl+Z): a change on
// another page is never undone from this one, every kind of page change counts (a line, a region,
// even a deleted one, an article, the page's status), and a redo chain is the page's own. Real
// archive, two real sample pages imported from their PDFs' text layers.

import { describe, expect, it } from 'vitest';
import { createArticle } from '../../src/core/articles/articles.ts';
import { createRegion, deleteRegion } from '../../src/core/articles/regions.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { setPageStatus } from '../../src/core/review/status.ts';
import { redoLast, undoLast } from '../../src/core/review/undo.ts';
import { correctLine } from '../../src/core/text/corrections.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';

async function twoPages() {
  const archive = tempArchive();
  await importScans(archive, [samplePage(1, 'page.pdf'), samplePage(2, 'page.pdf')]);
  const firstLine = (pageId: number) =>
    archive.db
      .prepare('SELECT id, text FROM lines WHERE page_id = ? ORDER BY position LIMIT 1')
      .get(pageId) as { id: number; text: string };
  const lineText = (id: number) =>
    archive.db.prepare('SELECT text FROM lines WHERE id = ?').pluck().get(id) as string;
  const status = (pageId: number) =>
    archive.db.prepare('SELECT status FROM pages WHERE id = ?').pluck().get(pageId) as string;
  const regionCount = (pageId: number) =>
    archive.db.prepare('SELECT count(*) FROM regions WHERE page_id = ?').pluck().get(pageId) as number;
  return { archive, firstLine, lineText, status, regionCount };
}

const square = (x: number): [number, number][] => [
  [x, 100],
  [x + 300, 100],
  [x + 300, 400],
  [x, 400],
];

describe('undo scoped to a page', () => {
  it('undoes the newest change of this page, not a newer one on another page', async () => {
    const { archive, firstLine, lineText, status } = await twoPages();
    const one = firstLine(1);
    correctLine(archive.db, one.id, `${one.text}甲`, 'amy');
    setPageStatus(archive.db, 2, 'corrected', undefined, 'amy'); // newer, on page 2

    const undone = undoLast(archive.db, 'amy', { pageId: 1 });
    expect(undone.changeId).not.toBeNull();
    expect(lineText(one.id)).toBe(one.text);
    expect(status(2)).toBe('corrected'); // page 2's change stands

    // Nothing else on page 1 to undo; the archive-wide undo still reaches page 2.
    expect(undoLast(archive.db, 'amy', { pageId: 1 }).changeId).toBeNull();
    expect(undoLast(archive.db, 'amy').changeId).not.toBeNull();
    expect(status(2)).toBe('imported');
  });

  it('counts a region drawn and deleted, an article and a status move as the page’s changes', async () => {
    const { archive, status, regionCount } = await twoPages();
    const regions = regionCount(1);
    const kept = createRegion(archive.db, 1, 'body', square(100), 'amy');
    const gone = createRegion(archive.db, 1, 'headline', square(600), 'amy');
    createRegion(archive.db, 2, 'body', square(100), 'amy'); // page 2, in between
    deleteRegion(archive.db, gone, 'amy'); // its row is gone; the snapshot names the page
    const article = createArticle(archive.db, [kept], { headline: '标题' }, 'amy');
    setPageStatus(archive.db, 1, 'corrected', undefined, 'amy');
    const labels: string[] = [];
    for (;;) {
      const { changeId, label } = undoLast(archive.db, 'amy', { pageId: 1 });
      if (changeId === null) break;
      labels.push(label!);
    }
    expect(labels).toHaveLength(5); // status, article, delete, two regions: all of page 1's
    expect(status(1)).toBe('imported');
    expect(regionCount(1)).toBe(regions);
    expect(archive.db.prepare('SELECT count(*) FROM articles WHERE id = ?').pluck().get(article)).toBe(0);
    expect(regionCount(2)).toBeGreaterThan(0); // page 2's region untouched
  });

  it('refuses an undo whose region id was given again to another page’s region', async () => {
    const { archive } = await twoPages();
    const role = (id: number) => archive.db.prepare('SELECT page_id, role FROM regions WHERE id = ?').get(id);
    const drawn = createRegion(archive.db, 1, 'headline', square(600), 'amy');
    deleteRegion(archive.db, drawn, 'amy');
    // The newest region deleted: SQLite gives its id to the next one, here on page 2.
    const other = createRegion(archive.db, 2, 'body', square(100), 'amy');
    expect(other).toBe(drawn);
    expect(() => undoLast(archive.db, 'amy', { pageId: 1 })).toThrow(/id was given to another region/);
    expect(role(other)).toEqual({ page_id: 2, role: 'body' }); // page 2's region as it was
  });

  it('redoes this page’s undone change, and a new change on this page ends its redo chain', async () => {
    const { archive, firstLine, lineText } = await twoPages();
    const one = firstLine(1);
    const two = firstLine(2);
    correctLine(archive.db, one.id, `${one.text}甲`, 'amy');
    undoLast(archive.db, 'amy', { pageId: 1 });
    // A change on page 2 after the undo does not end page 1's redo chain …
    correctLine(archive.db, two.id, `${two.text}乙`, 'amy');
    expect(redoLast(archive.db, { pageId: 1 }).changeId).not.toBeNull();
    expect(lineText(one.id)).toBe(`${one.text}甲`);
    // … but one on page 1 does.
    undoLast(archive.db, 'amy', { pageId: 1 });
    correctLine(archive.db, one.id, `${one.text}丙`, 'amy');
    expect(redoLast(archive.db, { pageId: 1 }).changeId).toBeNull();
    expect(lineText(one.id)).toBe(`${one.text}丙`);
    expect(lineText(two.id)).toBe(`${two.text}乙`);
  });
});

// Page metadata edited after import (the library's "Edit details" for a selection): one recorded
// change for every page in it, each page moved to the issue its new metadata names, and undo and
// redo (archive-wide and from the page's own view) putting every field back, the page's place in
// its issue included. Real archive, real sample pages from their PDFs' text layers.

import { describe, expect, it } from 'vitest';
import { updatePagesMetadata } from '../../src/core/archive/page-metadata.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { redoLast, undoLast } from '../../src/core/review/undo.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';

interface Filed {
  title: string;
  date: string;
  edition: string;
  printedNumber: string | null;
  sequence: number;
  issueId: number;
}

async function threePages() {
  const archive = tempArchive();
  await importScans(archive, [
    samplePage(1, 'page.pdf'),
    samplePage(2, 'page.pdf'),
    samplePage(3, 'page.pdf'),
  ]);
  const filed = (pageId: number) =>
    archive.db
      .prepare(
        `SELECT t.name AS title, i.issue_date AS date, i.edition AS edition, p.printed_number AS printedNumber,
                p.sequence AS sequence, p.issue_id AS issueId
         FROM pages p JOIN issues i ON i.id = p.issue_id JOIN titles t ON t.id = i.title_id WHERE p.id = ?`,
      )
      .get(pageId) as Filed;
  return { archive, filed };
}

describe('page metadata after import', () => {
  it('files a selection under one title and date as one change, and undo and redo move every page back and forth', async () => {
    const { archive, filed } = await threePages();
    const before = [1, 2, 3].map(filed);
    const changeId = updatePagesMetadata(
      archive.db,
      [1, 2],
      { title: '文峪河报', date: '2018-10-19' },
      'amy',
    );
    expect(changeId).not.toBeNull();
    const after = [1, 2].map(filed);
    for (const page of after) expect([page.title, page.date]).toEqual(['文峪河报', '2018-10-19']);
    expect(after[0]!.issueId).toBe(after[1]!.issueId);
    expect(filed(3)).toEqual(before[2]); // not selected, not touched
    const edits = archive.db.prepare('SELECT count(*) FROM edits WHERE change_id = ?').pluck().get(changeId);
    expect(edits).toBe(4); // title and date, for each of the two pages

    expect(undoLast(archive.db, 'amy').changeId).toBe(changeId);
    expect([1, 2, 3].map(filed)).toEqual(before);
    expect(redoLast(archive.db).changeId).toBe(changeId);
    expect([1, 2].map(filed)).toEqual(after);
  });

  it('gives one page its printed number and place in the issue, and undo from that page takes both back', async () => {
    const { archive, filed } = await threePages();
    const before = filed(1);
    updatePagesMetadata(archive.db, [1], { printedNumber: '7' }, 'amy');
    expect(filed(1)).toMatchObject({ printedNumber: '7', sequence: 7 });
    // A newer change on another page: the page view's undo on page 1 leaves it.
    updatePagesMetadata(archive.db, [2], { edition: 'Abendausgabe' }, 'amy');
    undoLast(archive.db, 'amy', { pageId: 1 });
    expect(filed(1)).toEqual(before);
    expect(filed(2).edition).toBe('Abendausgabe');
  });

  it('records nothing when nothing differs, and refuses a date that is no day', async () => {
    const { archive, filed } = await threePages();
    const { title, date } = filed(1);
    expect(updatePagesMetadata(archive.db, [1], { title, date }, 'amy')).toBeNull();
    expect(() => updatePagesMetadata(archive.db, [1, 2], { date: '2018-02-30' }, 'amy')).toThrow(
      /not a date|2018-02-30/,
    );
    // Refused as a whole: neither page moved.
    expect(filed(2).date).toBe(date);
  });
});

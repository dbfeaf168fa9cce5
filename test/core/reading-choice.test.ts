// How a title or an issue is read, chosen before any page is: the issue's choice before its
// title's, a page's own before both, forgetting (null) gives the scope back to the one above,
// and a title or issue that is not in the archive is named in the refusal. A real archive.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { chooseReading, readingChoices } from '../../src/core/ocr/reading-choice.ts';
import { engineForPage, languageForPage, rememberLanguage } from '../../src/core/ocr/queue-ocr.ts';
import { effectiveReading } from '../../src/shared/ocr.ts';
import { LEFT_COLUMN, writeTextScan } from '../fixtures/text-scan.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

async function twoIssues() {
  const archive = tempArchive();
  const dir = tempDir();
  for (const [k, date] of ['1911-03-01', '1911-03-02'].entries()) {
    const lines = LEFT_COLUMN.slice(k);
    const scan = await writeTextScan(path.join(dir, `${date}.png`), [{ x: 60, y: 60, lines }], 900, 400);
    await importScans(archive, [scan], { title: 'Gazette', date });
  }
  const ids = archive.db.prepare('SELECT id, issue_id AS issueId FROM pages ORDER BY id').all() as {
    id: number;
    issueId: number;
  }[];
  return {
    archive,
    pages: ids,
    titleId: archive.db.prepare('SELECT id FROM titles').pluck().get() as number,
  };
}

describe('choosing how titles and issues are read', () => {
  it('gives pages their issue’s choice before their title’s, and their own before both', async () => {
    const { archive, pages, titleId } = await twoIssues();
    const [first, second] = pages as [{ id: number; issueId: number }, { id: number; issueId: number }];
    chooseReading(archive.db, { titleId }, { languages: 'frk', engine: 'tesseract' });
    chooseReading(archive.db, { issueId: second.issueId }, { languages: 'deu' });
    expect(languageForPage(archive.db, first.id)).toBe('frk');
    expect(languageForPage(archive.db, second.id)).toBe('deu');
    expect(engineForPage(archive.db, second.id, 'deu')).toBe('tesseract');

    rememberLanguage(archive.db, { pages: [second.id] }, 'eng');
    expect(languageForPage(archive.db, second.id)).toBe('eng');

    // The library's view says the same, and where each value comes from.
    const choices = readingChoices(archive.reader);
    expect(effectiveReading(choices, { titleId, issueId: second.issueId }).language).toEqual({
      value: 'deu',
      from: 'issue',
    });
    expect(effectiveReading(choices, { titleId, issueId: first.issueId }).language).toEqual({
      value: 'frk',
      from: 'title',
    });
    expect(effectiveReading(choices, {}).engine).toEqual({ value: 'auto', from: 'default' });

    // Forgetting: the issue takes its title's again; an absent field is left alone.
    chooseReading(archive.db, { issueId: second.issueId }, { languages: null });
    chooseReading(archive.db, { titleId }, { languages: 'eng' });
    const after = readingChoices(archive.reader);
    expect(effectiveReading(after, { titleId, issueId: second.issueId })).toEqual({
      language: { value: 'eng', from: 'title' },
      engine: { value: 'tesseract', from: 'title' },
    });
  });

  it('refuses a title or an issue that is not in the archive, and changes nothing', async () => {
    const { archive, titleId } = await twoIssues();
    const before = readingChoices(archive.reader);
    expect(() => chooseReading(archive.db, { titleId: titleId + 10 }, { languages: 'frk' })).toThrow(
      `No title with id ${titleId + 10} in the archive.`,
    );
    expect(() => chooseReading(archive.db, { issueId: 99 }, { engine: 'ppocr' })).toThrow(
      'No issue with id 99 in the archive.',
    );
    expect(readingChoices(archive.reader)).toEqual(before);
  });
});

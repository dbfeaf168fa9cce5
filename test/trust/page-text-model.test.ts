// One page-text model: which region a line belongs to is one fact, kept when lines or regions
// change; exports hold every line; re-reading a page keeps human work, says what it will do, and
// one undo takes it back. Real SQLite, real tesseract.js on a page rendered on the spot.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/archive/archive.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { OcrRunner } from '../../src/core/jobs/ocr-runner.ts';
import { engineFactory } from '../../src/core/ocr/engines.ts';
import { queueOcr } from '../../src/core/ocr/queue-ocr.ts';
import { reReadImpact, storePageReading } from '../../src/core/ocr/re-read.ts';
import { createRegion } from '../../src/core/articles/regions.ts';
import { createArticle } from '../../src/core/articles/articles.ts';
import { assembleArticle } from '../../src/core/articles/assemble.ts';
import { redo, undo } from '../../src/core/review/undo.ts';
import { setArticleStatus, setPageStatus } from '../../src/core/review/status.ts';
import { correctLine } from '../../src/core/text/corrections.ts';
import { applyReplacements } from '../../src/core/text/replace.ts';
import { loadExportPage } from '../../src/core/export/page-model.ts';
import { searchLines } from '../../src/core/archive/line-search.ts';
import { articleHistory } from '../../src/core/review/versions.ts';
import { pageToAlto } from '../../src/core/export/formats/alto.ts';
import { boxToPolygon } from '../../src/shared/geometry.ts';
import type { PageText } from '../../src/shared/model.ts';
import { LEFT_COLUMN, twoColumns, writeTextScan } from '../fixtures/text-scan.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

const USER = 'tester';
const LEFT = boxToPolygon({ x0: 30, y0: 40, x1: 850, y1: 340 });

async function pageWithScan(): Promise<{ archive: Archive; pageId: number }> {
  const archive = tempArchive();
  const file = await writeTextScan(path.join(tempDir(), 'harbour.png'), twoColumns());
  const summary = await importScans(archive, [file], { title: 'Harbour News', date: '1921-03-04' });
  return { archive, pageId: summary.files[0]!.pageIds[0]! };
}

async function readWithOcr(archive: Archive, pageId: number, force = false): Promise<void> {
  queueOcr(archive, {
    scope: { pages: [pageId] },
    languages: 'eng',
    engine: 'tesseract',
    force,
    confirmed: force,
  });
  const summary = await new OcrRunner(archive, await engineFactory(archive), { workers: 1 }).run();
  expect(summary).toMatchObject({ done: 1, failed: 0 });
}

const pageLines = (archive: Archive, pageId: number) =>
  archive.db
    .prepare(
      'SELECT id, text, corrected, region_id AS regionId FROM lines WHERE page_id = ? ORDER BY position, id',
    )
    .all(pageId) as { id: number; text: string; corrected: number; regionId: number | null }[];

const words = (s: string) => s.toLowerCase().match(/[a-z]+/g) ?? [];

/** A machine reading of the page made from its own stored lines, cut differently: one line
 * across both columns for each row, as an engine that misses the gutter would. */
function readingAcrossColumns(archive: Archive, pageId: number): PageText {
  const rows = archive.db
    .prepare('SELECT x0, y0, x1, y1, text FROM lines WHERE page_id = ? ORDER BY y0, x0')
    .all(pageId) as { x0: number; y0: number; x1: number; y1: number; text: string }[];
  const bands: (typeof rows)[] = [];
  for (const r of rows) {
    const band = bands.find((b) => Math.abs(b[0]!.y0 - r.y0) < 20);
    if (band) band.push(r);
    else bands.push([r]);
  }
  return {
    source: { kind: 'ocr', engine: 'other-engine', version: '1', model: 'eng' },
    blocks: [
      {
        box: { x0: 0, y0: 0, x1: 2100, y1: 400 },
        lines: bands.map((b) => {
          const box = {
            x0: Math.min(...b.map((r) => r.x0)),
            y0: Math.min(...b.map((r) => r.y0)),
            x1: Math.max(...b.map((r) => r.x1)),
            y1: Math.max(...b.map((r) => r.y1)),
          };
          const text = b.map((r) => r.text).join(' ');
          return { box, rawText: text, text, confidence: 0.9, words: [{ box, text, confidence: 0.9 }] };
        }),
      },
    ],
  };
}

describe('which region a line belongs to', () => {
  it('OCR after drawing regions gives the article its text', async () => {
    const { archive, pageId } = await pageWithScan();
    const region = createRegion(archive.db, pageId, 'body', LEFT, USER);
    const article = createArticle(archive.db, [region], { headline: 'Harbour' }, USER);
    await readWithOcr(archive, pageId);
    const body = assembleArticle(archive.db, article).paragraphs.join(' ');
    expect(words(body)).toEqual(expect.arrayContaining(['harbour', 'dredging', 'members']));
    expect(words(body)).not.toContain('sheep'); // the right column is not the article's
    const lines = pageLines(archive, pageId);
    expect(lines.filter((l) => l.regionId === region)).toHaveLength(LEFT_COLUMN.length);
    // Search by role and the article's history read the same membership.
    expect(searchLines(archive.db, 'dredging', { role: 'body' })).toHaveLength(1);
    expect(searchLines(archive.db, 'sheep', { role: 'body' })).toHaveLength(0);
    const first = lines.find((l) => l.regionId === region)!;
    correctLine(archive.db, first.id, 'The Harbour Board met on Tuesday', USER);
    const history = articleHistory(archive.db, article);
    expect(JSON.stringify(history.versions)).toContain('The Harbour Board met on Tuesday');
  });

  it('exports every line of the page, also those outside every region', async () => {
    const { archive, pageId } = await pageWithScan();
    await readWithOcr(archive, pageId);
    createRegion(archive.db, pageId, 'body', LEFT, USER);
    const alto = pageToAlto(loadExportPage(archive, pageId, 'page.png'));
    const altoLines = alto.match(/<TextLine[ >]/g) ?? [];
    expect(altoLines).toHaveLength(pageLines(archive, pageId).length);
    expect(alto).toMatch(/sheep/i);
    expect(alto).toMatch(/dredging/i);
  });
});

describe('reading a page again', () => {
  it('keeps the article whole, sends an approved page back with a reason, and one undo restores all', async () => {
    const { archive, pageId } = await pageWithScan();
    await readWithOcr(archive, pageId);
    const region = createRegion(archive.db, pageId, 'body', LEFT, USER);
    const article = createArticle(archive.db, [region], {}, USER);
    const bodyBefore = assembleArticle(archive.db, article).paragraphs.join(' ');
    for (const s of ['corrected', 'reviewed', 'approved'] as const) {
      setPageStatus(archive.db, pageId, s, undefined, USER);
      setArticleStatus(archive.db, article, s, undefined, USER);
    }
    const linesBefore = pageLines(archive, pageId);
    expect(reReadImpact(archive.db, [pageId])).toEqual([
      { pageId, status: 'approved', correctedLines: 0, articles: 1 },
    ]);

    await readWithOcr(archive, pageId, true);
    const bodyAfter = assembleArticle(archive.db, article).paragraphs.join(' ');
    expect(bodyAfter.length).toBeGreaterThan(0.9 * bodyBefore.length);
    const page = archive.db.prepare('SELECT status, status_reason FROM pages WHERE id = ?').get(pageId);
    expect(page).toMatchObject({ status: 'ocr', status_reason: expect.stringMatching(/again/) });
    const articleRow = archive.db.prepare('SELECT status FROM articles WHERE id = ?').get(article);
    expect(articleRow).toMatchObject({ status: 'in_correction' });
    const change = archive.db.prepare('SELECT id, label FROM changes ORDER BY id DESC LIMIT 1').get() as {
      id: number;
      label: string;
    };
    expect(change.label).toMatch(/again/);
    // The right column, in no region, was read again too: it belongs to the page.
    const after = pageLines(archive, pageId);
    expect(
      words(
        after
          .filter((l) => l.regionId === null)
          .map((l) => l.text)
          .join(' '),
      ),
    ).toEqual(expect.arrayContaining(['river', 'sheep']));
    // New lines never take the id of a replaced line (its history names it).
    const newIds = pageLines(archive, pageId).map((l) => l.id);
    expect(Math.min(...newIds)).toBeGreaterThan(Math.max(...linesBefore.map((l) => l.id)));

    undo(archive.db, change.id, USER);
    expect(pageLines(archive, pageId)).toEqual(linesBefore);
    expect(archive.db.prepare('SELECT status FROM pages WHERE id = ?').pluck().get(pageId)).toBe('approved');
    expect(archive.db.prepare('SELECT status FROM articles WHERE id = ?').pluck().get(article)).toBe(
      'approved',
    );
    expect(assembleArticle(archive.db, article).paragraphs.join(' ')).toBe(bodyBefore);
    // And the other way: redo brings the new reading back, with the statuses it set.
    redo(archive.db, change.id);
    expect(pageLines(archive, pageId).map((l) => l.id)).toEqual(newIds);
    expect(archive.db.prepare('SELECT status FROM pages WHERE id = ?').pluck().get(pageId)).toBe('ocr');
  });

  it('never puts a machine line beside a corrected one, however the new engine cuts its lines', async () => {
    const { archive, pageId } = await pageWithScan();
    await readWithOcr(archive, pageId);
    const first = pageLines(archive, pageId)[0]!;
    correctLine(archive.db, first.id, 'The Harbour Board met on Tuesday', USER);
    const reading = readingAcrossColumns(archive, pageId);
    archive.db.transaction(() => storePageReading(archive.db, pageId, reading, USER))();
    const texts = pageLines(archive, pageId).map((l) => l.text);
    expect(texts.filter((t) => /tuesday/i.test(t))).toEqual(['The Harbour Board met on Tuesday']);
    expect(texts.join(' ')).toMatch(/river/); // the other rows came from the new reading
    expect(archive.db.prepare('SELECT status FROM pages WHERE id = ?').pluck().get(pageId)).toBe(
      'in_correction',
    );
  });

  it('after undoing a replace-all, the lines are machine lines again: a re-read does not double them', async () => {
    const { archive, pageId } = await pageWithScan();
    await readWithOcr(archive, pageId);
    const count = pageLines(archive, pageId).length;
    const { changeId } = applyReplacements(archive.db, { find: 'the', replacement: 'THE' }, USER);
    expect(pageLines(archive, pageId).filter((l) => l.corrected === 1).length).toBeGreaterThan(2);
    undo(archive.db, changeId!, USER);
    expect(pageLines(archive, pageId).filter((l) => l.corrected === 1)).toEqual([]);
    await readWithOcr(archive, pageId, true);
    expect(pageLines(archive, pageId)).toHaveLength(count);
  });

  it('says before a re-read which pages hold human work', async () => {
    const { archive, pageId } = await pageWithScan();
    expect(reReadImpact(archive.db, [pageId])).toEqual([]);
    await readWithOcr(archive, pageId);
    expect(reReadImpact(archive.db, [pageId])).toEqual([]);
    correctLine(archive.db, pageLines(archive, pageId)[1]!.id, 'to discuss the new quay, and the', USER);
    expect(reReadImpact(archive.db, [pageId])).toEqual([
      { pageId, status: 'in_correction', correctedLines: 1, articles: 0 },
    ]);
    const ask = { scope: { pages: [pageId] }, languages: 'eng', force: true };
    expect(() => queueOcr(archive, ask)).toThrow(/1 corrected lines are kept/);
    expect(archive.db.prepare("SELECT COUNT(*) FROM jobs WHERE status = 'todo'").pluck().get()).toBe(0);
    expect(queueOcr(archive, { ...ask, confirmed: true }).queued).toHaveLength(1);
  });
});

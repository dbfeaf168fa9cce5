// A page's Ctrl+Z and the app's change events must agree on which page a change touched: the
// newest change on a page (lastChange with the page's scope) is found by the same edits that
// changeReach says reach the page, for every kind of thing an edit can name.

import { describe, expect, it } from 'vitest';
import { changeReach, lastChange, recordChange } from '../../src/core/archive/history.ts';
import type { Entity } from '../../src/shared/history.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { writePng } from '../fixtures/scans.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';
import path from 'node:path';

describe('the page a change touched', () => {
  it('is the same for the page’s undo as for the change events, word edits included', async () => {
    const archive = tempArchive();
    const db = archive.db;
    const files = await Promise.all([1, 2].map((n) => writePng(path.join(tempDir(), `p${n}.png`), 400, 300)));
    const summary = await importScans(archive, files);
    const [first, second] = summary.files.map((f) => f.pageIds[0]!);
    const now = '2026-12-07T00:00:00.000Z';
    const source = Number(
      db.prepare("INSERT INTO text_sources (kind, engine) VALUES ('ocr', 'tesseract')").run().lastInsertRowid,
    );
    const line = (page: number) =>
      Number(
        db
          .prepare(
            "INSERT INTO lines (page_id, position, x0, y0, x1, y1, raw_text, text, source_id, updated_at) VALUES (?, 1, 0, 0, 100, 20, 'a b', 'a b', ?, ?)",
          )
          .run(page, source, now).lastInsertRowid,
      );
    const word = (lineId: number) =>
      Number(
        db
          .prepare(
            "INSERT INTO words (line_id, position, x0, y0, x1, y1, text, source_id) VALUES (?, 1, 0, 0, 40, 20, 'a', ?)",
          )
          .run(lineId, source).lastInsertRowid,
      );
    const onFirst = line(first!);
    const onSecond = line(second!);
    const edits: [Entity, number][] = [
      ['word', word(onFirst)],
      ['line', onSecond],
      ['page', first!],
      ['word', word(onSecond)],
    ];
    for (const [entity, entityId] of edits) {
      const change = recordChange(db, `edit a ${entity}`, 'ben', [
        { entity, entityId, field: 'text', before: 'a', after: 'b' },
      ]);
      const reached = changeReach(db, [change])!.pages;
      for (const page of [first!, second!])
        expect(lastChange(db, { pageId: page }) === change, `${entity} ${entityId} on page ${page}`).toBe(
          reached.includes(page),
        );
    }
  });
});

// An archive written by the first version of Backfile, with a page, its text, a region, an
// article and a correction in it, opened by this one: every migration runs, nothing is lost, and
// the data works with what later versions added (search, history, writers, the archive's mark).

import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openArchive } from '../../src/core/archive/archive.ts';
import { checkArchive } from '../../src/core/archive/check.ts';
import { latestVersion, loadMigrations, migrate } from '../../src/core/archive/migrate.ts';
import { assembleArticle } from '../../src/core/articles/assemble.ts';
import { undoLast } from '../../src/core/review/undo.ts';
import { searchLines } from '../../src/core/archive/line-search.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { writePng } from '../fixtures/scans.ts';
import { tempDir } from '../fixtures/temp.ts';
import { asWritable } from '../../src/core/archive/db-handles.ts';

describe('upgrading an archive', () => {
  it('takes a version-1 archive with data to the current version, keeping every row', async () => {
    // A page's files as any import makes them; then the database as version 1 had it.
    const dir = path.join(tempDir(), 'archive');
    const made = openArchive(dir);
    await importScans(made, [await writePng(path.join(tempDir(), 'p.png'), 400, 300)]);
    const files = made.db.prepare('SELECT * FROM files').all() as Record<string, unknown>[];
    const page = made.db.prepare('SELECT * FROM pages').get() as Record<string, unknown>;
    made.close();
    for (const f of ['archive.sqlite', 'archive.sqlite-wal', 'archive.sqlite-shm'])
      rmSync(path.join(dir, f), { force: true });

    const v1 = asWritable(new Database(path.join(dir, 'archive.sqlite')));
    migrate(v1, loadMigrations().slice(0, 1));
    expect(v1.pragma('user_version', { simple: true })).toBe(1);
    const now = '2020-01-01T00:00:00.000Z';
    v1.exec(`INSERT INTO titles (id, name, created_at) VALUES (1, 'Harbour News', '${now}');
      INSERT INTO issues (id, title_id, issue_date, created_at) VALUES (1, 1, '1921-03-04', '${now}');`);
    const f = files[0]!;
    v1.prepare(
      'INSERT INTO files (sha256, size, format, original_name, stored_path, page_count, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(f.sha256, f.size, f.format, f.original_name, f.stored_path, f.page_count, now);
    v1.prepare(
      `INSERT INTO pages (id, issue_id, sequence, source_sha256, source_index, width, height, raster_path, thumbnail_path, tiles_path, text_source, status, created_at)
       VALUES (1, 1, 1, ?, 0, ?, ?, ?, ?, ?, 'ocr', 'in_correction', ?)`,
    ).run(
      page.source_sha256,
      page.width,
      page.height,
      page.raster_path,
      page.thumbnail_path,
      page.tiles_path,
      now,
    );
    v1.exec(`INSERT INTO text_sources (id, kind, engine) VALUES (1, 'ocr', 'tesseract');
      INSERT INTO regions (id, page_id, role, polygon, x0, y0, x1, y1, reading_order, created_at)
        VALUES (1, 1, 'body', '[[0,0],[400,0],[400,300],[0,300]]', 0, 0, 400, 300, 0, '${now}');
      INSERT INTO lines (id, page_id, region_id, position, x0, y0, x1, y1, raw_text, text, source_id, corrected, updated_at)
        VALUES (1, 1, 1, 1, 10, 10, 390, 40, 'Harbonr board', 'Harbour board', 1, 1, '${now}'),
               (2, 1, 1, 2, 10, 50, 390, 80, 'met on Tuesday', 'met on Tuesday', 1, 0, '${now}');
      INSERT INTO articles (id, issue_id, headline, created_at, updated_at) VALUES (1, 1, 'The quay', '${now}', '${now}');
      INSERT INTO article_parts (article_id, position, region_id) VALUES (1, 0, 1);
      INSERT INTO changes (id, label, user_name, at) VALUES (1, 'correct line', 'archivist', '${now}');
      INSERT INTO edits (change_id, entity, entity_id, field, before, after) VALUES (1, 'line', 1, 'text', 'Harbonr board', 'Harbour board');`);
    v1.close();

    const archive = openArchive(dir, { create: false });
    try {
      expect(archive.db.pragma('user_version', { simple: true })).toBe(latestVersion());
      expect(archive.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(assembleArticle(archive.db, 1)).toMatchObject({
        headline: 'The quay',
        paragraphs: ['Harbour board met on Tuesday'],
      });
      // The search indexes of later versions were filled from the lines already there.
      expect(searchLines(archive.db, 'Tuesday').map((h) => h.lineId)).toEqual([2]);
      // The old change is history like any other: one undo takes the correction back.
      expect(undoLast(archive.db, 'reviewer').label).toBe('correct line');
      expect(archive.db.prepare('SELECT text, corrected FROM lines WHERE id = 1').get()).toEqual({
        text: 'Harbonr board',
        corrected: 0,
      });
      expect((await checkArchive(archive)).ok).toBe(true);
    } finally {
      archive.close();
    }
  });

  it('reads what was chosen as Chinese from the old menu with the Chinese model alone (version 10)', () => {
    const dir = path.join(tempDir(), 'archive');
    openArchive(dir).close();
    for (const f of ['archive.sqlite', 'archive.sqlite-wal', 'archive.sqlite-shm'])
      rmSync(path.join(dir, f), { force: true });
    const db = asWritable(new Database(path.join(dir, 'archive.sqlite')));
    migrate(db, loadMigrations().slice(0, 1));
    const now = '2020-01-01T00:00:00.000Z';
    db.exec(`INSERT INTO settings (key, value) VALUES ('ocr.language', 'chi_tra+eng')
      ON CONFLICT (key) DO UPDATE SET value = excluded.value;
      INSERT INTO titles (id, name, language, created_at) VALUES (1, 'Shen Bao', 'chi_sim+eng', '${now}'),
        (2, 'Typed', 'chi_sim+eng+chi_tra', '${now}');
      INSERT INTO jobs (id, kind, status, payload, created_at) VALUES
        (1, 'ocr', 'todo', '{"languages":"chi_sim+eng","deskew":true}', '${now}'),
        (2, 'ocr', 'done', '{"languages":"chi_sim+eng"}', '${now}'),
        (3, 'ocr', 'todo', '{"languages":"eng"}', '${now}');`);
    db.close();
    const archive = openArchive(dir, { create: false });
    const db2 = archive.db;
    expect(db2.prepare("SELECT value FROM settings WHERE key = 'ocr.language'").pluck().get()).toBe(
      'chi_tra',
    );
    // A list typed otherwise stays as typed.
    expect(db2.prepare('SELECT language FROM titles ORDER BY id').pluck().all()).toEqual([
      'chi_sim',
      'chi_sim+eng+chi_tra',
    ]);
    // Readings still to do take the new languages, the rest of their payload kept; a reading
    // done keeps the record of what it was read with.
    const payloads = db2.prepare('SELECT payload FROM jobs ORDER BY id').pluck().all() as string[];
    expect(payloads.map((p) => JSON.parse(p))).toEqual([
      { languages: 'chi_sim', deskew: true },
      { languages: 'chi_sim+eng' },
      { languages: 'eng' },
    ]);
    archive.close();
  });
});

// The two-character path: every pair of adjacent Chinese characters is one token.

import { describe, expect, it } from 'vitest';
import { cjkBigrams } from '../../src/shared/text/cjk-split.ts';
import { parseQuery } from '../../src/core/search/query.ts';
import { searchLines } from '../../src/core/archive/line-search.ts';
import { tempArchive } from '../fixtures/temp.ts';

function archiveWithLines(texts: string[]) {
  const archive = tempArchive();
  const db = archive.db;
  db.exec(`INSERT INTO titles (id, name, created_at) VALUES (1, 'T', 'now');
    INSERT INTO issues (id, title_id, issue_date, created_at) VALUES (1, 1, '2018-10-19', 'now');
    INSERT INTO files (sha256, size, format, original_name, stored_path, page_count, imported_at)
      VALUES ('${'0'.repeat(64)}', 0, 'png', 'x', 'x', 1, 'now');
    INSERT INTO pages (id, issue_id, sequence, source_sha256, source_index, width, height, raster_path, thumbnail_path, tiles_path, created_at)
      VALUES (1, 1, 1, '${'0'.repeat(64)}', 0, 10, 10, 'x', 'x', 'x', 'now');
    INSERT INTO text_sources (id, kind) VALUES (1, 'user');`);
  const insert = db.prepare(
    "INSERT INTO lines (page_id, position, x0, y0, x1, y1, raw_text, text, source_id, updated_at) VALUES (1, ?, 0, 0, 1, 1, ?, ?, 1, 'now')",
  );
  texts.forEach((t, i) => insert.run(i, t, t));
  return archive;
}

describe('two-character Chinese search', () => {
  it('writes adjacent pairs, leaves Latin words and lone characters as they are', () => {
    expect(cjkBigrams('交城县举办')).toBe('交城 城县 县举 举办');
    expect(cjkBigrams('NZZ 报道：交城')).toBe('NZZ 报道 ： 交城');
    expect(cjkBigrams('第3版')).toBe('第 3 版');
  });

  it('answers two-character queries from the bigram index, and only where the characters touch', () => {
    const archive = archiveWithLines(['交城县举办丰收节', '城里的交通', '县城交城', 'Zürich 交城']);
    expect(parseQuery('交城').index).toBe('bigram');
    expect(parseQuery('交城 丰收节').index).toBe('bigram');
    expect(parseQuery('"交 城"').terms).toEqual(['交城']);
    const found = (q: string) =>
      searchLines(archive.db, q)
        .map((h) => h.text)
        .sort();
    expect(found('交城')).toEqual(['Zürich 交城', '交城县举办丰收节', '县城交城'].sort());
    expect(found('交城 丰收节')).toEqual(['交城县举办丰收节']);
    expect(found('"交 城"')).toHaveLength(3);
    expect(found('zurich 交城')).toEqual(['Zürich 交城']);
    // Kept in step by the triggers: a correction is found at once, the old text no longer.
    archive.db.prepare("UPDATE lines SET text = '城里的交城' WHERE text = '城里的交通'").run();
    expect(found('交城')).toHaveLength(4);
    expect(found('交通')).toEqual([]);
    archive.db.prepare("DELETE FROM lines WHERE text = '县城交城'").run();
    expect(found('交城')).toHaveLength(3);
  });
});

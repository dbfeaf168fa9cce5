import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../fixtures/cli.ts';
import { writePng, writeTextPdf } from '../fixtures/scans.ts';
import { tempDir } from '../fixtures/temp.ts';

describe('backfile init / import / status / pages', () => {
  it('imports with metadata from a pattern, prints one JSON line per file, and lists the pages', async () => {
    const dir = tempDir();
    const archive = path.join(tempDir(), 'archive');
    await writePng(path.join(dir, 'Wenyuhe_2018-10-19_p2.png'), 300, 400, 2);
    await writePng(path.join(dir, 'Wenyuhe_2018-10-19_p1.png'), 300, 400, 1);
    await writeTextPdf(path.join(dir, 'Wenyuhe_2018-10-20_p1.pdf'), [['a'], ['b']]);
    expect(runCli(['init', '--archive', archive]).status).toBe(0);
    const r = runCli([
      'import',
      '--archive',
      archive,
      '--json',
      '--pattern',
      '{title}_{date:YYYY-MM-DD}_p{page}',
      dir,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.outcome === 'imported')).toHaveLength(3);
    expect(lines.at(-1).summary).toMatchObject({ imported: 3, failed: 0, pages: 4 });

    const pages = JSON.parse(runCli(['pages', '--archive', archive, '--json']).stdout);
    expect(
      pages.map((p: { title: string; date: string; page: string }) => [p.title, p.date, p.page]),
    ).toEqual([
      ['Wenyuhe', '2018-10-19', '1'],
      ['Wenyuhe', '2018-10-19', '2'],
      ['Wenyuhe', '2018-10-20', '1'],
      ['Wenyuhe', '2018-10-20', '2'],
    ]);
    expect(pages[0]).toMatchObject({
      width: 300,
      height: 400,
      source: 'Wenyuhe_2018-10-19_p1.png',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(pages[2].textSource).toBe('pdf');

    const status = JSON.parse(runCli(['status', '--archive', archive, '--json']).stdout);
    expect(status).toMatchObject({ issues: 2, pages: 4, pagesByStatus: { imported: 4 }, failures: [] });
  });

  it('exits non-zero with a summary when a file failed, and still imports the rest', async () => {
    const dir = tempDir();
    const archive = path.join(tempDir(), 'archive');
    await writePng(path.join(dir, 'good.png'), 100, 100);
    writeFileSync(path.join(dir, 'bad.png'), 'not an image');
    const r = runCli(['import', '--archive', archive, '--title', 'Test', '--date', '1888-01-21', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /FAILED .*bad\.png: not a PDF, TIFF, JPEG, PNG or JPEG 2000 file.*\[format-unrecognised\]/,
    );
    expect(r.stderr).toMatch(/1 imported \(1 pages\), 0 already in the archive, 1 failed/);
    const status = runCli(['status', '--archive', archive]);
    expect(status.stdout).toMatch(/Test: 1 issues, 1 pages/);
    expect(status.stdout).toMatch(/bad\.png.*format-unrecognised/);
  });

  it('refuses bad options before touching anything', () => {
    const archive = path.join(tempDir(), 'archive');
    expect(runCli(['import', '--archive', archive, '--date', '2018-02-30', 'x.png']).stderr).toMatch(
      /--date: not a real date/,
    );
    expect(runCli(['import', '--archive', archive, '--dpi', 'lots', 'x.png']).stderr).toMatch(/--dpi/);
    expect(runCli(['import', '--archive', archive, '--pattern', '{nope}', 'x.png']).stderr).toMatch(
      /unknown field \{nope\}/,
    );
    expect(runCli(['import', '--archive', archive, '--bogus']).stderr).toMatch(/Unknown option '--bogus'/);
    expect(runCli(['frobnicate']).status).toBe(2);
    expect(runCli(['status', '--archive', path.join(tempDir(), 'none')]).stderr).toMatch(
      /No Backfile archive/,
    );
  });
});

describe('backfile edit-page', () => {
  it('moves a page to the issue its corrected metadata names, and records the change', async () => {
    const dir = tempDir();
    const archive = path.join(tempDir(), 'archive');
    await writePng(path.join(dir, 'scan.png'), 100, 100);
    expect(
      runCli(['import', '--archive', archive, '--title', 'Wenyuhe', path.join(dir, 'scan.png')]).status,
    ).toBe(0);
    const r = runCli([
      'edit-page',
      '--archive',
      archive,
      '--page',
      '1',
      '--title',
      '文峪河报',
      '--date',
      '2018-10-19',
      '--number',
      '3',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const [page] = JSON.parse(runCli(['pages', '--archive', archive, '--json']).stdout);
    expect(page).toMatchObject({ title: '文峪河报', date: '2018-10-19', page: '3', sequence: 3 });
    const { openArchive } = await import('../../src/core/archive/archive.ts');
    const a = openArchive(archive);
    try {
      const edits = a.db.prepare('SELECT field, before, after FROM edits ORDER BY id').all();
      expect(edits).toEqual([
        { field: 'title', before: 'Wenyuhe', after: '文峪河报' },
        { field: 'date', before: '', after: '2018-10-19' },
        { field: 'printedNumber', before: null, after: '3' },
        // The page's place in its issue follows its number; recorded so that undo restores it.
        { field: 'sequence', before: '1', after: '3' },
      ]);
    } finally {
      a.close();
    }
    expect(runCli(['edit-page', '--archive', archive, '--page', '9', '--title', 'x']).stderr).toMatch(
      /Page 9 is not in the archive/,
    );
    expect(runCli(['edit-page', '--archive', archive, '--page', '1', '--date', '2018-13-01']).stderr).toMatch(
      /not a real date/,
    );
  });
});

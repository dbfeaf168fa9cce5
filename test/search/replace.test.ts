// Find and replace across the collection, on the sample pages' text: preview, apply as one
// change, one undo restores every line exactly; search sees both states.

import { describe, expect, it } from 'vitest';
import { lastChange } from '../../src/core/archive/history.ts';
import { undo } from '../../src/core/review/undo.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { searchLines } from '../../src/core/archive/line-search.ts';
import { applyReplacements, findReplacements } from '../../src/core/text/replace.ts';
import { runCli } from '../fixtures/cli.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';

describe('find and replace', () => {
  it('replaces across pages as one change, and one undo restores every line exactly', async () => {
    const archive = tempArchive();
    await importScans(archive, [
      samplePage(1, 'page.pdf'),
      samplePage(2, 'page.pdf'),
      samplePage(3, 'page.pdf'),
    ]);
    const snapshot = () =>
      JSON.stringify(archive.db.prepare('SELECT id, text, corrected FROM lines ORDER BY id').all());
    const before = snapshot();
    const preview = findReplacements(archive.db, { find: '交城县', replacement: '交城縣' });
    expect(new Set(preview.map((m) => m.pageId))).toEqual(new Set([1, 2, 3]));
    expect(snapshot()).toBe(before); // a preview writes nothing
    const { changeId, lines } = applyReplacements(
      archive.db,
      { find: '交城县', replacement: '交城縣' },
      'tester',
    );
    expect(lines).toBe(preview.length);
    expect(searchLines(archive.db, '交城县', { variants: false })).toHaveLength(0);
    expect(searchLines(archive.db, '交城縣').length).toBeGreaterThan(0);
    expect(archive.db.prepare('SELECT COUNT(*) FROM edits WHERE change_id = ?').pluck().get(changeId)).toBe(
      lines,
    );
    undo(archive.db, lastChange(archive.db)!);
    const restored = JSON.parse(snapshot()) as { id: number; text: string }[];
    expect(restored.map((r) => r.text)).toEqual(
      (JSON.parse(before) as { text: string }[]).map((r) => r.text),
    );
    expect(searchLines(archive.db, '交城縣', { variants: false })).toHaveLength(0);
  });

  it('replaces with a regular expression, only where accepted, and refuses a broken one', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(2, 'page.pdf')]);
    const spec = { find: '（([上下])接第(\\d)版）', replacement: '（$1接第$2页）', regex: true };
    const matches = findReplacements(archive.db, spec);
    expect(matches.length).toBeGreaterThanOrEqual(2);
    expect(matches[0]!.after).toMatch(/（上接第1页）/);
    const { lines } = applyReplacements(archive.db, spec, 'tester', new Set([matches[0]!.lineId]));
    expect(lines).toBe(1);
    expect(findReplacements(archive.db, spec)).toHaveLength(matches.length - 1);
    expect(() => findReplacements(archive.db, { find: '(', replacement: '', regex: true })).toThrow(
      /Not a valid regular expression/,
    );
  });

  it('previews with --dry-run and undoes from the command line', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(3, 'page.pdf')]);
    archive.close();
    const dry = runCli(['replace', '--archive', archive.dir, '--dry-run', '--json', '扶贫', '扶貧']);
    expect(dry.status, dry.stderr).toBe(0);
    const n = JSON.parse(dry.stdout).matches.length;
    expect(n).toBeGreaterThan(2);
    expect(dry.stderr).toMatch(new RegExp(`${n} lines would change`));
    expect(runCli(['replace', '--archive', archive.dir, '扶贫', '扶貧']).stderr).toMatch(
      new RegExp(`${n} lines changed as change \\d+`),
    );
    expect(
      JSON.parse(runCli(['search', '--archive', archive.dir, '--json', '--typed-form', '扶贫']).stdout),
    ).toHaveLength(0);
    expect(runCli(['undo', '--archive', archive.dir]).status).toBe(0);
    expect(
      JSON.parse(runCli(['search', '--archive', archive.dir, '--json', '--limit', '1000', '扶贫']).stdout),
    ).toHaveLength(n);
  });
});

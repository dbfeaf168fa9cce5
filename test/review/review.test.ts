// The review workflow with its history, on a real sample page (PDF text layer) in a real archive:
// statuses forward and back with a reason, every correction a version with a Chinese-correct
// diff, revert to any version exactly, history surviving a restart and a killed process, and
// quality figures computed from the corrections.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src/core/archive/archive.ts';
import { lastChange } from '../../src/core/archive/history.ts';
import { setLocalUser } from '../../src/core/archive/local-user.ts';
import { createArticle } from '../../src/core/articles/articles.ts';
import { createRegion } from '../../src/core/articles/regions.ts';
import { undo } from '../../src/core/review/undo.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { articleQuality, qualityReport } from '../../src/core/review/quality.ts';
import { setArticleStatus, setPageStatus } from '../../src/core/review/status.ts';
import { articleHistory, lineHistory, revertArticle, revertLine } from '../../src/core/review/versions.ts';
import { correctLine } from '../../src/core/text/corrections.ts';
import { updateArticle } from '../../src/core/articles/articles.ts';
import { archiveStatus } from '../../src/core/archive/status.ts';
import { runCli } from '../fixtures/cli.ts';
import { REPO_ROOT, samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';
import type { Archive } from '../../src/core/archive/archive.ts';

async function pageWithText(): Promise<{ archive: Archive; lines: { id: number; text: string }[] }> {
  const archive = tempArchive();
  await importScans(archive, [samplePage(1, 'page.pdf')]);
  const lines = archive.db
    .prepare('SELECT id, text FROM lines WHERE page_id = 1 AND length(text) > 8 ORDER BY position')
    .all() as { id: number; text: string }[];
  expect(lines.length).toBeGreaterThan(5);
  return { archive, lines };
}

describe('review workflow', () => {
  it('moves a page forward freely, back only with a reason, and one undo restores both', async () => {
    const { archive } = await pageWithText();
    const status = () =>
      archive.db.prepare('SELECT status, status_reason FROM pages WHERE id = 1').get() as {
        status: string;
        status_reason: string | null;
      };
    expect(status().status).toBe('imported'); // text from the PDF's text layer, not yet checked
    setPageStatus(archive.db, 1, 'corrected', undefined, 'amy');
    setPageStatus(archive.db, 1, 'reviewed', undefined, 'ben');
    expect(() => setPageStatus(archive.db, 1, 'in_correction', undefined, 'ben')).toThrow(/needs a reason/);
    expect(() => setPageStatus(archive.db, 1, 'in_correction', '   ', 'ben')).toThrow(/needs a reason/);
    // Named, with its statuses, for a UI that says it in its reader's language.
    expect(() => setPageStatus(archive.db, 1, 'in_correction', undefined, 'ben')).toThrow(
      expect.objectContaining({
        reason: 'status-needs-reason',
        params: { from: 'reviewed', to: 'in_correction' },
      }),
    );
    expect(status().status).toBe('reviewed');
    const back = setPageStatus(archive.db, 1, 'in_correction', 'headline misread in column 2', 'ben');
    expect(back).toMatchObject({ from: 'reviewed', to: 'in_correction' });
    expect(status()).toEqual({ status: 'in_correction', status_reason: 'headline misread in column 2' });
    expect(archiveStatus(archive.db).pagesByStatus.in_correction).toBe(1);
    undo(archive.db, lastChange(archive.db)!, 'ben');
    expect(status()).toEqual({ status: 'reviewed', status_reason: null });
  });

  it('refuses to mark a page without text as corrected, and moves articles through their own statuses', async () => {
    const archive = tempArchive();
    const { writePng } = await import('../fixtures/scans.ts');
    const png = await writePng(path.join(archive.dir, '..', 'blank.png'), 200, 300);
    await importScans(archive, [png]);
    expect(() => setPageStatus(archive.db, 1, 'corrected', undefined, 'amy')).toThrow(/no text yet/);
    const region = createRegion(
      archive.db,
      1,
      'body',
      [
        [0, 0],
        [100, 0],
        [100, 100],
        [0, 100],
      ],
      'amy',
    );
    const article = createArticle(archive.db, [region], { headline: 'x' }, 'amy');
    expect(() => setArticleStatus(archive.db, article, 'ocr' as never, undefined, 'amy')).toThrow(
      /Unknown status/,
    );
    setArticleStatus(archive.db, article, 'approved', undefined, 'amy');
    expect(archiveStatus(archive.db).articlesByStatus.approved).toBe(1);
    expect(() => setArticleStatus(archive.db, article, 'new', undefined, 'amy')).toThrow(/needs a reason/);
  });
});

describe('history', () => {
  it('keeps every correction as a version with a character diff, and reverts to any version exactly', async () => {
    const { archive, lines } = await pageWithText();
    const line = lines[0]!;
    const chars = [...line.text];
    const v1 = chars.slice(0, 2).join('') + '縣' + chars.slice(3).join('');
    const v2 = v1 + '（完）';
    const c1 = correctLine(archive.db, line.id, v1, 'amy').changeId!;
    const c2 = correctLine(archive.db, line.id, v2, 'ben').changeId!;
    const history = lineHistory(archive.db, line.id);
    expect(history.original).toBe(line.text);
    expect(history.current).toBe(v2);
    expect(history.versions.map((v) => [v.changeId, v.user])).toEqual([
      [c1, 'amy'],
      [c2, 'ben'],
    ]);
    expect(history.versions[0]!.edits[0]!.diff).toEqual([
      { op: 'equal', text: chars.slice(0, 2).join('') },
      { op: 'delete', text: chars[2] },
      { op: 'insert', text: '縣' },
      { op: 'equal', text: chars.slice(3).join('') },
    ]);
    expect(history.versions[1]!.edits[0]!.diff.filter((d) => d.op !== 'equal')).toEqual([
      { op: 'insert', text: '（完）' },
    ]);
    // Back to the first correction, then to the original: exactly those texts, each a new change.
    expect(revertLine(archive.db, line.id, c1, 'cat').text).toBe(v1);
    const toOriginal = revertLine(archive.db, line.id, 0, 'cat');
    expect(toOriginal.text).toBe(line.text);
    expect(lineHistory(archive.db, line.id).versions).toHaveLength(4);
    // A revert is undoable like any change.
    undo(archive.db, toOriginal.changeId!, 'cat');
    const after = lineHistory(archive.db, line.id);
    expect(after.current).toBe(v1);
    expect(after.versions.at(-1)).toMatchObject({ undone: true, undoneBy: 'cat' });
    expect(() => revertLine(archive.db, line.id, 999_999, 'cat')).toThrow(/not in this history/);
  });

  it("gives an article's history: its own edits and its lines' corrections, and reverts the article", async () => {
    const { archive, lines } = await pageWithText();
    const box = archive.db.prepare('SELECT x0, y0, x1, y1 FROM lines WHERE id = ?').get(lines[0]!.id) as {
      x0: number;
      y0: number;
      x1: number;
      y1: number;
    };
    const region = createRegion(
      archive.db,
      1,
      'body',
      [
        [box.x0 - 2, box.y0 - 2],
        [box.x1 + 2, box.y0 - 2],
        [box.x1 + 2, box.y1 + 2],
        [box.x0 - 2, box.y1 + 2],
      ],
      'amy',
    );
    const article = createArticle(archive.db, [region], { headline: '丰收节' }, 'amy');
    const made = lastChange(archive.db)!;
    updateArticle(archive.db, article, { fields: { headline: '交城丰收节', byline: '记者 王' } }, 'amy');
    correctLine(archive.db, lines[0]!.id, lines[0]!.text + '。', 'ben');
    const history = articleHistory(archive.db, article);
    expect(history.versions.map((v) => v.label)).toEqual(['make article', 'edit article', 'correct line']);
    const headline = history.versions[1]!.edits.find((e) => e.field === 'headline')!;
    expect(headline.diff).toEqual([
      { op: 'insert', text: '交城' },
      { op: 'equal', text: '丰收节' },
    ]);
    revertArticle(archive.db, article, made, 'cat');
    const row = archive.db.prepare('SELECT headline, byline FROM articles WHERE id = ?').get(article);
    expect(row).toEqual({ headline: '丰收节', byline: null });
    expect(archive.db.prepare('SELECT text FROM lines WHERE id = ?').pluck().get(lines[0]!.id)).toBe(
      lines[0]!.text,
    );
    expect(articleQuality(archive.db, article).correctedLines).toBe(0);
  });

  it('survives a restart and a killed process: every committed correction is in the history', async () => {
    const { archive, lines } = await pageWithText();
    setLocalUser(archive.db, '王编辑');
    archive.close();
    // A child corrects a line through the core, then is killed with SIGKILL without closing.
    const script = `
      import { openArchive } from ${JSON.stringify(path.join(REPO_ROOT, 'src/core/archive/archive.ts'))};
      import { localUser } from ${JSON.stringify(path.join(REPO_ROOT, 'src/core/archive/local-user.ts'))};
      import { correctLine } from ${JSON.stringify(path.join(REPO_ROOT, 'src/core/text/corrections.ts'))};
      const a = openArchive(${JSON.stringify(archive.dir)});
      correctLine(a.db, ${lines[1]!.id}, 'killed but kept 交城', localUser(a.db));
      process.kill(process.pid, 'SIGKILL');`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    const reopened = openArchive(archive.dir, { create: false });
    try {
      const history = lineHistory(reopened.db, lines[1]!.id);
      expect(history.current).toBe('killed but kept 交城');
      expect(history.versions).toHaveLength(1);
      expect(history.versions[0]).toMatchObject({ user: '王编辑', undone: false });
      expect(history.original).toBe(lines[1]!.text);
    } finally {
      reopened.close();
    }
  });
});

describe('quality figures', () => {
  it('measures the original OCR against corrections, on verified pages only, and lists pages needing attention', async () => {
    const { archive, lines } = await pageWithText();
    await importScans(archive, [samplePage(2, 'page.pdf')]);
    // Two characters wrong in one line of page 1: the original had them, the correction fixes them.
    const target = lines[2]!;
    const chars = [...target.text];
    const fixed = ['甲', '乙', ...chars.slice(2)].join('');
    correctLine(archive.db, target.id, fixed, 'amy');
    let report = qualityReport(archive.db);
    const page1 = report.pages.find((p) => p.pageId === 1)!;
    const total = (
      archive.db.prepare('SELECT text FROM lines WHERE page_id = 1').pluck().all() as string[]
    ).reduce((n, t) => n + [...t.replace(/\s+/g, '')].length, 0);
    const expectedErrors = [chars[0], chars[1]].filter((c, i) => c !== ['甲', '乙'][i]).length;
    expect(page1.characters).toBe(total);
    expect(page1.cer).toBeCloseTo(expectedErrors / total, 10);
    expect(page1.correctedLines).toBe(1);
    // Not yet verified: the title summary has no error figures from it.
    expect(report.titles[0]).toMatchObject({ pages: 2, verifiedPages: 0, cer: 0 });
    setPageStatus(archive.db, 1, 'corrected', undefined, 'amy');
    setPageStatus(archive.db, 2, 'reviewed', undefined, 'amy');
    setPageStatus(archive.db, 2, 'in_correction', 'caption missing', 'ben');
    report = qualityReport(archive.db);
    expect(report.titles[0]).toMatchObject({ pages: 2, verifiedPages: 1, pagesNeedingAttention: [2] });
    expect(report.titles[0]!.cer).toBeCloseTo(expectedErrors / total, 10);
    expect(report.pages.find((p) => p.pageId === 2)).toMatchObject({
      needsAttention: true,
      statusReason: 'caption missing',
    });
  });

  it('works from the command line: user, review, history, revert, quality', async () => {
    const { archive, lines } = await pageWithText();
    const dir = archive.dir;
    archive.close();
    expect(runCli(['user', '--archive', dir, 'Li Ming']).stdout.trim()).toBe('Li Ming');
    const reopened = openArchive(dir);
    correctLine(reopened.db, lines[0]!.id, '改正', 'Li Ming');
    reopened.close();
    const history = runCli(['history', '--archive', dir, '--line', String(lines[0]!.id)]);
    expect(history.status).toBe(0);
    expect(history.stdout).toContain('Li Ming');
    expect(history.stdout).toContain('{+改正+}');
    expect(runCli(['revert', '--archive', dir, '--line', String(lines[0]!.id), '--to', '0']).status).toBe(0);
    const json = JSON.parse(
      runCli(['history', '--archive', dir, '--line', String(lines[0]!.id), '--json']).stdout,
    ) as { current: string; versions: unknown[] };
    expect(json.current).toBe(lines[0]!.text);
    expect(json.versions).toHaveLength(2);
    const back = runCli(['review', '--archive', dir, '--pages', '1', '--status', 'imported']);
    expect(back.status).not.toBe(0);
    expect(back.stderr).toMatch(/needs a reason/);
    expect(runCli(['review', '--archive', dir, '--pages', '1', '--status', 'approved']).status).toBe(0);
    const quality = JSON.parse(runCli(['quality', '--archive', dir, '--json']).stdout) as {
      titles: { verifiedPages: number }[];
    };
    expect(quality.titles[0]!.verifiedPages).toBe(1);
  });
});

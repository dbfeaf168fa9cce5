// Exports as the library world's own command-line readers take them: poppler's pdftotext reads
// the searchable PDF's Chinese text in reading order, and Info-ZIP's unzip finds every entry of
// a ZIP export intact. These readers are Debian packages (poppler-utils, unzip) that .ci/run
// installs, so this file runs with the sample suites, not in the fresh-clone `npm test`.

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportIssues } from '../../src/core/export/export-issues.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { segmentArchivePage } from '../../src/core/layout/segment-service.ts';
import { characterErrorRate } from '../../src/shared/text/error-rate.ts';
import { runCli } from '../fixtures/cli.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';
import { exportedText } from '../fixtures/export-text.ts';

describe('exports read by the readers libraries use', () => {
  it('pdftotext reads the searchable PDF page by page in reading order', async () => {
    const archive = tempArchive();
    await importScans(
      archive,
      [1, 2, 3].map((n) => samplePage(n, 'page.pdf')),
      { date: '2018-10-19' },
    );
    for (const id of [1, 2, 3]) await segmentArchivePage(archive, id);
    const [file] = await exportIssues(archive, 'pdf', tempDir());
    const expected = [1, 2, 3].map((id) => exportedText(archive, id));
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file!, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').slice(0, 3);
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => expect(characterErrorRate(page, expected[i]!)).toBeLessThan(0.02));
  });

  it('unzip tests every entry of a ZIP export with its page images and lists the names a folder export has, Chinese included', async () => {
    const archive = tempArchive();
    // A Chinese title: the files are named after it, which is what DOS-flagged ZIPs garble.
    await importScans(archive, [samplePage(1, 'page.pdf'), samplePage(2, 'page.pdf')], {
      title: '文峪河报',
      date: '2018-10-19',
    });
    archive.close();
    const zip = path.join(tempDir(), 'pages.zip');
    const args = ['export', '--archive', archive.dir, '--format', 'alto', '--images'];
    expect(runCli([...args, '--zip', '--out', zip]).status).toBe(0);
    expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const folder = path.join(tempDir(), 'pages');
    expect(runCli([...args, '--out', folder]).status).toBe(0);
    const listed = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n').sort();
    const files = execFileSync('find', ['.', '-type', 'f'], { cwd: folder, encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((f) => f.slice(2))
      .sort();
    expect(listed).toEqual(files);
    expect(listed.filter((n) => n.endsWith('.alto.xml'))).toHaveLength(2);
    expect(listed.some((n) => n.includes('文峪河报'))).toBe(true);
    // unzip -l, as a person would look: the names readable, not escaped or garbled.
    expect(execFileSync('unzip', ['-l', zip], { encoding: 'utf8' })).toContain('文峪河报');
  });
});

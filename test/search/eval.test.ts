import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { evaluateArchive } from '../../src/core/text/evaluate.ts';
import { correctLine } from '../../src/core/text/corrections.ts';
import { runCli } from '../fixtures/cli.ts';
import { cleanScan, samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';

describe('backfile eval', () => {
  it('measures the text against ground-truth files named like the sources, and sees a bad correction', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(2, 'page.pdf'), await cleanScan(2)]);
    const folder = path.dirname(samplePage(2, 'page.pdf'));
    const before = evaluateArchive(archive, folder);
    // page.pdf pairs with page.txt; the scan has no text yet, and no text file of its name exists.
    expect(before.pages.map((p) => p.source)).toEqual(['page.pdf']);
    expect(before.unmatched).toEqual([2]);
    expect(before.cer).toBeLessThan(0.01); // the text layer is the printed text
    correctLine(archive.db, 10, 'x'.repeat(20), 'tester');
    const after = evaluateArchive(archive, folder);
    expect(after.cer).toBeGreaterThan(before.cer);
    archive.close();
    const cli = runCli(['eval', '--archive', archive.dir, '--ground-truth', folder]);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/^1\tpage\.pdf\t\d+\t\d+\.\d %\t/m);
    expect(cli.stderr).toMatch(/1 pages have no ground-truth file: 2/);
  });
});

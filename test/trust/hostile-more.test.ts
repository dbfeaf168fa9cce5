// More hostile input: a PDF that carries JavaScript, metadata that tries to escape the export
// folder, and fuzzed file-name patterns.

import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { exportPages } from '../../src/core/export/export-pages.ts';
import { safeFileName } from '../../src/core/export/file-names.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { parsePattern } from '../../src/core/import/pattern.ts';
import { loadPageBlocks } from '../../src/core/archive/page-text.ts';
import { BackfileError } from '../../src/shared/errors.ts';
import { isRealIsoDate } from '../../src/shared/date.ts';
import { writePng } from '../fixtures/scans.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';
import { seededRandom } from '../fixtures/random.ts';

/** The fields a file-name pattern can give. */
const FIELDS = ['title', 'date', 'edition', 'volume', 'number', 'page'];

describe('hostile input, continued', () => {
  it('imports a PDF that carries JavaScript as an image and its text, running nothing', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([300, 200]);
    page.drawText('Harmless page', {
      x: 20,
      y: 150,
      size: 14,
      font: await doc.embedFont(StandardFonts.Helvetica),
    });
    doc.addJavaScript('open', "app.alert('hello'); this.exportDataObject({ cName: 'x', nLaunch: 2 });");
    const file = path.join(tempDir(), 'scripted.pdf');
    writeFileSync(file, await doc.save());
    const archive = tempArchive();
    const summary = await importScans(archive, [file]);
    expect(summary.files[0]).toMatchObject({ outcome: 'imported', error: null });
    expect(loadPageBlocks(archive.db, 1).flatMap((b) => b.lines.map((l) => l.text))).toEqual([
      'Harmless page',
    ]);
  });

  it('never lets metadata choose where an export is written', async () => {
    expect(safeFileName('../../etc/passwd')).toBe('__.._etc_passwd');
    expect(safeFileName('a\u0000b\u001fc')).toBe('a_b_c');
    expect(safeFileName('C:\\Windows\\x')).toBe('C__Windows_x');
    expect(safeFileName('')).toBe('untitled');
    const archive = tempArchive();
    await importScans(archive, [await writePng(path.join(tempDir(), 'p.png'), 100, 100)], {
      title: '../../../evil/title',
    });
    const out = tempDir();
    exportPages(archive, 'alto', path.join(out, 'export'));
    expect(readdirSync(out)).toEqual(['export']);
    expect(readdirSync(path.join(out, 'export'))).toEqual(['__.._.._evil_title_undated_p001_id1.alto.xml']);
  });

  it('parses fuzzed file-name patterns without surprises: a pattern or a BackfileError, and matching never throws', () => {
    const random = seededRandom(7);
    const alphabet = [
      '{',
      '}',
      'title',
      'date',
      ':',
      'YYYY',
      'MM',
      'DD',
      'YY',
      'page',
      '*',
      '_',
      '-',
      '/',
      '.',
      '(',
      ')',
      '[',
      '\\',
      '$',
      '^',
      '+',
      '?',
      'edition',
      'x',
      '1',
    ];
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      const pattern = Array.from({ length: 1 + random(12) }, () => alphabet[random(alphabet.length)]).join(
        '',
      );
      let parsed;
      try {
        parsed = parsePattern(pattern);
      } catch (error) {
        expect(error).toBeInstanceOf(BackfileError);
        continue;
      }
      accepted++;
      for (const name of ['Wenyuhe_2018-10-19_p3', pattern, '', '((((((((((', 'a'.repeat(5000)]) {
        const result = parsed.match(name);
        if (result === null) continue;
        // What a match gives is metadata an import can store: known fields, a real date, a page.
        expect(Object.keys(result).every((k) => FIELDS.includes(k))).toBe(true);
        if (result.date !== undefined) expect(isRealIsoDate(result.date)).toBe(true);
        if (result.page !== undefined) expect(Number.isInteger(result.page) && result.page >= 0).toBe(true);
      }
    }
    expect(accepted).toBeGreaterThan(100);
  });
});

// Existing OCR beside its page images, on the NZZ's real PAGE ground truth (../shared/samples/real):
// the import itself, scaling, and hostile files next to a good one.

import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { importScans } from '../../src/core/import/importer.ts';
import { loadPageBlocks } from '../../src/core/archive/page-text.ts';
import { readPageXml } from '../../src/core/import/existing-ocr/page-xml-reader.ts';
import { BackfileError } from '../../src/shared/errors.ts';
import { SAMPLES } from '../fixtures/samples.ts';
import { expectNoOrphans } from '../fixtures/consistency.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';
import { writePng } from '../fixtures/scans.ts';
import { seededRandom } from '../fixtures/random.ts';

const NZZ = path.join(SAMPLES, 'real', 'nzz');
const NZZ_1800 = 'nzz_18000204_0_0_a1_p1_1';

function lineTexts(archive: ReturnType<typeof tempArchive>, pageId = 1): string[] {
  return loadPageBlocks(archive.db, pageId).flatMap((b) => b.lines.map((l) => l.text));
}

describe('importing existing OCR', () => {
  it('attaches a real PAGE XML ground truth to its TIFF: regions in reading order, lines, words, source', async () => {
    const archive = tempArchive();
    const summary = await importScans(archive, [path.join(NZZ, `${NZZ_1800}.tif`)], {
      ocrFrom: path.join(NZZ, `${NZZ_1800}.xml`),
    });
    expect(summary.failed).toBe(0);
    const xml = readFileSync(path.join(NZZ, `${NZZ_1800}.xml`), 'utf8');
    const lines = lineTexts(archive);
    expect(lines).toHaveLength((xml.match(/<TextLine /g) ?? []).length);
    expect(lines[0]).toBe('Züricher Zeitung.');
    const regions = archive.db.prepare('SELECT role, origin FROM regions ORDER BY reading_order').all() as {
      role: string;
      origin: string;
    }[];
    expect(regions.filter((r) => r.role === 'separator')).toHaveLength(4);
    expect(regions).toHaveLength(13);
    expect(new Set(regions.map((r) => r.origin))).toEqual(new Set(['import']));
    expect(
      archive.db.prepare("SELECT engine, version FROM text_sources WHERE kind = 'import'").get(),
    ).toEqual({ engine: 'PAGE XML', version: '2013-07-15' });
    expect(archive.db.prepare('SELECT text_source FROM pages').pluck().get()).toBe('import');
    const words = archive.db.prepare('SELECT COUNT(*) FROM words').pluck().get();
    expect(words).toBe((xml.match(/<Word /g) ?? []).length);
  });

  it('scales the OCR to a copy of the image of another size', async () => {
    const archive = tempArchive();
    const dir = tempDir();
    const half = path.join(dir, `${NZZ_1800}.png`);
    await sharp(path.join(NZZ, `${NZZ_1800}.tif`))
      .resize({ width: 959 })
      .toFile(half);
    await importScans(archive, [half], { ocrFrom: path.join(NZZ, `${NZZ_1800}.xml`) });
    const first = loadPageBlocks(archive.db, 1)[0]!.lines[0]!;
    // In the PAGE file the line's box is 228,86 – 1633,222 on a 1918-pixel-wide image.
    expect(first.box.x0).toBeCloseTo(114, -1);
    expect(first.box.x1).toBeCloseTo(816, -1);
  });
});

describe('hostile OCR files fail alone, with a clear reason', () => {
  const cases: [string, string, RegExp][] = [
    [
      'entity expansion (billion laughs)',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><PcGts><Page imageWidth="1" imageHeight="1">&lol2;</Page></PcGts>',
      /DOCTYPE or entity/,
    ],
    [
      'an external entity',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><alto><Layout><Page>&xxe;</Page></Layout></alto>',
      /DOCTYPE or entity/,
    ],
    [
      'deep nesting',
      `<PcGts><Page>${'<TextRegion>'.repeat(5000)}${'</TextRegion>'.repeat(5000)}</Page></PcGts>`,
      /nested deeper/,
    ],
    ['broken XML', '<PcGts><Page imageWidth="1"><TextRegion></Page>', /not well-formed|not a PAGE/],
    ['neither format', '<html><body>hello</body></html>', /neither ALTO, PAGE XML nor hOCR/],
  ];

  it.each(cases)('%s', async (_name, xml, reason) => {
    const archive = tempArchive();
    const dir = tempDir();
    copyFileSync(path.join(NZZ, `${NZZ_1800}.tif`), path.join(dir, 'scan.tif'));
    writeFileSync(path.join(dir, 'scan.xml'), xml);
    const good = path.join(dir, 'other.tif');
    await sharp(path.join(NZZ, `${NZZ_1800}.tif`))
      .resize({ width: 500 })
      .toFile(good);
    writeFileSync(path.join(dir, 'other.xml'), readFileSync(path.join(NZZ, `${NZZ_1800}.xml`)));
    const summary = await importScans(archive, [path.join(dir, 'scan.tif'), good], { ocrFrom: dir });
    expect(summary.files[0]!.error?.code).toBe('ocr-file-invalid');
    expect(summary.files[0]!.error?.message).toMatch(reason);
    expect(summary.files[1]!.outcome).toBe('imported');
    expectNoOrphans(archive);
  });

  it('refuses an enormous OCR file by its size, before reading it', async () => {
    const archive = tempArchive();
    const dir = tempDir();
    const scan = path.join(dir, 'scan.png');
    await writePng(scan, 50, 50);
    const huge = path.join(dir, 'scan.xml');
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 2 ** 20); // sparse: 200 MB declared, nothing written
    const summary = await importScans(archive, [scan], { ocrFrom: huge });
    expect(summary.files[0]!.error).toMatchObject({
      code: 'ocr-file-invalid',
      message: expect.stringMatching(/200 MB is over the limit/),
    });
  });

  it('survives random damage to a PAGE file (fuzz): a result or a BackfileError, nothing else', () => {
    const original = readFileSync(path.join(NZZ, `${NZZ_1800}.xml`), 'utf8');
    const random = seededRandom(42);
    const pieces = [
      '<',
      '>',
      '"',
      '&',
      '</TextLine>',
      '<Coords points="1,1 x,2"/>',
      '&#0;',
      '&#x110000;',
      '\u0000',
      'index="-1"',
      '<!--',
      ']]>',
    ];
    let parsed = 0;
    for (let i = 0; i < 300; i++) {
      let xml = original;
      for (let k = 0; k < 1 + random(4); k++) {
        const at = random(xml.length);
        const op = random(3);
        if (op === 0) xml = xml.slice(0, at) + xml.slice(at + random(200));
        else if (op === 1) xml = xml.slice(0, at) + pieces[random(pieces.length)] + xml.slice(at);
        else xml = xml.slice(0, at);
      }
      try {
        const r = readPageXml(xml, 'fuzz');
        expect(Array.isArray(r.regions)).toBe(true);
        parsed++;
      } catch (error) {
        expect(error).toBeInstanceOf(BackfileError);
      }
    }
    expect(parsed).toBeGreaterThan(0);
  });
});

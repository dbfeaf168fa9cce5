// ALTO, PAGE XML and hOCR exports of a real sample page: valid against the official schemas,
// with the page's regions, reading order, lines and words.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/archive/archive.ts';
import { exportPages } from '../../src/core/export/export-pages.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { withoutWhitespace } from '../../src/shared/text/normalise.ts';
import { insertTruthRegions } from '../fixtures/crops.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';
import { validateXml } from '../fixtures/xml-validate.ts';

/** Page 3's born-digital PDF with its ground-truth regions drawn in, in reading order. */
async function samplePageWithRegions(): Promise<{
  archive: Archive;
  regions: ReturnType<typeof insertTruthRegions>;
}> {
  const archive = tempArchive();
  await importScans(archive, [samplePage(3, 'page.pdf')]);
  const regions = insertTruthRegions(archive, 3);
  return { archive, regions };
}

describe('page exports', () => {
  it('writes ALTO 4.4 that the official schema accepts, with blocks in reading order, roles and illustrations', async () => {
    const { archive, regions } = await samplePageWithRegions();
    const out = tempDir();
    const [file] = exportPages(archive, 'alto', out);
    const { valid, errors } = await validateXml(file!, 'alto');
    expect(errors).toBe(`${file} validates\n`);
    expect(valid).toBe(true);
    const xml = readFileSync(file!, 'utf8');
    const photos = regions.filter((r) => r.role === 'photo').length;
    expect(xml.match(/<Illustration /g)).toHaveLength(photos);
    expect(xml).toContain('<StructureTag ID="role_headline" TYPE="role" LABEL="headline"/>');
    expect(xml).toContain('<fileName>Untitled_undated_p001_id1.png</fileName>');
    // The headline block comes first among text blocks and carries its printed text.
    const headline = regions.find((r) => r.role === 'headline')!;
    const firstBlock = /<TextBlock [^>]*TAGREFS="role_headline"[^>]*>(.*?)<\/TextBlock>/.exec(xml)![1]!;
    const content = [...firstBlock.matchAll(/CONTENT="([^"]*)"/g)].map((m) => m[1]).join('');
    expect(withoutWhitespace(content)).toBe(withoutWhitespace(headline.text));
    // Every block is referenced once in the reading order.
    expect(xml.match(/<ElementRef /g)!.length).toBe(xml.match(/<(TextBlock|Illustration) /g)!.length);
  });

  it('writes PAGE XML 2019-07-15 that the official schema accepts, with typed regions and reading order', async () => {
    const { archive, regions } = await samplePageWithRegions();
    const [file] = exportPages(archive, 'page', tempDir());
    const { valid, errors } = await validateXml(file!, 'page');
    expect(errors).toBe(`${file} validates\n`);
    expect(valid).toBe(true);
    const xml = readFileSync(file!, 'utf8');
    // Every drawn region, then the lines in none (the page header) in regions of their own.
    expect(xml.match(/<RegionRefIndexed /g)!.length).toBeGreaterThan(regions.length);
    expect(withoutWhitespace(xml)).toContain('文峪河报');
    expect(xml.match(/<ImageRegion /g)).toHaveLength(regions.filter((r) => r.role === 'photo').length);
    expect(xml.match(/type="caption"/g)).toHaveLength(regions.filter((r) => r.role === 'caption').length);
    const caption = regions.find((r) => r.role === 'caption')!;
    expect(withoutWhitespace(xml)).toContain(withoutWhitespace(caption.text).slice(0, 12));
  });

  it('writes hOCR with a carea per region, lines and words with boxes', async () => {
    const { archive } = await samplePageWithRegions();
    const [file] = exportPages(archive, 'hocr', tempDir());
    const html = readFileSync(file!, 'utf8');
    expect(html).toContain(
      'class="ocr_page" id="page_1" title="image &quot;Untitled_undated_p001_id1.png&quot;; bbox 0 0 3500 4950; scan_res 300 300"',
    );
    expect(html).toMatch(/<span class="ocrx_word" id="p1_r\d+_l1_w1" title="bbox \d+ \d+ \d+ \d+">/);
    expect(html).toContain('data-role="headline"');
    expect(html.match(/class="ocr_line"/g)!.length).toBeGreaterThan(100);
  });

  it('exports pages without regions block by block, and copies the images when asked', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(2, 'page.pdf')]);
    const out = tempDir();
    exportPages(archive, 'alto', out, { withImages: true });
    expect(readdirSync(out).sort()).toEqual([
      'Untitled_undated_p001_id1.alto.xml',
      'Untitled_undated_p001_id1.png',
    ]);
    expect((await validateXml(path.join(out, 'Untitled_undated_p001_id1.alto.xml'), 'alto')).valid).toBe(
      true,
    );
  });
});

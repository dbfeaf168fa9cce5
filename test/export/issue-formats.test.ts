// Issue exports on the three sample pages as one issue, segmented into articles: METS valid
// against the official schema with articles pointing into the ALTO files, a IIIF manifest with
// text annotations and article ranges, and a searchable PDF whose text comes back out.

import { unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportIssues } from '../../src/core/export/export-issues.ts';
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pageLinesView } from '../../src/core/service/page-view.ts';
import { correctLine } from '../../src/core/text/corrections.ts';
import { exportCollection } from '../../src/core/export/export-collection.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { deleteArticle, listArticles, updateArticle } from '../../src/core/articles/articles.ts';
import { assembleArticle } from '../../src/core/articles/assemble.ts';
import { segmentArchivePage } from '../../src/core/layout/segment-service.ts';
import { openPdfSource } from '../../src/core/pdf/pdf-source.ts';
import { characterErrorRate } from '../../src/shared/text/error-rate.ts';
import { runCli } from '../fixtures/cli.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';
import { validateXml } from '../fixtures/xml-validate.ts';
import { iiifErrors } from '../fixtures/iiif-validate.ts';
import { exportedText } from '../fixtures/export-text.ts';
import { segmentedIssue } from '../fixtures/segmented-issue.ts';

describe('issue exports', () => {
  it('writes METS that the official schema accepts, with each article a division pointing at its ALTO blocks', async () => {
    const archive = await segmentedIssue();
    const out = tempDir();
    await exportIssues(archive, 'mets', out);
    const [folder] = readdirSync(out);
    const dir = path.join(out, folder!);
    const { valid, errors } = await validateXml(path.join(dir, 'mets.xml'), 'mets');
    expect(errors).toBe(`${path.join(dir, 'mets.xml')} validates\n`);
    expect(valid).toBe(true);
    const altoFiles = readdirSync(dir)
      .filter((f) => f.endsWith('.alto.xml'))
      .sort();
    for (const alto of altoFiles) expect((await validateXml(path.join(dir, alto), 'alto')).valid).toBe(true);
    // Each page's ALTO names its own image number in the issue, not 1 on every page.
    expect(
      altoFiles.map((f) => /PHYSICAL_IMG_NR="(\d+)"/.exec(readFileSync(path.join(dir, f), 'utf8'))?.[1]),
    ).toEqual(['1', '2', '3']);
    // MODS names the issue's language (ISO 639-2/B).
    expect(readFileSync(path.join(dir, 'mets.xml'), 'utf8')).toContain(
      '<mods:languageTerm type="code" authority="iso639-2b">chi</mods:languageTerm>',
    );
    {
      const xml = readFileSync(path.join(dir, 'mets.xml'), 'utf8');
      // The file groups viewers look for, each file with its checksum and size.
      expect(xml).toContain('<mets:fileGrp USE="DEFAULT">');
      expect(xml).toContain('<mets:fileGrp USE="FULLTEXT">');
      const filesWithFacts = [
        ...xml.matchAll(
          /<mets:file [^>]*CHECKSUM="([0-9a-f]{64})" CHECKSUMTYPE="SHA-256" SIZE="(\d+)"[^>]*><mets:FLocat LOCTYPE="URL" xlink:href="([^"]+)"/g,
        ),
      ];
      expect(filesWithFacts).toHaveLength(6);
      for (const [, sum, size, href] of filesWithFacts) {
        const bytes = readFileSync(path.join(dir, href!.replace(/&amp;/g, '&')));
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(sum);
        expect(bytes.length).toBe(Number(size));
      }
      expect(xml).toMatch(/<mods:relatedItem type="host"><mods:titleInfo><mods:title>文峪河报<\/mods:title>/);
      // Every article is linked to the pages its areas are on.
      const links = new Set(
        [...xml.matchAll(/<mets:smLink xlink:from="([^"]+)" xlink:to="([^"]+)"\/>/g)].map(
          (m) => `${m[1]}>${m[2]}`,
        ),
      );
      for (const division of xml.matchAll(/<mets:div ID="(art_\d+)"[^>]*>([\s\S]*?)<\/mets:div>/g))
        for (const file of division[2]!.matchAll(/FILEID="alto_(\d+)"/g))
          expect(links.has(`${division[1]}>phys_${file[1]}`), `${division[1]} on page ${file[1]}`).toBe(true);
    }
    const mets = readFileSync(path.join(dir, 'mets.xml'), 'utf8');
    expect(mets).toContain('<mods:title>文峪河报</mods:title>');
    expect(mets).toContain('<mods:dateIssued encoding="iso8601">2018-10-19</mods:dateIssued>');
    expect(mets.match(/TYPE="article"/g)).toHaveLength(10);
    // Every area points at a block that exists in the ALTO file it names.
    const fileNames = Object.fromEntries(
      [
        ...mets.matchAll(/<mets:file ID="(alto_\d+)"[^>]*><mets:FLocat LOCTYPE="URL" xlink:href="([^"]+)"/g),
      ].map((m) => [m[1], m[2]]),
    );
    const areas = [...mets.matchAll(/<mets:area FILEID="(alto_\d+)" BETYPE="IDREF" BEGIN="([^"]+)"/g)];
    expect(areas.length).toBeGreaterThan(50);
    for (const [, file, id] of areas)
      expect(readFileSync(path.join(dir, fileNames[file!]!), 'utf8')).toContain(`ID="${id}"`);
  });

  it('writes METS with the printed issue number and each article divided into heading, body, photos and captions', async () => {
    const archive = tempArchive();
    const dir = tempDir();
    const files = [1, 2, 3].map((n) => {
      const file = path.join(dir, `文峪河报_2018-10-19_第1186期_p${n}.pdf`);
      copyFileSync(samplePage(n, 'page.pdf'), file);
      return file;
    });
    await importScans(archive, files, { pattern: '{title}_{date}_第{number}期_p{page}' });
    for (const id of [1, 2, 3]) await segmentArchivePage(archive, id);
    const out = tempDir();
    await exportIssues(archive, 'mets', out);
    const metsFile = path.join(out, readdirSync(out)[0]!, 'mets.xml');
    expect((await validateXml(metsFile, 'mets')).valid).toBe(true);
    const mets = readFileSync(metsFile, 'utf8');
    expect(mets).toContain('<mods:detail type="issue"><mods:number>1186</mods:number></mods:detail>');
    const divisions = [
      ...mets.matchAll(/<mets:div ID="art_(\d+)" TYPE="article"[^>]*>(.*?<\/mets:div>)<\/mets:div>/g),
    ];
    expect(divisions.length).toBeGreaterThan(5);
    // Every region of an article is in exactly one of its child divisions, in the same order.
    const areas = (xml: string) => [...xml.matchAll(/BEGIN="([^"]+)"/g)].map((m) => m[1]);
    const kinds = new Set<string>();
    for (const [, , body] of divisions) {
      const whole = body!.slice(0, body!.indexOf('<mets:div'));
      const children = [
        ...body!.matchAll(/<mets:div ID="art_\d+_\d+" TYPE="([A-Z]+)" ORDER="\d+">(.*?)<\/mets:div>/g),
      ];
      expect(children.flatMap((c) => areas(c[2]!))).toEqual(areas(whole));
      for (const c of children) kinds.add(c[1]!);
    }
    expect([...kinds]).toEqual(expect.arrayContaining(['HEADING', 'BODY']));
    // The pages' photos are illustrations, each with its caption right after it.
    expect([...kinds]).toEqual(expect.arrayContaining(['ILLUSTRATION', 'CAPTION']));
    for (const [, , body] of divisions.filter((d) => d[2]!.includes('TYPE="ILLUSTRATION"')))
      expect(body).toMatch(/TYPE="ILLUSTRATION"[^]*?<\/mets:div><mets:div[^>]*TYPE="CAPTION"/);
  });

  it('writes an article continued on another page as one division over both pages, in order', async () => {
    const archive = await segmentedIssue();
    // The lead story: its first part on page 1, its continuation under the same headline on page 2.
    const parts = listArticles(archive.db).filter((a) =>
      assembleArticle(archive.db, a.id).headline?.startsWith('交城县农特产品'),
    );
    expect(parts).toHaveLength(2);
    const [first, second] = parts;
    deleteArticle(archive.db, second!.id, 'tester');
    updateArticle(
      archive.db,
      first!.id,
      { regionIds: [...first!.regionIds, ...second!.regionIds] },
      'tester',
    );
    expect(assembleArticle(archive.db, first!.id).pages).toEqual([1, 2]);
    const out = tempDir();
    await exportIssues(archive, 'mets', out);
    const dir = path.join(out, readdirSync(out)[0]!);
    expect((await validateXml(path.join(dir, 'mets.xml'), 'mets')).valid).toBe(true);
    const mets = readFileSync(path.join(dir, 'mets.xml'), 'utf8');
    const division = [
      ...mets.matchAll(/<mets:div ID="art_\d+" TYPE="article"[^>]*>(<mets:fptr>.*?<\/mets:fptr>)/g),
    ].find((m) => /LABEL="交城县农特产品/.test(m[0]))!;
    const files = [...division[1]!.matchAll(/FILEID="(alto_\d+)"/g)].map((m) => m[1]);
    expect(division[1]).toMatch(/^<mets:fptr><mets:seq>/);
    expect(files[0]).toBe('alto_1');
    expect(files.at(-1)).toBe('alto_2');
    expect(files.indexOf('alto_2')).toBeGreaterThan(files.lastIndexOf('alto_1'));
    expect(mets.match(/TYPE="article"/g)).toHaveLength(9);
  });

  it('writes a IIIF Presentation 3 manifest with canvases, line annotations and article ranges', async () => {
    const archive = await segmentedIssue();
    const out = tempDir();
    await exportIssues(archive, 'iiif', out, { baseUrl: 'https://archive.example/exports' });
    const folder = readdirSync(out)[0]!;
    const dir = path.join(out, folder);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    // Valid as the IIIF validator's schema has it.
    expect(iiifErrors(manifest)).toEqual([]);
    expect(manifest).toMatchObject({
      '@context': expect.arrayContaining(['http://iiif.io/api/presentation/3/context.json']),
      type: 'Manifest',
      // The id is where the file is: the base URL names the export folder.
      id: `https://archive.example/exports/${encodeURIComponent(folder)}/manifest.json`,
    });
    // Every image the manifest names is a file beside it.
    const images =
      JSON.stringify(manifest).match(/"id":"https:\/\/archive\.example\/exports\/[^"]+\.png"/g) ?? [];
    expect(images.length).toBe(3);
    for (const image of images) {
      const name = decodeURIComponent(image.slice(image.lastIndexOf('/') + 1, -1));
      expect(readdirSync(dir)).toContain(name);
    }
    expect(manifest.items).toHaveLength(3);
    const canvas = manifest.items[0];
    expect(canvas).toMatchObject({ type: 'Canvas', width: 3500, height: 4950 });
    expect(canvas.items[0].items[0]).toMatchObject({
      motivation: 'painting',
      body: { type: 'Image', format: 'image/png', width: 3500 },
    });
    const annotations = canvas.annotations[0].items;
    expect(annotations.length).toBeGreaterThan(200);
    expect(annotations[0]).toMatchObject({
      motivation: 'supplementing',
      textGranularity: 'line',
      body: { type: 'TextualBody', language: 'zh' },
      target: expect.stringMatching(/#xywh=\d+,\d+,\d+,\d+$/),
    });
    expect(annotations.map((a: { body: { value: string } }) => a.body.value).join('')).toContain(
      '交城县农特产品在第二届吕梁名',
    );
    expect(manifest.structures).toHaveLength(10);
    // Article parts as canvas fragments, which viewers navigate to.
    expect(manifest.structures[0].items[0]).toMatchObject({
      type: 'Canvas',
      id: expect.stringMatching(new RegExp(`^${canvas.id}#xywh=\\d+,\\d+,\\d+,\\d+$`)),
    });
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(3);
  });

  it('gives two issues exported together ids of their own', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(1, 'page.pdf')], { title: '文峪河报', date: '2018-10-19' });
    await importScans(archive, [samplePage(2, 'page.pdf')], { title: '文峪河报', date: '2018-10-26' });
    const out = tempDir();
    await exportIssues(archive, 'iiif', out, { baseUrl: 'https://archive.example/exports/' });
    const manifests = readdirSync(out).map(
      (f) => JSON.parse(readFileSync(path.join(out, f, 'manifest.json'), 'utf8')) as { id: string },
    );
    expect(manifests).toHaveLength(2);
    const ids: string[][] = manifests.map((m) => [...(JSON.stringify(m).match(/"id":"[^"]+"/g) ?? [])]);
    expect(ids[0]!.filter((id) => ids[1]!.includes(id))).toEqual([]);
    for (const m of manifests) expect(iiifErrors(m)).toEqual([]);
  });

  it('writes a searchable PDF whose Chinese text comes back out with pdfjs', async () => {
    const archive = await segmentedIssue();
    const out = tempDir();
    const [file] = await exportIssues(archive, 'pdf', out);
    // The text layer follows the page's reading order: its regions, then lines.
    const expected = [1, 2, 3].map((id) => exportedText(archive, id));
    const source = await openPdfSource(file!, { dpi: 300, maxPixels: 250e6 });
    expect(source.pageCount).toBe(3);
    for (const n of [1, 2, 3]) {
      const page = await source.readPage(n - 1);
      expect([page.width, page.height]).toEqual([3500, 4950]);
      const again = page.text!.blocks.flatMap((b) => b.lines.map((l) => l.text)).join('');
      expect(characterErrorRate(again, expected[n - 1]!)).toBeLessThan(0.02);
    }
    await source.close();
  });

  it('writes a searchable PDF of the chosen pages only', async () => {
    const archive = tempArchive();
    await importScans(
      archive,
      [1, 2, 3].map((n) => samplePage(n, 'page.pdf')),
      { date: '2018-10-19' },
    );
    const out = tempDir();
    await exportCollection(archive, { format: 'pdf', out, pageIds: [2] });
    const [file] = readdirSync(out);
    const source = await openPdfSource(path.join(out, file!), { dpi: 72, maxPixels: 250e6 });
    expect(source.pageCount).toBe(1);
    const page = await source.readPage(0);
    await source.close();
    // Its metadata as a reader sees it: the catalog's language and the XMP title and date.
    const task = getDocument({ data: new Uint8Array(readFileSync(path.join(out, file!))) });
    const { info, metadata } = await (await task.promise).getMetadata();
    await task.destroy();
    expect((info as { Language?: string }).Language).toBe('zh');
    expect(metadata?.get('dc:title')).toMatch(/2018-10-19/);
    expect(String(metadata?.get('dc:date'))).toBe('2018-10-19');
    const text = page.text!.blocks.flatMap((b) => b.lines.map((l) => l.text)).join('');
    const second = exportedText(archive, 2);
    expect(characterErrorRate(text, second)).toBeLessThan(0.02);
  });

  it('keeps a born-digital page as printed, and writes a corrected one as image and corrected text', async () => {
    const archive = tempArchive();
    await importScans(
      archive,
      [1, 2].map((n) => samplePage(n, 'page.pdf')),
      { title: '文峪河报', date: '2018-10-19' },
    );
    // A person corrects one line of page 2.
    const line = pageLinesView(archive.db, 2).lines[0]!;
    correctLine(archive.db, line.id, `${line.text}（校）`, 'reviewer');
    const out = tempDir();
    const [file] = await exportIssues(archive, 'pdf', out);
    const read = async (bytes: Buffer, index: number) => {
      const task = getDocument({ data: new Uint8Array(bytes) });
      const doc = await task.promise;
      const page = await doc.getPage(index + 1);
      const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
      const images = (await page.getOperatorList()).fnArray.filter((f) => f === OPS.paintImageXObject).length;
      const size = page.view.slice(2);
      await task.destroy();
      return { text, images, size };
    };
    const exported = readFileSync(file!);
    const [original1, original2] = [1, 2].map((n) => readFileSync(samplePage(n, 'page.pdf')));
    // Page 1: the original page, its own text in its own order, no image laid over it.
    const kept = await read(exported, 0);
    const printed = await read(original1!, 0);
    expect(kept).toEqual(printed);
    // Page 2: the page image with the text layer, which holds the correction.
    const rewritten = await read(exported, 1);
    expect(rewritten.images).toBe(1);
    expect(rewritten.text).toContain(`${line.text}（校）`.replace(/\s/g, ''));
    expect(rewritten.size).toEqual((await read(original2!, 0)).size);
  });

  it('refuses a IIIF export that does not say where it will be published, writing nothing', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(1, 'page.pdf')], { title: '文峪河报', date: '2018-10-19' });
    for (const baseUrl of [undefined, 'file:///tmp/exports', 'https://archive.example/iiif?x=1']) {
      const out = path.join(tempDir(), 'iiif');
      await expect(exportCollection(archive, { format: 'iiif', out, baseUrl })).rejects.toMatchObject({
        code: 'invalid-input',
        message:
          baseUrl === undefined ? expect.stringMatching(/--base-url/) : expect.stringContaining(baseUrl),
      });
      expect(existsSync(out)).toBe(false);
    }
  });

  it('exports from the command line into a ZIP', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(2, 'page.pdf')]);
    archive.close();
    const zip = path.join(tempDir(), 'issue.zip');
    const r = runCli([
      'export',
      '--archive',
      archive.dir,
      '--format',
      'mets',
      '--issue',
      '1',
      '--zip',
      '--out',
      zip,
    ]);
    expect(r.status, r.stderr).toBe(0);
    // fflate checks every entry's CRC as it inflates (Info-ZIP's own check is in
    // readers.samples.test.ts).
    const entries = unzipSync(readFileSync(zip));
    const names = Object.keys(entries);
    expect(names.some((n) => /_issue1\/mets\.xml$/.test(n))).toBe(true);
    expect(names.some((n) => n.endsWith('.alto.xml'))).toBe(true);
    const mets = names.find((n) => n.endsWith('mets.xml'))!;
    expect(new TextDecoder().decode(entries[mets])).toMatch(/^<\?xml[^]*<mets:mets/);
  });

  it('exports selected articles, or a whole title, from the command line', async () => {
    const archive = await segmentedIssue();
    archive.close();
    const out = tempDir();
    expect(
      runCli([
        'export',
        '--archive',
        archive.dir,
        '--format',
        'json',
        '--articles',
        '2,3',
        '--out',
        path.join(out, 'a'),
      ]).status,
    ).toBe(0);
    const json = JSON.parse(readFileSync(path.join(out, 'a', 'articles.json'), 'utf8'));
    expect(json.articles.map((a: { id: number }) => a.id)).toEqual([2, 3]);
    expect(
      runCli([
        'export',
        '--archive',
        archive.dir,
        '--format',
        'csv',
        '--title',
        '1',
        '--out',
        path.join(out, 't'),
      ]).status,
    ).toBe(0);
    expect(
      readFileSync(path.join(out, 't', 'articles.csv'), 'utf8')
        .trim()
        .split('\r\n'),
    ).toHaveLength(11);
    expect(
      runCli([
        'export',
        '--archive',
        archive.dir,
        '--format',
        'csv',
        '--title',
        '9',
        '--out',
        path.join(out, 'none'),
      ]).status,
    ).toBe(0);
    expect(
      readFileSync(path.join(out, 'none', 'articles.csv'), 'utf8')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
  });
});

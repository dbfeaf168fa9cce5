// METS round trip: an issue exported as METS (with its ALTO files and images) and imported into
// another archive comes back with its pages in order, its metadata, and its articles made of the
// same regions; as a folder, as a METS file named explicitly, or as --ocr-from beside the scans.

import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/archive/archive.ts';
import { issueLabel } from '../../src/core/archive/catalogue.ts';
import { listPages } from '../../src/core/archive/pages.ts';
import { pageRegions } from '../../src/core/archive/region-rows.ts';
import { deleteArticle, listArticles, updateArticle } from '../../src/core/articles/articles.ts';
import { assembleArticle } from '../../src/core/articles/assemble.ts';
import { exportIssues } from '../../src/core/export/export-issues.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { segmentedIssue } from '../fixtures/segmented-issue.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';

/** Each article as a reader sees it: its text, and the pages and roles of its parts in order. */
function articlesOf(archive: Archive) {
  const pages = listPages(archive.db);
  const regions = new Map(
    pages.flatMap((p) =>
      pageRegions(archive.db, p.id).map((r) => [r.id, { page: p.sequence, role: r.role }] as const),
    ),
  );
  return listArticles(archive.db).map((a) => {
    const assembled = assembleArticle(archive.db, a.id);
    return {
      headline: assembled.headline,
      byline: assembled.byline,
      paragraphs: assembled.paragraphs,
      parts: a.regionIds.map((id) => regions.get(id)),
    };
  });
}

async function exportedIssue(archive: Archive): Promise<string> {
  const out = tempDir();
  await exportIssues(archive, 'mets', out);
  return path.join(out, readdirSync(out)[0]!);
}

/** The lead story continued from page 1 on page 2, joined into one article as a reviewer does. */
function joinLeadStory(archive: Archive): void {
  const parts = listArticles(archive.db).filter((a) =>
    assembleArticle(archive.db, a.id).headline?.startsWith('交城县农特产品'),
  );
  expect(parts).toHaveLength(2);
  deleteArticle(archive.db, parts[1]!.id, 'tester');
  updateArticle(
    archive.db,
    parts[0]!.id,
    { regionIds: [...parts[0]!.regionIds, ...parts[1]!.regionIds] },
    'tester',
  );
}

describe('importing METS', () => {
  // One exported issue for the tests that only read it (making it takes the layout step).
  let exported = '';
  beforeAll(async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'backfile-mets-'));
    await exportIssues(await segmentedIssue(), 'mets', out);
    exported = path.join(out, readdirSync(out)[0]!);
    return () => rmSync(out, { recursive: true, force: true });
  });

  it('brings an exported issue folder back whole: pages in order, metadata, articles of the same regions', async () => {
    const source = await segmentedIssue();
    joinLeadStory(source);
    // A reviewer's headline that no region carries survives too.
    const edited = listArticles(source.db).find((a) => assembleArticle(source.db, a.id).headline === null);
    if (edited) updateArticle(source.db, edited.id, { fields: { headline: '无题' } }, 'tester');
    const folder = await exportedIssue(source);

    const target = tempArchive();
    const summary = await importScans(target, [path.dirname(folder)]);
    expect(summary.failed).toBe(0);
    expect(summary.imported).toBe(3);
    expect(summary.articles).toBe(listArticles(source.db).length);

    const pages = listPages(target.db);
    expect(pages.map((p) => p.sequence)).toEqual([1, 2, 3]);
    expect(issueLabel(target.db, pages[0]!.issueId)).toMatchObject({ title: '文峪河报', date: '2018-10-19' });
    const before = articlesOf(source);
    const after = articlesOf(target);
    expect(after).toEqual(before);
    // The continued story is one article over pages 1 and 2 again.
    const lead = after.find((a) => a.headline?.startsWith('交城县农特产品'))!;
    expect(new Set(lead.parts.map((p) => p!.page))).toEqual(new Set([1, 2]));

    // Exported again, the METS has the same logical structure (articles, their blocks' order).
    const again = await exportedIssue(target);
    const structure = (dir: string) =>
      [
        ...readFileSync(path.join(dir, 'mets.xml'), 'utf8').matchAll(
          /<mets:div ID="art_\d+" TYPE="article"[^>]*>(<mets:fptr>.*?<\/mets:fptr>)/g,
        ),
      ].map((m) => [...m[1]!.matchAll(/FILEID="(alto_\d+)"/g)].map((f) => f[1]));
    expect(structure(again)).toEqual(structure(folder));
  });

  it('takes a METS file as --ocr-from for scans named like its images, and makes nothing twice', async () => {
    const folder = exported;
    const images = readdirSync(folder)
      .filter((f) => f.endsWith('.png'))
      .sort();
    expect(images).toHaveLength(3);
    const scans = tempDir();
    for (const image of images) copyFileSync(path.join(folder, image), path.join(scans, image));

    const target = tempArchive();
    // Page 2 only first: just the articles with parts on it.
    const first = await importScans(target, [path.join(scans, images[1]!)], {
      ocrFrom: path.join(folder, 'mets.xml'),
    });
    expect(first.failed).toBe(0);
    const onPage2 = listArticles(target.db);
    expect(onPage2.length).toBe(first.articles);
    expect(onPage2.length).toBeGreaterThan(0);
    const page2 = listPages(target.db)[0]!.id;
    const page2Regions = new Set(pageRegions(target.db, page2).map((r) => r.id));
    for (const a of onPage2) for (const id of a.regionIds) expect(page2Regions.has(id)).toBe(true);

    // Then the whole folder of scans: the new pages' articles, none of page 2's again.
    const second = await importScans(target, [scans], { ocrFrom: path.join(folder, 'mets.xml') });
    expect(second.duplicates).toBe(1);
    expect(second.imported).toBe(2);
    const all = listArticles(target.db);
    expect(all.length).toBe(onPage2.length + second.articles);
    const regionIds = all.flatMap((a) => a.regionIds);
    expect(new Set(regionIds).size).toBe(regionIds.length);

    const third = await importScans(target, [scans], { ocrFrom: path.join(folder, 'mets.xml') });
    expect(third.articles).toBe(0);
    expect(listArticles(target.db)).toHaveLength(all.length);
  });

  it('refuses, page by page, what a METS names outside its folder or nowhere; the rest comes in', async () => {
    const folder = exported;
    const mets = readFileSync(path.join(folder, 'mets.xml'), 'utf8');
    const hrefs = [...mets.matchAll(/<mets:FLocat LOCTYPE="URL" xlink:href="([^"]+\.png)"/g)].map(
      (m) => m[1]!,
    );
    expect(hrefs).toHaveLength(3);
    const hostile = tempDir();
    mkdirSync(path.join(hostile, 'issue'));
    for (const f of readdirSync(folder)) copyFileSync(path.join(folder, f), path.join(hostile, 'issue', f));
    writeFileSync(
      path.join(hostile, 'issue', 'mets.xml'),
      mets
        .replace(`xlink:href="${hrefs[0]}"`, 'xlink:href="../../../etc/passwd"')
        .replace(`xlink:href="${hrefs[1]}"`, 'xlink:href="https://example.org/page2.png"'),
    );
    const target = tempArchive();
    const summary = await importScans(target, [path.join(hostile, 'issue', 'mets.xml')]);
    expect(summary.imported).toBe(1);
    expect(summary.failed).toBe(2);
    const messages = summary.files.filter((f) => f.outcome === 'failed').map((f) => f.error!.message);
    expect(messages.some((m) => /outside the METS file's folder/.test(m))).toBe(true);
    expect(messages.some((m) => /reads nothing from the network/.test(m))).toBe(true);
    // The page that came in has its articles; none of them reaches into a page that did not.
    const pageIds = new Set(pageRegions(target.db, listPages(target.db)[0]!.id).map((r) => r.id));
    expect(summary.articles).toBeGreaterThan(0);
    for (const a of listArticles(target.db)) for (const id of a.regionIds) expect(pageIds.has(id)).toBe(true);
  });

  it('says which scan no page of the METS names', async () => {
    const folder = exported;
    const stray = path.join(tempDir(), 'stray.png');
    copyFileSync(
      path.join(
        folder,
        readdirSync(folder).find((f) => f.endsWith('.png'))!,
      ),
      stray,
    );
    const summary = await importScans(tempArchive(), [stray], { ocrFrom: path.join(folder, 'mets.xml') });
    expect(summary.failed).toBe(1);
    expect(summary.files[0]!.error!.message).toMatch(
      /stray\.png: no page of .*mets\.xml has an image named like this scan/,
    );
  });
});

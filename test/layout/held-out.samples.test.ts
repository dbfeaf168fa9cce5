// Layout on the sample pages held out of every tuning (bench/lib/truth.ts names them), from
// their shuffled PDFs: the content stream in random order, as page-layout software writes it.
// What must hold on pages the rules were not made on: the page text in reading order, each
// printed article part found, each photo paired with its caption, and a story that jumps to
// a page of the issue linked into one article with its repeated headline left out.

import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPageBlocks } from '../../src/core/archive/page-text.ts';
import { assembleArticle } from '../../src/core/articles/assemble.ts';
import { listArticles } from '../../src/core/articles/articles.ts';
import { pageToPlainText } from '../../src/core/export/page-text-export.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { linkIssueJumps } from '../../src/core/layout/jumps.ts';
import { segmentArchivePage } from '../../src/core/layout/segment-service.ts';
import { characterErrorRate } from '../../src/shared/text/error-rate.ts';
import { comparableText, truthPages } from '../../bench/lib/truth.ts';
import { tempArchive } from '../fixtures/temp.ts';

const all = truthPages();
const heldOut = all.filter((p) => p.heldOut);

describe('layout on held-out pages (shuffled PDFs)', () => {
  it('reads them in order, finds their articles, pairs photos and captions, links jumps', async () => {
    expect(heldOut.length).toBeGreaterThan(0);
    // The whole set the held-out pages belong to, as one issue: jumps need both pages.
    const set = all.filter((p) => p.set === heldOut[0]!.set);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'held-out-'));
    const files = set.map((p) => {
      const file = path.join(dir, `Wenyuhe_p${p.number}.pdf`);
      copyFileSync(path.join(p.dir, 'page_shuffled.pdf'), file);
      return file;
    });
    const archive = tempArchive();
    const summary = await importScans(archive, files, { pattern: '{title}_p{page}', date: '2018-10-19' });
    const pageIds = summary.files.map((f) => f.pageIds[0]!);
    for (const id of pageIds) await segmentArchivePage(archive, id);
    const issueId = archive.db
      .prepare('SELECT issue_id FROM pages WHERE id = ?')
      .pluck()
      .get(pageIds[0]) as number;
    linkIssueJumps(archive, issueId);

    for (const page of heldOut) {
      const pageId = pageIds[set.indexOf(page)]!;
      const text = pageToPlainText(loadPageBlocks(archive.db, pageId));
      expect(characterErrorRate(text, page.text), `${page.name}: ordered page text`).toBeLessThanOrEqual(
        0.005,
      );
      const ours = listArticles(archive.db).map((a) => assembleArticle(archive.db, a.id, { pageId }));
      for (const part of page.articles) {
        const found = ours.some((a) => characterErrorRate(comparableText(a), part.text) <= 0.02);
        expect(found, `${page.name}: article part ${part.id}`).toBe(true);
      }
      const photos = ours.flatMap((a) => a.photos).filter((p) => p.regionId !== null);
      expect(photos.length).toBe(page.articles.reduce((n, a) => n + a.photos, 0));
      for (const photo of photos) expect(photo.caption, `${page.name}: a photo's caption`).toBeTruthy();
    }
    // Jumps from or to a held-out page: one article over both pages, one headline.
    for (const page of set) {
      for (const part of page.articles.filter((a) => a.continuesOn !== null)) {
        const next = set.find((p) => p.number === part.continuesOn);
        if (!next || (!page.heldOut && !next.heldOut)) continue;
        const here = pageIds[set.indexOf(page)]!;
        const there = pageIds[set.indexOf(next)]!;
        const story = listArticles(archive.db)
          .map((a) => assembleArticle(archive.db, a.id))
          .find((a) => a.pages.includes(here) && a.pages.includes(there));
        expect(story, `${page.name} ${part.id} → page ${part.continuesOn}`).toBeDefined();
        const text = story!.paragraphs.join('\n');
        expect(text).not.toMatch(/[上下][接转]第/u);
        expect(text).not.toContain(story!.headline ?? '\u0000');
      }
    }
  }, 600_000);
});

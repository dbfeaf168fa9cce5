// Automatic segmentation on the three sample pages (born-digital PDFs' text layers): the
// suggested articles match the printed articles, captions land with their photos.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listArticles } from '../../src/core/articles/articles.ts';
import { assembleArticle } from '../../src/core/articles/assemble.ts';
import { articleToText } from '../../src/core/export/article-formats.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { segmentArchivePage } from '../../src/core/layout/segment-service.ts';
import { characterErrorRate } from '../../src/shared/text/error-rate.ts';
import { withoutWhitespace } from '../../src/shared/text/normalise.ts';
import { runCli } from '../fixtures/cli.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive } from '../fixtures/temp.ts';

interface TruthArticle {
  id: string;
  captions: string[];
}

describe('backfile segment', () => {
  it('recovers the printed articles of the sample pages', async () => {
    const archive = tempArchive();
    const rates: Record<string, number> = {};
    for (const n of [1, 2, 3]) {
      const summary = await importScans(archive, [samplePage(n, 'page.pdf')]);
      const pageId = summary.files[0]!.pageIds[0]!;
      const result = await segmentArchivePage(archive, pageId);
      const truth = JSON.parse(readFileSync(samplePage(n, 'truth.json'), 'utf8')) as {
        articles: TruthArticle[];
      };
      expect(result.articles).toBe(truth.articles.length);
      const ours = listArticles(archive.db)
        .filter(
          (a) =>
            archive.db.prepare('SELECT page_id FROM regions WHERE id = ?').pluck().get(a.regionIds[0]) ===
            pageId,
        )
        .map((a) => assembleArticle(archive.db, a.id));
      for (const t of truth.articles) {
        // The printed text has a few ASCII commas that normalisation makes full-width.
        const expected = readFileSync(samplePage(n, `articles/${t.id}.txt`), 'utf8').replace(
          /,(?=\p{Script=Han})/gu,
          '，',
        );
        const best = ours
          .map((a) => ({ a, cer: characterErrorRate(articleToText(a), expected) }))
          .sort((x, y) => x.cer - y.cer)[0]!;
        rates[`p${n}/${t.id}`] = best.cer;
        for (const caption of t.captions) {
          expect(best.a.photos.map((p) => withoutWhitespace(p.caption ?? ''))).toContain(
            withoutWhitespace(caption),
          );
          expect(withoutWhitespace(best.a.paragraphs.join(''))).not.toContain(withoutWhitespace(caption));
        }
      }
    }
    const exact = Object.values(rates).filter((r) => r < 0.01).length;
    expect(Object.keys(rates)).toHaveLength(10);
    expect(exact, JSON.stringify(rates)).toBe(10); // every article recovered exactly (CER under 1 %)
    expect(Math.max(...Object.values(rates))).toBeLessThan(0.01);
  });

  it('marks suggestions as such, replaces unaccepted ones when run again, and runs from the CLI', async () => {
    const archive = tempArchive();
    await importScans(archive, [samplePage(3, 'page.pdf')]);
    archive.close();
    const first = runCli(['segment', '--archive', archive.dir, '--json']);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout.trim())).toMatchObject({ pageId: 1, articles: 3, photos: 1 });
    expect(runCli(['segment', '--archive', archive.dir]).status).toBe(0);
    const list = JSON.parse(runCli(['articles', '--archive', archive.dir, '--json']).stdout);
    expect(list).toHaveLength(3);
    expect(
      list.every((a: { origin: string; accepted: boolean }) => a.origin === 'suggested' && !a.accepted),
    ).toBe(true);
  });
});

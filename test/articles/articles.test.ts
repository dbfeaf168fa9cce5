// Regions and articles on a real sample page (page 3's born-digital PDF): drawn by the ground
// truth's boxes, assembled into clean articles that match the printed articles, photos cropped
// with their captions, every edit undoable, and the article exports.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../src/core/archive/archive.ts';
import { lastChange } from '../../src/core/archive/history.ts';
import { assembleArticle } from '../../src/core/articles/assemble.ts';
import {
  attachPhoto,
  createArticle,
  getArticle,
  listArticles,
  updateArticle,
} from '../../src/core/articles/articles.ts';
import {
  createRegion,
  deleteRegion,
  mergeRegions,
  reorderRegions,
  splitRegion,
  updateRegion,
} from '../../src/core/articles/regions.ts';
import { undo } from '../../src/core/review/undo.ts';
import { pageRegions } from '../../src/core/archive/region-rows.ts';
import { exportArticles } from '../../src/core/export/export-articles.ts';
import { importScans } from '../../src/core/import/importer.ts';
import { articleToText } from '../../src/core/export/article-formats.ts';
import { characterErrorRate } from '../../src/shared/text/error-rate.ts';
import { withoutWhitespace } from '../../src/shared/text/normalise.ts';
import { samplePage } from '../fixtures/samples.ts';
import { tempArchive, tempDir } from '../fixtures/temp.ts';
import { csvCell } from '../../src/core/export/article-formats.ts';

interface TruthArticle {
  id: string;
  reading_order: string[];
  regions: { id: string; role: string; bbox: [number, number, number, number] }[];
  captions: string[];
}

const USER = 'tester';
const truth = JSON.parse(readFileSync(samplePage(3, 'truth.json'), 'utf8')) as { articles: TruthArticle[] };

async function pageWithArticles(): Promise<{ archive: Archive; articles: Map<string, number> }> {
  const archive = tempArchive();
  await importScans(archive, [samplePage(3, 'page.pdf')]);
  const articles = new Map<string, number>();
  for (const a of truth.articles) {
    const ids = new Map<string, number>();
    for (const regionId of a.reading_order) {
      const r = a.regions.find((x) => x.id === regionId)!;
      const [x0, y0, x1, y1] = r.bbox;
      const role = r.role === 'intertitle' ? 'subhead' : r.role;
      ids.set(
        regionId,
        createRegion(
          archive.db,
          1,
          role,
          [
            [x0, y0],
            [x1, y0],
            [x1, y1],
            [x0, y1],
          ],
          USER,
        ),
      );
    }
    const articleId = createArticle(
      archive.db,
      a.reading_order.map((id) => ids.get(id)!),
      {},
      USER,
    );
    const photo = a.regions.find((r) => r.role === 'photo');
    const caption = a.regions.find((r) => r.role === 'caption');
    if (photo)
      await attachPhoto(archive, articleId, ids.get(photo.id)!, caption ? ids.get(caption.id)! : null, USER);
    articles.set(a.id, articleId);
  }
  return { archive, articles };
}

describe('articles from regions', () => {
  it('assemble into the printed articles: headline, byline, body in reading order, captions with their photos', async () => {
    const { archive, articles } = await pageWithArticles();
    for (const a of truth.articles) {
      const assembled = assembleArticle(archive.db, articles.get(a.id)!);
      const expected = readFileSync(samplePage(3, `articles/${a.id}.txt`), 'utf8');
      expect(characterErrorRate(articleToText(assembled), expected)).toBeLessThan(0.01);
      for (const caption of a.captions) {
        expect(assembled.photos.map((p) => withoutWhitespace(p.caption ?? ''))).toContain(
          withoutWhitespace(caption),
        );
        expect(withoutWhitespace(assembled.paragraphs.join(''))).not.toContain(withoutWhitespace(caption));
      }
    }
    const s08 = assembleArticle(archive.db, articles.get('s08')!);
    expect(s08.headline).toBe('交城县西社镇“五个强化”打造基层党建样板');
    expect(s08.byline).toBe('□ 路小飞 张晋'); // two authors, the printed space kept
  });

  it('keeps photos as full-resolution crops in the database', async () => {
    const { archive, articles } = await pageWithArticles();
    const photo = truth.articles.find((a) => a.id === 's07')!.regions.find((r) => r.role === 'photo')!;
    const row = archive.db
      .prepare('SELECT width, height, image, caption FROM photos WHERE article_id = ?')
      .get(articles.get('s07')) as {
      width: number;
      height: number;
      image: Buffer;
      caption: string;
    };
    expect([row.width, row.height]).toEqual([photo.bbox[2] - photo.bbox[0], photo.bbox[3] - photo.bbox[1]]);
    expect(await sharp(row.image).metadata()).toMatchObject({
      format: 'jpeg',
      width: row.width,
      height: row.height,
    });
    expect(row.caption).toContain('交城县爱心志愿者协会');
  });

  it('lets the user override fields, and undo the override', async () => {
    const { archive, articles } = await pageWithArticles();
    const id = articles.get('s06')!;
    const before = assembleArticle(archive.db, id).headline;
    updateArticle(archive.db, id, { fields: { headline: '新标题', section: '要闻' } }, USER);
    expect(assembleArticle(archive.db, id)).toMatchObject({ headline: '新标题', section: '要闻' });
    undo(archive.db, lastChange(archive.db)!);
    expect(assembleArticle(archive.db, id)).toMatchObject({ headline: before, section: null });
  });

  it('refuses a region in two articles', async () => {
    const { archive, articles } = await pageWithArticles();
    const taken = getArticle(archive.db, articles.get('s06')!).regionIds[0]!;
    expect(() => createArticle(archive.db, [taken], {}, USER)).toThrow(/already belongs to another article/);
  });
});

describe('region editing with undo', () => {
  async function pageWithOneRegion() {
    const archive = tempArchive();
    await importScans(archive, [samplePage(3, 'page.pdf')]);
    const id = createRegion(
      archive.db,
      1,
      'body',
      [
        [100, 1000],
        [900, 1000],
        [900, 2000],
        [100, 2000],
      ],
      USER,
    );
    return { archive, id };
  }

  it('draws a polygon, assigns the lines inside it, and undoes the drawing', async () => {
    const { archive, id } = await pageWithOneRegion();
    const assigned = archive.db
      .prepare('SELECT COUNT(*) FROM lines WHERE region_id = ?')
      .pluck()
      .get(id) as number;
    expect(assigned).toBeGreaterThan(5);
    undo(archive.db, lastChange(archive.db)!);
    expect(pageRegions(archive.db, 1)).toHaveLength(0);
    expect(archive.db.prepare('SELECT COUNT(*) FROM lines WHERE region_id IS NOT NULL').pluck().get()).toBe(
      0,
    );
  });

  it('splits, merges, reshapes, re-roles, reorders and deletes — each undone exactly', async () => {
    const { archive, id } = await pageWithOneRegion();
    const snapshot = () =>
      JSON.stringify(pageRegions(archive.db, 1).map((r) => [r.role, r.polygon, r.readingOrder]));
    const start = snapshot();
    const [, lower] = splitRegion(archive.db, id, 1500, USER);
    expect(pageRegions(archive.db, 1).map((r) => r.box.y1)).toEqual([1500, 2000]);
    const afterSplit = snapshot();
    reorderRegions(archive.db, 1, [lower, id], USER);
    expect(pageRegions(archive.db, 1).map((r) => r.id)).toEqual([lower, id]);
    undo(archive.db, lastChange(archive.db)!);
    expect(snapshot()).toBe(afterSplit);
    mergeRegions(archive.db, [id, lower], USER);
    expect(pageRegions(archive.db, 1)).toHaveLength(1);
    undo(archive.db, lastChange(archive.db)!);
    expect(snapshot()).toBe(afterSplit);
    undo(archive.db, lastChange(archive.db)!);
    expect(snapshot()).toBe(start);
    updateRegion(
      archive.db,
      id,
      {
        role: 'caption',
        polygon: [
          [0, 0],
          [50, 0],
          [25, 60],
        ],
      },
      USER,
    );
    expect(pageRegions(archive.db, 1)[0]).toMatchObject({
      role: 'caption',
      box: { x0: 0, y0: 0, x1: 50, y1: 60 },
    });
    undo(archive.db, lastChange(archive.db)!);
    expect(snapshot()).toBe(start);
    deleteRegion(archive.db, id, USER);
    undo(archive.db, lastChange(archive.db)!);
    expect(snapshot()).toBe(start);
  });

  it('refuses bad shapes and roles', async () => {
    const { archive, id } = await pageWithOneRegion();
    expect(() =>
      createRegion(
        archive.db,
        1,
        'body',
        [
          [0, 0],
          [1, 1],
        ],
        USER,
      ),
    ).toThrow(/three points/);
    expect(() =>
      createRegion(
        archive.db,
        1,
        'sidebar',
        [
          [0, 0],
          [10, 0],
          [10, 10],
        ],
        USER,
      ),
    ).toThrow(/Unknown region role/);
    expect(() =>
      createRegion(
        archive.db,
        99,
        'body',
        [
          [0, 0],
          [10, 0],
          [10, 10],
        ],
        USER,
      ),
    ).toThrow(/Page 99/);
    expect(() => reorderRegions(archive.db, 1, [], USER)).toThrow(/every region/);
    expect(() => splitRegion(archive.db, id, 5000, USER)).toThrow(/inside the region/);
  });
});

describe('CSV cells', () => {
  it('keep text that a spreadsheet would run as a formula as text, and quote what needs quotes', () => {
    for (const formula of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tx'])
      expect(csvCell(formula).replace(/^"|"$/g, '').replace(/""/g, '"')).toBe(`'${formula}`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(-3)).toBe('-3'); // a number is a number
    expect(csvCell('本报讯')).toBe('本报讯');
  });
});

describe('a photo and its caption', () => {
  it('are one pair wherever the caption stands in the article, in JSON, CSV, photos and Markdown', async () => {
    const { archive } = await pageWithArticles();
    // Put every caption before its photo in the reading order, as suggestions once did.
    for (const a of listArticles(archive.db)) {
      const roles = new Map(pageRegions(archive.db, 1).map((r) => [r.id, r.role]));
      const ids = getArticle(archive.db, a.id).regionIds;
      if (!ids.some((id) => roles.get(id) === 'photo')) continue;
      const captions = ids.filter((id) => roles.get(id) === 'caption');
      const rest = ids.filter((id) => roles.get(id) !== 'caption');
      const at = rest.findIndex((id) => roles.get(id) === 'photo');
      updateArticle(
        archive.db,
        a.id,
        { regionIds: [...rest.slice(0, at), ...captions, ...rest.slice(at)] },
        USER,
      );
    }
    const withPhoto = listArticles(archive.db)
      .map((a) => assembleArticle(archive.db, a.id))
      .filter((a) => a.photos.length > 0);
    expect(withPhoto.length).toBeGreaterThan(0);
    for (const a of withPhoto) {
      expect(a.photos).toHaveLength(1);
      expect(a.photos[0]).toMatchObject({
        photoId: expect.any(Number),
        caption: expect.stringMatching(/\S/),
      });
    }
    const dir = tempDir();
    for (const format of ['json', 'csv', 'photos', 'md'] as const)
      exportArticles(archive, format, path.join(dir, format));
    const json = JSON.parse(readFileSync(path.join(dir, 'json', 'articles.json'), 'utf8'));
    for (const a of json.articles as { photos: { photoId: number | null; caption: string | null }[] }[])
      for (const p of a.photos) expect(p.photoId !== null && p.caption !== null).toBe(true);
    const csv = readFileSync(path.join(dir, 'csv', 'articles.csv'), 'utf8')
      .trim()
      .split('\r\n');
    expect(csv.slice(1).map((row) => Number(row.split(',').at(-1)))).toEqual(
      json.articles.map((a: { photos: unknown[] }) => a.photos.length),
    );
    for (const f of readdirSync(path.join(dir, 'photos')).filter((f) => f.endsWith('.txt')))
      expect(readFileSync(path.join(dir, 'photos', f), 'utf8').trim()).not.toBe('');
    for (const f of readdirSync(path.join(dir, 'md')).filter((f) => f.endsWith('.md'))) {
      const md = readFileSync(path.join(dir, 'md', f), 'utf8');
      const image = md.indexOf('![');
      if (image >= 0) expect(md.slice(image).split('\n')[1]).toMatch(/^\*.+\*$/); // the caption right under it
    }
  });
});

describe('article exports', () => {
  it('writes text, Markdown with photos, JSON, a CSV index, and photos with captions', async () => {
    const { archive } = await pageWithArticles();
    const dir = tempDir();
    for (const format of ['txt', 'md', 'json', 'csv', 'photos'] as const)
      exportArticles(archive, format, path.join(dir, format));
    expect(readdirSync(path.join(dir, 'txt'))).toHaveLength(3);
    const md = readdirSync(path.join(dir, 'md'));
    expect(md.filter((f) => f.endsWith('.jpg'))).toHaveLength(1);
    const s07 = readFileSync(
      path.join(
        dir,
        'md',
        md.find((f) => f.endsWith('.md') && f.includes('_a2_'))!,
      ),
      'utf8',
    );
    expect(s07).toMatch(/^# 国家扶贫日 帮扶暖民心\n/); // the gap between the headline's halves
    expect(s07).toMatch(/!\[交城县爱心志愿者协会.*\]\(Untitled_undated_a2_.*_photo1\.jpg\)/);
    const json = JSON.parse(readFileSync(path.join(dir, 'json', 'articles.json'), 'utf8'));
    expect(json.schema).toBe('backfile-articles/1');
    expect(json.articles).toHaveLength(3);
    expect(json.articles[2]).toMatchObject({
      headline: '交城县西社镇“五个强化”打造基层党建样板',
      pages: [1],
    });
    // As Excel opens it: a UTF-8 byte-order mark first (else the Chinese is mojibake), and
    // RFC 4180 CRLF line ends.
    const bytes = readFileSync(path.join(dir, 'csv', 'articles.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const csv = text.trimEnd().split('\r\n');
    expect(csv[0]).toBe('id,issue_id,title,date,pages,headline,byline,characters,photos');
    expect(csv).toHaveLength(4);
    expect(csv[3]).toContain('交城县西社镇“五个强化”打造基层党建样板');
    const photos = readdirSync(path.join(dir, 'photos'));
    expect(photos.filter((f) => f.endsWith('.txt'))).toHaveLength(1);
  });
});

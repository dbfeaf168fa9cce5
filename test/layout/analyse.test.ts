// The layout analysis on newspaper pages made up at test time (other grids, type sizes and
// frames for every seed, none of them the sample pages the rules were developed on). It states
// what must hold on any page: the order lines come in changes nothing, no block takes lines of
// two columns, every article is exactly its lines in the order a reader takes them, and each
// photo is followed by its caption. The same holds for Latin type (letters half an em wide)
// and for boxes drawn loosely, as imported PAGE and ALTO polygons are: taller than the type and
// reaching into the gutter, over the next column's boxes; and for paragraphs whose last line of
// one to three characters has a box taller than the body's, as an engine draws it.

import { describe, expect, it } from 'vitest';
import { analysePage, type PageLayout } from '../../src/core/layout/analyse.ts';
import {
  makeNewspaperPage as makePage,
  shuffled,
  type MadeOptions,
  type MadePage,
} from '../fixtures/newspaper-layout.ts';

const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i * 7919);

function analyse(page: MadePage, seed: number): { layout: PageLayout; original: (i: number) => number } {
  const { items, from } = shuffled(page.lines, seed);
  const layout = analysePage({
    width: page.width,
    height: page.height,
    lines: items.map((l) => ({ box: l.box, text: l.text })),
    rules: page.rules,
    photos: page.photos.map((p) => p.box),
  });
  return { layout, original: (i) => from[i]! };
}

const KINDS: [string, MadeOptions][] = [
  ['ideographs', {}],
  ['ideographs, loose boxes', { loose: true }],
  ['ideographs, paragraphs ending in short lines', { shortEnds: true }],
  ['ideographs, captions whose second line opens with a quotation mark', { quotedCaptions: true }],
  ['Latin type', { script: 'latin' }],
  ['Latin type, loose boxes', { script: 'latin', loose: true }],
];

describe.each(KINDS)('page layout analysis: %s', (_, options) => {
  const makeNewspaperPage = (seed: number) => makePage(seed, options);

  it('reads every made-up page the same whatever order its lines come in', () => {
    for (const seed of SEEDS) {
      const page = makeNewspaperPage(seed);
      const orders = [1, 2, 3].map((k) => {
        const { layout, original } = analyse(page, seed * k);
        return layout.order.flatMap((b) => layout.blocks[b]!.lines.map(original));
      });
      expect(orders[1], `seed ${seed}`).toEqual(orders[0]);
      expect(orders[2], `seed ${seed}`).toEqual(orders[0]);
      expect(new Set(orders[0]).size, `seed ${seed}: every line once`).toBe(page.lines.length);
    }
  });

  it('never puts lines of two columns or two articles in one block', () => {
    for (const seed of SEEDS) {
      const page = makeNewspaperPage(seed);
      const { layout, original } = analyse(page, seed);
      for (const block of layout.blocks) {
        const made = block.lines.map((i) => page.lines[original(i)]!);
        expect(new Set(made.map((l) => l.article)).size, `seed ${seed}`).toBeLessThanOrEqual(1);
        const columns = new Set(made.filter((l) => l.role === 'body').map((l) => l.column));
        expect(
          columns.size,
          `seed ${seed}: a block over columns ${[...columns].join(', ')}`,
        ).toBeLessThanOrEqual(1);
      }
    }
  });

  it('finds each article whole, its lines in reading order, the header apart', () => {
    for (const seed of SEEDS) {
      const page = makeNewspaperPage(seed);
      const { layout, original } = analyse(page, seed);
      const articles = layout.articles.map((a) => a.flatMap((b) => layout.blocks[b]!.lines.map(original)));
      expect(articles, `seed ${seed}`).toEqual(page.readingOrder);
      const header = layout.header.flatMap((b) => layout.blocks[b]!.lines.map(original));
      expect(header.map((i) => page.lines[i]!.role)).toEqual(['page_header', 'page_header']);
    }
  });

  it('gives headlines their role and follows each photo with its caption', () => {
    for (const seed of SEEDS) {
      const page = makeNewspaperPage(seed);
      const { layout, original } = analyse(page, seed);
      for (const article of layout.articles) {
        const first = layout.blocks[article[0]!]!;
        expect(first.role, `seed ${seed}`).toBe('headline');
        expect(first.lines.map((i) => page.lines[original(i)]!.role)).toEqual(['headline']);
        article.forEach((b, k) => {
          if (layout.blocks[b]!.role !== 'photo') return;
          const next = layout.blocks[article[k + 1]!];
          expect(next?.role, `seed ${seed}: the block after a photo`).toBe('caption');
          expect(next!.lines.map((i) => page.lines[original(i)]!.role).every((r) => r === 'caption')).toBe(
            true,
          );
        });
      }
      const photos = layout.blocks.filter((b) => b.role === 'photo').length;
      expect(photos).toBe(page.photos.length);
    }
  });
});

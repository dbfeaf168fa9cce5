// The layout analysis on vertical Chinese pages made up at test time: tiers divided by rules,
// articles side by side from the right, each a headline column and body columns read right to
// left; mixed pages add a headline set across its article's columns and a photo with a caption
// set across beneath it. The page is analysed turned a quarter (quarter-turn.ts), by the same
// analysis as a horizontal page. Properties, not pinned outputs: the order lines come in
// changes nothing, every article is its lines in the order a reader takes them, the page reads
// header first and then tier by tier from the right, and each photo is followed by its caption.

import { describe, expect, it } from 'vitest';
import { analysePage } from '../../src/core/layout/analyse.ts';
import { quarterTurn } from '../../src/core/layout/quarter-turn.ts';
import { shuffled } from '../fixtures/newspaper-layout.ts';
import { makeVerticalPage, PERIOD_ARTICLES, type VerticalPage } from '../fixtures/vertical-page.ts';

const SEEDS = Array.from({ length: 20 }, (_, i) => 500 + i * 7919);

function analyse(page: VerticalPage, seed: number) {
  const { items, from } = shuffled(page.lines, seed);
  const turn = quarterTurn(page);
  const layout = analysePage({
    width: turn.width,
    height: turn.height,
    lines: items.map((l) => ({ box: turn.box(l.box), text: l.text })),
    rules: page.rules.map(turn.rule),
    photos: page.photos.map((p) => turn.box(p.box)),
  });
  const lines = (b: number) => layout.blocks[b]!.lines.map((i) => from[i]!);
  return { layout, lines };
}

describe.each([
  ['vertical columns', false],
  ['vertical columns, headline and caption set across, photo', true],
])('vertical page layout: %s', (_, mixed) => {
  it('reads the page header, then each tier from the right, each column top to bottom, whatever the input order', () => {
    for (const seed of SEEDS) {
      const page = makeVerticalPage(PERIOD_ARTICLES, { seed, mixed });
      for (const k of [1, 2]) {
        const { layout, lines } = analyse(page, seed * k);
        expect(layout.order.flatMap(lines), `seed ${seed}`).toEqual(page.order);
      }
    }
  });

  it('finds each article whole, its headline first, each photo followed by its caption', () => {
    for (const seed of SEEDS) {
      const page = makeVerticalPage(PERIOD_ARTICLES, { seed, mixed });
      const { layout, lines } = analyse(page, seed);
      const found = layout.articles.map((a) => a.flatMap(lines));
      for (const article of page.articles) expect(found, `seed ${seed}`).toContainEqual(article);
      for (const a of layout.articles) {
        const roles = a.map((b) => layout.blocks[b]!.role);
        if (a.some((b) => lines(b).some((i) => page.lines[i]!.article !== null)))
          expect(roles[0], `seed ${seed}`).toBe('headline');
        roles.forEach((r, i) => r === 'photo' && expect(roles[i + 1], `seed ${seed}`).toBe('caption'));
      }
      if (mixed) expect(layout.blocks.filter((b) => b.role === 'caption')).toHaveLength(page.photos.length);
    }
  });
});

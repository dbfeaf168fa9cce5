// The sample sets' ground truth, read for the accuracy bench and the sample tests: a page's text
// in reading order, its article parts, and the stories that jump between pages. See
// ../shared/samples/README.md for the files.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { AssembledArticle } from '../../src/shared/article.ts';

export const SAMPLE_ROOT = path.resolve(import.meta.dirname, '../../../shared/samples');

export interface TruthPage {
  /** "pages/page-01" */
  name: string;
  dir: string;
  set: string;
  number: number;
  /** Held out of every tuning: reported on its own. */
  heldOut: boolean;
  text: string;
  /** Each article part printed on the page, as text (kicker, headline, …, captions). */
  articles: {
    id: string;
    text: string;
    photos: number;
    continuesOn: number | null;
    continuedFrom: number | null;
  }[];
}

// Fixed before any tuning: the last three pages of pages-more (5 and 6 columns, tall-left and
// lead-band templates) are never looked at while choosing a rule.
const HELD_OUT = new Set(['pages-more/page-04', 'pages-more/page-05', 'pages-more/page-06']);

interface TruthJson {
  page: { number: number };
  articles: {
    id: string;
    photos: unknown[];
    continues_on_page: number | null;
    continued_from_page: number | null;
  }[];
}

export function truthPages(root = SAMPLE_ROOT): TruthPage[] {
  const pages: TruthPage[] = [];
  for (const set of ['pages', 'pages-more']) {
    const setDir = path.join(root, set);
    if (!existsSync(setDir)) continue;
    for (const entry of readdirSync(setDir)
      .filter((e) => /^page-\d+$/.test(e))
      .sort()) {
      const dir = path.join(setDir, entry);
      const truth = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as TruthJson;
      const name = `${set}/${entry}`;
      pages.push({
        name,
        dir,
        set,
        number: truth.page.number,
        heldOut: HELD_OUT.has(name),
        text: readFileSync(path.join(dir, 'page.txt'), 'utf8'),
        articles: truth.articles.map((a) => ({
          id: a.id,
          text: readFileSync(path.join(dir, 'articles', `${a.id}.txt`), 'utf8'),
          photos: a.photos.length,
          continuesOn: a.continues_on_page,
          continuedFrom: a.continued_from_page,
        })),
      });
    }
  }
  return pages;
}

/** An assembled article as text in the order of articles/sNN.txt, to compare with it. */
export function comparableText(a: AssembledArticle): string {
  return [
    a.kicker,
    a.headline,
    a.subhead,
    a.bylineAtEnd ? null : a.byline,
    ...a.paragraphs,
    a.bylineAtEnd ? a.byline : null,
    ...a.photos.map((p) => p.caption),
  ]
    .filter(Boolean)
    .join('\n');
}

// Finds the horizontal rule that closes a newspaper page's header (date, page number, section,
// masthead): the lowest row in the top fifth of the page that is dark across most of its width.

import { smallPage } from './small-page.ts';

const SCALE = 4;
const TOP_SHARE = 0.2;
const MIN_COVER = 0.6;

/** y (page pixels) of the header rule, or null when the page has none. */
export async function findHeaderRule(raster: string | Buffer, maxPixels: number): Promise<number | null> {
  const info = await smallPage(raster, SCALE, maxPixels);
  const { data, paper } = info;
  const limit = Math.floor(info.height * TOP_SHARE);
  let rule: number | null = null;
  for (let y = 0; y < limit; y++) {
    let dark = 0;
    for (let x = 0; x < info.width; x++) if (data[y * info.width + x]! < paper - 60) dark++;
    if (dark / info.width >= MIN_COVER) rule = y;
  }
  return rule === null ? null : (rule + 1) * SCALE;
}

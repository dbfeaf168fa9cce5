// How large the print is in a scan's pixels, measured from the ink rather than from the file's
// claimed resolution (a microfilm scan says 300 dpi and holds a page at 100). Down narrow slices
// of the page a text line is a run of rows with ink between blank rows; the median run is the
// height of a line's ink (ascenders to descenders, about the type's body size). Engines read
// type best at a few dozen pixels per line: a page whose lines are smaller is read enlarged.

import sharp from 'sharp';
import { median } from '../../shared/median.ts';

/** Slices the page is measured in: narrower than a column on pages of four columns or more, */
const SLICES = 12;
/** and never narrower than a few glyphs: across one Chinese character alone, its parts (二, 言)
 * are runs of their own. */
const SLICE_MIN_PX = 160;
/** A run taller than this share of the page (and than a large headline's line) is a photo. */
const TALLEST_LINE = 0.05;
const TALLEST_LINE_PX = 120;
/**
 * Line ink height below which a page is enlarged for the engine, and the height it is brought
 * to. Measured in slices, a line's ink is partly only its x-height: nine-point Antiqua measures
 * 30 px at 300 dpi, 15 at 150, 13 at 108 and 7 at 72 (test/core/small-print.test.ts makes such
 * pages). Enlarging helped the 72-dpi page (word F1 0.889 → 1.000) and hurt the NZZ's 1800 page,
 * whose small Fraktur measures 8 px at 232 dpi (0.646 → 0.616 at 3×; bench/scripts.ts): tesseract
 * reads print of 8 px as it is. So under 8 px a page is enlarged towards 300 dpi's size, at most
 * three times (a 2000-px page becomes 6000 px).
 */
export const SMALL_PRINT_PX = 8;
const READABLE_PX = 28;
const MAX_ENLARGE = 3;
/** The resolution an enlarged page is at, by construction (its print brought to 300 dpi's size). */
const ENLARGED_DPI = 300;

/**
 * The resolution to tell the engine for a page enlarged this many times: the file's claim when
 * it was not enlarged, else 300 dpi: a claim its print contradicts would make the engine take
 * the enlarged glyphs for specks (tesseract drops text it believes smaller than about 4 points).
 */
export function engineDpi(claimed: number | null, enlarge: number): number | null {
  return enlarge > 1 ? ENLARGED_DPI : claimed;
}

/** Median height in pixels of the ink of a text line, or null where no lines are found. */
export function lineInkHeight(grey: { data: Uint8Array; width: number; height: number }): number | null {
  const { data, width, height } = grey;
  const runs: number[] = [];
  const sliceWidth = Math.min(width, Math.max(SLICE_MIN_PX, Math.floor(width / SLICES)));
  for (let s = 0; s * sliceWidth < width; s++) {
    const x0 = s * sliceWidth;
    const x1 = Math.min(width, x0 + sliceWidth);
    let run = 0;
    for (let y = 0; y < height; y++) {
      let dark = false;
      for (let x = x0; x < x1 && !dark; x++) dark = data[y * width + x]! < 128;
      if (dark) run++;
      else {
        if (run > 1 && run < Math.max(height * TALLEST_LINE, TALLEST_LINE_PX)) runs.push(run);
        run = 0;
      }
    }
  }
  return runs.length >= 5 ? median(runs) : null;
}

/** How much to enlarge a page for the engine: 1 unless its print is small (then at most 3×). */
export function enlargementFor(lineHeight: number | null): number {
  if (lineHeight === null || lineHeight >= SMALL_PRINT_PX) return 1;
  return Math.min(MAX_ENLARGE, Math.round((READABLE_PX / lineHeight) * 2) / 2);
}

/** Asks for a page's enlargement to be measured from its ink (prepareForOcr), not given. */
export const BY_PRINT_SIZE = 'by print size';

/** The enlargement a page's raster needs, measured from its ink. */
export async function pageEnlargement(raster: string, maxPixels: number): Promise<number> {
  const { data, info } = await sharp(raster, { limitInputPixels: maxPixels })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return enlargementFor(lineInkHeight({ data, width: info.width, height: info.height }));
}

// Reads the strips `auto` decides a page's script from, one probe model at a time (script-detect.ts
// decides). Two strips across the page's width, each as tall as a few lines of body type, where
// the page has the most lines of text: counted as rows of ink that end in a blank row, which a
// photo or a rule (ink throughout) does not have. Each strip's edges are moved to the emptiest
// row nearby so that no line is cut through (a model reads half a line as nothing it knows).
// First, which way the page's lines run (text-direction.ts): a page set in vertical columns is
// Chinese, and its strips are read column by column, set across, to tell its script.

import sharp from 'sharp';
import type { Box } from '../../shared/geometry.ts';
import type { OcrEngine } from './engine.ts';
import { prepareForOcr } from './preprocess.ts';
import { engineDpi, pageEnlargement } from './print-size.ts';
import { textDirection } from './text-direction.ts';
import { columnDetector, readVerticalPage } from './vertical-reading.ts';
import {
  CHARACTER_PROBE,
  VERTICAL_LANGUAGES,
  readingConfidence,
  LATIN_PROBES,
  chineseScript,
  chooseLatinScript,
  type ProbeReading,
  type ScriptGuess,
} from './script-detect.ts';

/** Strip height as a share of the page height: about four lines of body type on a broadsheet. */
const STRIP_SHARE = 0.06;
/** The least strip height, in pixels: a few lines even on a small page or a crop. */
const STRIP_MIN = 240;
/** Strips are looked for below the masthead and above the foot of the page. */
const SEARCH_FROM = 0.1;
const SEARCH_TO = 0.95;
const STRIPS = 2;
/** How far an edge may move to an empty row, as a share of the strip's height. */
const EDGE_SLACK = 0.5;
/** Rows of the ink profile: the page scaled to this height (enough to see line gaps). */
const PROFILE_ROWS = 1500;

/** Dark pixels per row of the page, at PROFILE_ROWS rows (fewer for a smaller page). */
async function inkRows(raster: string, height: number, maxPixels: number): Promise<Float64Array> {
  const rows = Math.min(height, PROFILE_ROWS);
  const { data, info } = await sharp(raster, { limitInputPixels: maxPixels })
    .greyscale()
    .resize({ height: rows, width: 400, fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const ink = new Float64Array(info.height);
  for (let y = 0; y < info.height; y++)
    for (let x = 0; x < info.width; x++) if (data[y * info.width + x]! < 128) ink[y]!++;
  return ink;
}

/** Where text lines end in the profile: a row with ink followed by a row without. */
function lineEnds(ink: Float64Array): Uint8Array {
  const floor = Math.max(1, Math.max(...ink) * 0.02);
  const ends = new Uint8Array(ink.length);
  for (let r = 0; r + 1 < ink.length; r++) if (ink[r]! >= floor && ink[r + 1]! < floor) ends[r] = 1;
  return ends;
}

/** The tops (page pixels) of the STRIPS windows of height `tall` holding the most line ends, apart. */
function stripTops(ink: Float64Array, pageHeight: number, tall: number): number[] {
  const scale = ink.length / pageHeight;
  const ends = lineEnds(ink);
  const window = Math.max(1, Math.round(tall * scale));
  const from = Math.floor(SEARCH_FROM * ink.length);
  const to = Math.max(from, Math.min(ink.length - window, Math.ceil(SEARCH_TO * ink.length) - window));
  const count = (top: number) => {
    let n = 0;
    for (let r = top; r < top + window && r < ends.length; r++) n += ends[r]!;
    return n;
  };
  const tops: number[] = [];
  for (let k = 0; k < STRIPS; k++) {
    let best = -1;
    let bestCount = 0;
    for (let top = from; top <= to; top += Math.max(1, Math.floor(window / 4))) {
      if (tops.some((t) => Math.abs(t - top) < window)) continue;
      const n = count(top);
      if (n > bestCount) [best, bestCount] = [top, n];
    }
    if (best < 0) break;
    tops.push(best);
  }
  return tops.map((t) => t / scale);
}

/** The emptiest row (page pixels) within `slack` of `y`, the nearer one among equals. */
function emptiestRow(ink: Float64Array, pageHeight: number, y: number, slack: number): number {
  const scale = ink.length / pageHeight;
  const from = Math.max(0, Math.floor((y - slack) * scale));
  const to = Math.min(ink.length - 1, Math.ceil((y + slack) * scale));
  let best = Math.round(y * scale);
  for (let r = from; r <= to; r++)
    if (
      ink[r]! < ink[best]! ||
      (ink[r] === ink[best] && Math.abs(r - y * scale) < Math.abs(best - y * scale))
    )
      best = r;
  return best / scale;
}

/** The strips (page pixels, the page's width) a page's script is read from. */
export async function probeStrips(
  raster: string,
  page: { width: number; height: number },
  maxPixels: number,
): Promise<Box[]> {
  const ink = await inkRows(raster, page.height, maxPixels);
  const tall = Math.min(page.height, Math.max(page.height * STRIP_SHARE, STRIP_MIN));
  const tops = stripTops(ink, page.height, tall);
  // A page with no lines found at all (a blank or a photo): its middle is read, for what it holds.
  if (tops.length === 0) tops.push(Math.max(0, (page.height - tall) / 2));
  return tops.map((top) => {
    const bottom = Math.min(page.height, top + tall);
    const y0 = Math.floor(emptiestRow(ink, page.height, top, tall * EDGE_SLACK * 0.5));
    const y1 = Math.ceil(emptiestRow(ink, page.height, bottom, tall * EDGE_SLACK * 0.5));
    return { x0: 0, y0, x1: page.width, y1: Math.max(y1, y0 + 1) };
  });
}

export async function detectPageScript(
  raster: string,
  page: { width: number; height: number; dpi: number | null },
  /** The engine for a probe: CHARACTER_PROBE, or a tesseract model's name. */
  probeEngine: (probe: string) => Promise<OcrEngine>,
  /** `enlarge`: the page's small-print enlargement when the caller has measured it already. */
  options: { maxPixels: number; deskew: boolean; enlarge?: number },
): Promise<ScriptGuess & { enlarge?: number }> {
  const crops = await probeStrips(raster, page, options.maxPixels);
  let enlarge = options.enlarge;
  /** The strips read by a probe; `columns`: column by column, set across (vertical-reading.ts). */
  const read = async (probe: string, columns = false): Promise<ProbeReading> => {
    const engine = await probeEngine(probe);
    // Each engine reads the strips at the size it reads the page at.
    const scale = engine.readsEnlargedSmallPrint
      ? (enlarge ??= await pageEnlargement(raster, options.maxPixels))
      : 1;
    const dpi = engineDpi(page.dpi, scale);
    const blocks = [];
    for (const crop of crops) {
      const strip = await prepareForOcr(raster, {
        // A strip cuts a page's columns short, too short to measure their skew along.
        deskew: options.deskew && !columns,
        binarise: false,
        crop,
        maxPixels: options.maxPixels,
        enlarge: scale,
      });
      blocks.push(
        ...(columns
          ? await readVerticalPage(engine, strip.image, VERTICAL_LANGUAGES.hans, dpi)
          : await engine.recognise({ image: strip.image, languages: probe, segmentation: 'block', dpi })),
      );
    }
    return { probe, blocks };
  };
  // A page set in vertical columns is Chinese: its strips' columns, set across, tell the script.
  const direction = await textDirection(raster, page, await columnDetector(), options.maxPixels);
  if (direction.direction === 'vertical') {
    const { blocks } = await read(CHARACTER_PROBE, true);
    const script = chineseScript(blocks)?.script === 'hans' ? 'hans' : 'hant';
    return {
      script,
      languages: VERTICAL_LANGUAGES[script],
      confidence: { [CHARACTER_PROBE]: readingConfidence(blocks) },
    };
  }
  const chinese = chineseScript((await read(CHARACTER_PROBE)).blocks);
  if (chinese) return { ...chinese, ...(enlarge === undefined ? {} : { enlarge }) };
  const readings: ProbeReading[] = [];
  for (const { probe } of LATIN_PROBES) readings.push(await read(probe));
  return { ...chooseLatinScript(readings), ...(enlarge === undefined ? {} : { enlarge }) };
}

// Where a line has a printed space, told from where its glyphs stand. Chinese is set solid on an
// em grid: consecutive characters stand one pitch apart (more in a letter-spaced justified
// line, but the same all along it). A printed space (between a byline's two names, after
// 本报讯, between a headline's halves) widens one step by a quarter em or more. So a step is a
// space when it exceeds the line's usual step by a fifth of an em; nothing is fitted to a page.
// This holds where the boxes are the set positions (PDF text); see JoinOptions for OCR boxes.
// This holds where the boxes are the set positions (PDF text); see JoinOptions for OCR boxes.
// Latin words an engine gives are separate words; a PDF's runs of Latin text are joined where
// they touch.

import type { Box } from '../geometry.ts';
import { inCjkContext, isCjk, isCjkPunctuation } from './script.ts';
import { median } from '../median.ts';

export interface PlacedWord {
  text: string;
  box: Box;
}

/** A fifth of an em beyond the usual step: the smallest printed space (a quarter em) and more. */
const SPACE_OVER_STEP = 0.2;

export interface JoinOptions {
  /** An engine's Latin words are words; a PDF's runs may split one. */
  latinWordsAreSeparate: boolean;
  /**
   * Whether the boxes are where the glyphs are set (a PDF's text positions). An OCR engine's
   * boxes hug the ink, and a narrow character (一, 人, 工) leaves as much blank beside it as a
   * printed space: on the three sample scans read by tesseract, a fifth of an em gave false
   * spaces in 123 of 494 lines, seven-tenths still in 5 while finding 1 of 7 printed ones. So
   * from ink boxes no space is put between Chinese characters.
   */
  chineseSpacesFromGaps: boolean;
}

export function joinWords(words: readonly PlacedWord[], options: JoinOptions): string {
  // A space inside one word between Chinese characters is the engine's, not the page's, when
  // boxes cannot show printed ones.
  const tidy = (text: string) =>
    options.chineseSpacesFromGaps ? text : text.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '');
  const shown = words.map((w) => ({ ...w, text: tidy(w.text).trim() })).filter((w) => w.text !== '');
  if (shown.length === 0) return '';
  // Down a column when the words advance more in y than in x (one word has no gaps to measure).
  const first = shown[0]!.box;
  const last = shown.at(-1)!.box;
  const vertical = Math.abs(last.y0 - first.y0) > Math.abs(last.x0 - first.x0);
  const start = (b: Box) => (vertical ? b.y0 : b.x0);
  const end = (b: Box) => (vertical ? b.y1 : b.x1);
  const across = (b: Box) => (vertical ? b.x1 - b.x0 : b.y1 - b.y0);
  const cjkWord = (w: PlacedWord) => [...w.text].every(isCjk);
  // The em: how tall (or, down a column, how wide) the line's Chinese characters are.
  const em =
    median(shown.filter(cjkWord).map((w) => across(w.box))) || median(shown.map((w) => across(w.box)));
  // The usual step between Chinese characters standing side by side: ink edge to ink edge.
  const steps: number[] = [];
  for (let i = 1; i < shown.length; i++)
    if (cjkWord(shown[i - 1]!) && cjkWord(shown[i]!))
      steps.push(start(shown[i]!.box) - end(shown[i - 1]!.box));
  const usual = steps.length >= 3 ? Math.max(0, median(steps)) : 0;
  // Every character of the line, to see whether a mark stands in Chinese or in Latin text.
  const chars = shown.flatMap((w) => [...w.text]);
  let at = [...shown[0]!.text].length;
  let out = shown[0]!.text;
  for (let i = 1; i < shown.length; i++) {
    const b = shown[i]!.text;
    const gap = start(shown[i]!.box) - end(shown[i - 1]!.box);
    const [before, after] = [at - 1, at];
    const ownBlank = [before, after].some((k) => isCjkPunctuation(chars[k]!) && inCjkContext(chars, k));
    const chinese = inCjkContext(chars, before) || inCjkContext(chars, after);
    const space = ownBlank
      ? false // Chinese punctuation carries its own blank
      : chinese
        ? options.chineseSpacesFromGaps && gap - usual > SPACE_OVER_STEP * em
        : options.latinWordsAreSeparate || gap > SPACE_OVER_STEP * em;
    out += (space ? ' ' : '') + b;
    at += [...b].length;
  }
  return out;
}

// Turns raw lines (OCR output, PDF text layers, imported OCR) into readable text, following
// DESIGN.md: compatibility forms folded, printed spaces kept as one space (none beside Chinese
// punctuation), wrapped lines joined, ASCII punctuation inside Chinese text made full-width, and
// German or English text left to its own punctuation. Pure and lossless in the sense that callers
// keep the raw text beside it: normalisation is a view, corrections are stored separately.

import { RADICAL_EQUIVALENTS, SIMPLIFIED_KANGXI } from './radicals.ts';
import { inCjkContext, isCjk, isCjkPunctuation } from './script.ts';

export interface NormaliseOptions {
  /**
   * Which Chinese script the text is in, for the few radicals whose folding differs: simplified
   * ('hans', the default: Backfile's sample material) or traditional ('hant').
   */
  script?: 'hans' | 'hant';
  /**
   * The source meant its spaces: placed from where the glyphs stand (word-spacing.ts joinWords),
   * or written as markup (ALTO SP, PAGE TextEquiv, the text between hOCR words). Else they are
   * whatever a plain extraction put there ("10 月 17 日"), and a space between Chinese and a
   * Latin letter or digit is dropped too. Either way a space between every two Chinese
   * characters is a separator, not print.
   */
  spacesArePrinted?: boolean;
}

/**
 * NFKC character by character, except for punctuation: NFKC would turn full-width Chinese
 * punctuation into ASCII (，→ ,) and the ellipsis into three dots, which loses information.
 * Folds Kangxi radicals and compatibility ideographs (⽇ U+2F47 → 日), full-width letters and
 * digits, ligatures (ﬁ → fi) and the ideographic space; radicals of the CJK Radicals Supplement,
 * which NFKC leaves alone, through their equivalent ideographs (⻝ → 食).
 */
export function foldCompatibility(text: string, options: NormaliseOptions = {}): string {
  const simplified = (options.script ?? 'hans') === 'hans';
  let out = '';
  for (const ch of text) {
    if (ch === '\u2015') {
      // Fonts map the Chinese dash (破折号) to the horizontal bar; text uses the em dash.
      out += '\u2014';
      continue;
    }
    const folded =
      (simplified ? SIMPLIFIED_KANGXI[ch] : undefined) ?? RADICAL_EQUIVALENTS[ch] ?? ch.normalize('NFKC');
    // Punctuation keeps its form (，is not ,), and so do the numbers NFKC would spell out: ½ is
    // not "1⁄2", m² not m2, ① not 1.
    out += folded !== ch && /[\p{P}\p{No}]/u.test(ch) ? ch : folded;
  }
  return out;
}

const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

/**
 * Each run of white space becomes one space, except where it is no printed space:
 * - beside Chinese punctuation, which carries its own blank (a space after "，" is never printed);
 * - between Chinese and Latin letters or digits (a font change, where naive extraction puts one:
 *   "10 月 17 日");
 * - between Chinese characters when the line has one between most of them: a separator the
 *   extraction put between all characters ("文 峪 河 报"), not a printed space.
 * A space between two Chinese characters of an otherwise solid line stays: the byline's two
 * names, 本报讯 and the story (the engines' own separators are settled from the glyph positions
 * before this, shared/text/word-spacing.ts).
 */
function spacesInCjk(text: string, meant: boolean): string {
  const chars = [...text];
  // Each run of white space, with the characters on either side.
  const gaps: { from: number; to: number }[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (!/\s/u.test(chars[i]!)) continue;
    let j = i;
    while (j < chars.length && /\s/u.test(chars[j]!)) j++;
    gaps.push({ from: i, to: j });
    i = j - 1;
  }
  const inside = (g: { from: number; to: number }) => g.from > 0 && g.to < chars.length;
  // Chinese characters side by side, and Chinese characters with white space between them.
  let solid = 0;
  for (let i = 1; i < chars.length; i++) if (isCjk(chars[i - 1]!) && isCjk(chars[i]!)) solid++;
  const spaced = gaps.filter((g) => inside(g) && isCjk(chars[g.from - 1]!) && isCjk(chars[g.to]!)).length;
  const separatorEverywhere = spaced >= 2 && spaced >= solid;
  const printed = (g: { from: number; to: number }) => {
    if (!inside(g)) return false;
    const [before, after] = [g.from - 1, g.to];
    const a = chars[before]!;
    const b = chars[after]!;
    const punctuation = [before, after].some((k) => isCjkPunctuation(chars[k]!) && inCjkContext(chars, k));
    const mixed = isCjk(a) !== isCjk(b) && /[\p{L}\p{N}]/u.test(isCjk(a) ? b : a);
    return !punctuation && !(!meant && mixed) && !(isCjk(a) && isCjk(b) && separatorEverywhere);
  };
  let out = '';
  let at = 0;
  for (const g of gaps) {
    out += chars.slice(at, g.from).join('') + (printed(g) ? ' ' : '');
    at = g.to;
  }
  return out + chars.slice(at).join('');
}

/** ASCII punctuation with a CJK character beside it becomes full-width; decimals and times are left alone. */
function fullWidthPunctuationInCjk(text: string): string {
  const chars = [...text];
  let out = '';
  let openQuote = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    // Beside Chinese text, not beside a dash or quote that German uses as well.
    const cjkBeside = inCjkContext(chars, i - 1) || inCjkContext(chars, i + 1);
    const betweenDigits = /\d/.test(prev) && /\d/.test(next);
    if (ch in FULL_WIDTH && cjkBeside && !betweenDigits) {
      out += FULL_WIDTH[ch];
    } else if (ch === '.' && isCjk(prev) && !/\d/.test(next)) {
      out += '。';
    } else if (ch === '"' && cjkBeside) {
      out += openQuote ? '“' : '”';
      openQuote = !openQuote;
    } else {
      out += ch;
    }
  }
  return out;
}

/** One raw line to clean text. */
export function normaliseLine(raw: string, options: NormaliseOptions = {}): string {
  let text = foldCompatibility(raw, options);
  text = text.replace(/[\t\u00A0\u2000-\u200B\u202F\u205F]/gu, ' ');
  // Full-width first: "你好, 世界" has its comma made Chinese, and then no space after it.
  text = fullWidthPunctuationInCjk(text);
  text = spacesInCjk(text, options.spacesArePrinted ?? false);
  return text.replace(/ {2,}/g, ' ').trim();
}

const LINE_END_HYPHENS = /[-\u00AD\u2010\u2E17\u00AC=]$/u;

/**
 * Joins lines that wrap inside one paragraph: no space between CJK lines, a space between Latin
 * lines, and a word broken by a hyphen at the line end is put back together when the next line
 * starts in lower case ("Zei-" + "tung" → "Zeitung"; "Basel-" + "Stadt" keeps its hyphen).
 */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) {
      out = line;
      continue;
    }
    const last = [...out].at(-1)!;
    const first = [...line][0]!;
    const seam = [...[...out].slice(-8), ...[...line].slice(0, 8)];
    const at = Math.min(8, [...out].length) - 1;
    if (inCjkContext(seam, at) || inCjkContext(seam, at + 1)) {
      out += line;
    } else if (LINE_END_HYPHENS.test(out) && /\p{L}/u.test([...out].at(-2) ?? '') && /\p{L}/u.test(first)) {
      // A word broken at the line end: lower case goes on the word; a capital starts the second
      // half of a compound ("Basel-Stadt"), which keeps a plain hyphen.
      out = out.slice(0, -last.length) + (/\p{Ll}/u.test(first) ? '' : '-') + line;
    } else {
      out += ' ' + line;
    }
  }
  return out;
}

/** Raw lines of one paragraph to one clean paragraph. */
export function normaliseParagraph(rawLines: readonly string[], options: NormaliseOptions = {}): string {
  return joinLines(rawLines.map((line) => normaliseLine(line, options)));
}

/** Removes all white space: the way CJK text is compared with ground truth. */
export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/gu, '');
}

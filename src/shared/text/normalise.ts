// Turns raw lines (OCR output, PDF text layers, imported OCR) into readable text, following
// DESIGN.md: compatibility forms folded, no spaces between CJK characters, wrapped lines joined,
// ASCII punctuation inside Chinese made full-width. Pure and lossless in the sense that callers
// keep the raw text beside it: normalisation is a view, corrections are stored separately.

import { RADICAL_EQUIVALENTS, SIMPLIFIED_KANGXI } from './radicals.ts';
import { isCjk, isCjkOrCjkPunctuation } from './script.ts';

export interface NormaliseOptions {
  /**
   * Which Chinese script the text is in, for the few radicals whose folding differs: simplified
   * ('hans', the default: Backfile's sample material) or traditional ('hant').
   */
  script?: 'hans' | 'hant';
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
    out += folded !== ch && /\p{P}/u.test(ch) ? ch : folded;
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

/** Removes every run of white space that touches a CJK character or CJK punctuation on either side. */
function removeSpacesAroundCjk(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (!/\s/u.test(ch)) {
      out += ch;
      continue;
    }
    let j = i;
    while (j < chars.length && /\s/u.test(chars[j]!)) j++;
    const before = out.length > 0 ? [...out].at(-1)! : '';
    const after = j < chars.length ? chars[j]! : '';
    const touchesCjk = (before && isCjkOrCjkPunctuation(before)) || (after && isCjkOrCjkPunctuation(after));
    if (!touchesCjk && before && after) out += ' ';
    i = j - 1;
  }
  return out;
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
    const cjkBeside =
      isCjk(prev) || isCjk(next) || isCjkOrCjkPunctuation(prev) || isCjkOrCjkPunctuation(next);
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
  text = removeSpacesAroundCjk(text);
  text = fullWidthPunctuationInCjk(text);
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
    if (isCjkOrCjkPunctuation(last) || isCjkOrCjkPunctuation(first)) {
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

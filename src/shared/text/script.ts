// Character classes that decide how text is joined: Han and other CJK characters take no spaces
// between them; Latin words do.

// By Unicode's own script property, so every new extension block (Extension I, and those to come)
// counts without anyone keeping ranges. Seven kana marks (two of them combining, so outside the class) and 〆 have the script "Common" yet
// belong with the kana and ideographs they stand among; they are named.
const CJK_RE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3006\u309B\u309C\u30A0\u30FB\u30FC]|\u3099|\u309A/u;

/** Full-width punctuation used in Chinese text (，。、；：？！“”‘’（）《》【】…—·). */
const CJK_PUNCT_RE =
  /[\u3000-\u3004\u3008-\u3020\u3030\uFE30-\uFE4F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\u2018\u2019\u201C\u201D\u2026\u2014\u00B7]/u;

export function isCjk(ch: string): boolean {
  return CJK_RE.test(ch);
}

/**
 * Marks both scripts use (dashes, ellipsis, curly quotes, middle dot): Chinese only where the
 * text around them is; in German "Chefs.) — Preussen" they are Latin punctuation.
 */
const SHARED_PUNCT_RE = /[\u2018\u2019\u201C\u201D\u2026\u2014\u2013\u00B7]/u;

export function isSharedPunctuation(ch: string): boolean {
  return SHARED_PUNCT_RE.test(ch);
}

/**
 * Whether the character at `index` stands in Chinese text: it is Han or kana, or full-width
 * punctuation, or a shared mark whose nearest letter on either side is Han or kana.
 */
export function inCjkContext(chars: readonly string[], index: number): boolean {
  const ch = chars[index] ?? '';
  if (!ch) return false;
  if (isCjk(ch)) return true;
  if (isCjkPunctuation(ch) && !isSharedPunctuation(ch)) return true;
  if (!isSharedPunctuation(ch)) return false;
  const nearestLetter = (step: number) => {
    for (let i = index + step; i >= 0 && i < chars.length; i += step) {
      const c = chars[i]!;
      if (/[\p{L}\p{N}]/u.test(c)) return c;
      if (isCjkPunctuation(c) && !isSharedPunctuation(c)) return '中';
    }
    return '';
  };
  return isCjk(nearestLetter(-1)) || isCjk(nearestLetter(1));
}

export function isCjkPunctuation(ch: string): boolean {
  return CJK_PUNCT_RE.test(ch);
}

/** A character after or before which Chinese typesetting puts no space. */
export function isCjkOrCjkPunctuation(ch: string): boolean {
  return isCjk(ch) || isCjkPunctuation(ch);
}

/** Share of CJK characters among the letters of a text (punctuation, digits and spaces ignored). */
export function cjkShare(text: string): number {
  let cjk = 0;
  let letters = 0;
  for (const ch of text) {
    if (isCjk(ch)) {
      cjk++;
      letters++;
    } else if (/\p{L}/u.test(ch)) letters++;
  }
  return letters === 0 ? 0 : cjk / letters;
}

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

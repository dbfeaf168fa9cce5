// Character classes that decide how text is joined: Han and other CJK characters take no spaces
// between them; Latin words do.

const CJK_RE =
  /[\u2E80-\u2FDF\u3005-\u3007\u3021-\u3029\u3038-\u303B\u3040-\u30FF\u3100-\u312F\u31A0-\u31BF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{3134F}]/u;

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

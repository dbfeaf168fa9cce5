// What tesseract's frk model reads wrongly every time, by the shapes of Fraktur type, put right
// in the words it returns: the round s at a word's end or in a compound looks like a 3 (de3,
// Volk3partei), and the ch ligature comes out with a stray < (<hen, noc<h, sc<wer) or as a lone
// c at a word's end (doc, sic, nämlic). Neither a 3 between letters nor a < inside a word is
// ever printed in German text, nor does a German word in lower case end in a vowel and c (names
// do: Duroc, so capitalised words are left); these are fixed without a dictionary. Confusions
// between real letters (long s and f: sür, Kruzisix) are not.

const LETTER = /\p{L}/u;

/** A word from the frk model with its glyph confusions put right. */
export function fixFrakturWord(word: string): string {
  let out = word.replace(/c<h|<h|c</gu, 'ch');
  const chars = [...out];
  out = chars
    .map((ch, i) => {
      if (ch !== '3') return ch;
      const before = chars[i - 1] ?? '';
      const after = chars[i + 1] ?? '';
      // After a lower-case letter, before another letter or the word's end (or its punctuation).
      const lowerBefore = LETTER.test(before) && before === before.toLowerCase();
      return lowerBefore && !/\d/.test(after) ? 's' : ch;
    })
    .join('');
  return out.replace(/^(\p{Ll}\p{L}*[aeiouäöü])c(?=\P{L}*$)/u, '$1ch');
}

/** Whether a tesseract language list reads Fraktur. */
export const readsFraktur = (languages: string) => languages.split('+').includes('frk');

// Character variants a search treats as one: a traditional form and its simplified one (發 and
// 发, 臺 and 台, 裡 and 里), from OpenCC's traditional-to-simplified character table. Character by
// character, so that a folded line has exactly as many characters as the line: a hit found in the
// folded form is marked on the same characters of the line as printed. (OpenCC's phrase table is
// for converting text; here two forms only need to meet.)

import * as OpenCC from 'opencc-js/t2cn';
import { isCjk } from './script.ts';

// Built on first use: building the converter's tables takes tens of milliseconds, which the app
// would otherwise spend before it shows anything.
let toSimplified: ((text: string) => string) | null = null;
const folded = new Map<string, string>();

/** One character's simplified form, or the character itself when it has none (or not one). */
function simplifiedForm(ch: string): string {
  if (!isCjk(ch)) return ch;
  const known = folded.get(ch);
  if (known !== undefined) return known;
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  const converted = convert(ch);
  const form = [...converted].length === 1 ? converted : ch;
  folded.set(ch, form);
  return form;
}

/** The text with every character in its simplified form: what variant search compares. */
export function foldVariants(text: string): string {
  let out = '';
  for (const ch of text) out += simplifiedForm(ch);
  return out;
}

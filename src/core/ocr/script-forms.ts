// Which Chinese script a reading was set in, from the forms it holds. Here in core, not beside the
// search's variant folding in shared/, because the simplified-to-traditional table is only
// needed by `auto` and would otherwise go into the renderer's bundle.

import * as OpenCC from 'opencc-js/cn2t';
import { foldVariants } from '../../shared/text/variants.ts';
import { isCjk } from '../../shared/text/script.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

/**
 * How many of the text's characters are forms only traditional script writes (發, 們: they have
 * a simplified form of their own) and how many are forms only simplified script writes (发, 们).
 * Shared forms (中, 日) count for neither, so the larger count says which script a reading that
 * writes the forms printed (PP-OCR) was set in.
 */
export function scriptFormCounts(text: string): { traditional: number; simplified: number } {
  let traditional = 0;
  let simplified = 0;
  for (const ch of text) {
    if (!isCjk(ch)) continue;
    if (foldVariants(ch) !== ch) traditional++;
    else if (toTraditional(ch) !== ch) simplified++;
  }
  return { traditional, simplified };
}

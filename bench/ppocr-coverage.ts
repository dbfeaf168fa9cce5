// bench/ppocr-coverage: how much of a page's text the PP-OCRv4 recogniser can name at all. Its
// dictionary (ppocr_keys_v1) is a simplified-Chinese set: a character outside it is misread on
// every page, whatever the layout. The sample pages' text is measured as printed (simplified) and
// as it would be set in traditional script (opencc-js cn → tw), which is what decided where
// `auto` uses PP-OCR (docs/decisions/008-default-engine.md).
// Run: node bench/ppocr-coverage.ts

import * as OpenCC from 'opencc-js';
import { ppOcrModels } from '../src/core/ocr/ppocr/models.ts';
import { truthPages } from './lib/truth.ts';

const dictionary = new Set(ppOcrModels().characters);
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

const simplified = truthPages()
  .flatMap((page) => [...page.text])
  .filter((c) => /\p{Script=Han}/u.test(c));
// cn → tw maps character for character, so the two arrays line up.
const traditional = [...toTraditional(simplified.join(''))];
const traditionalOnly = traditional.filter((c, i) => c !== simplified[i]);

const missing = (characters: string[]) =>
  characters.filter((c) => !dictionary.has(c)).length / characters.length;
const percent = (x: number) => `${(100 * x).toFixed(1)} %`;

console.log(`Han characters on the sample pages: ${simplified.length}`);
console.log(`outside the PP-OCR dictionary, as printed (simplified): ${percent(missing(simplified))}`);
console.log(`outside it, set in traditional script: ${percent(missing(traditional))}`);
console.log(`of the ${traditionalOnly.length} traditional-only forms: ${percent(missing(traditionalOnly))}`);
const absent = new Map<string, number>();
for (const c of traditionalOnly) if (!dictionary.has(c)) absent.set(c, (absent.get(c) ?? 0) + 1);
const commonest = [...absent].sort((a, b) => b[1] - a[1]).slice(0, 20);
console.log(`commonest absent: ${commonest.map(([c, n]) => `${c}×${n}`).join(' ')}`);

// Which script a page is set in, for `auto` (the default language), from a few strips of it.
// First PP-OCR reads them: its one model reads Chinese in both scripts and Latin letters, and it
// writes the forms printed (tesseract's chi_sim reads 們 as 们 and chi_tra 们 as 們, so their
// readings could not tell the scripts apart: the share of traditional-only forms chi_tra read was
// 0.29 on a simplified page and 0.32 on a traditional one). A page whose letters are mostly
// Chinese characters is Chinese, in the script whose own forms it holds more of (script-forms.ts).
// Otherwise one tesseract model per Latin script reads the strips (Fraktur, Antiqua), and the
// page is read with the model that read them with the most confidence. Tesseract's word
// confidence is the model's own belief that it read the glyphs; a model of the wrong script reads
// them as something, but believes it less (measured in bench/scripts.ts). Latin Antiqua is German
// or English by the words read: the commonest words of each language.

import type { Block } from '../../shared/model.ts';
import { isCjk } from '../../shared/text/script.ts';
import { scriptFormCounts } from './script-forms.ts';

export type PageScript = 'hans' | 'hant' | 'fraktur' | 'latin';

/** The reading that decides first whether a page is Chinese, and in which script. */
export const CHARACTER_PROBE = 'ppocr';

/**
 * The languages a Chinese page is read with, by script: its script's model alone. The Chinese
 * models read the Latin words of a Chinese page themselves; with English loaded too, tesseract
 * tries English on every word its Chinese model doubts and takes Latin letters for Chinese
 * characters (clean sample pages: character F1 0.982 → 0.954, 70 % slower; decision 006).
 */
export const CHINESE_LANGUAGES = { hans: 'chi_sim', hant: 'chi_tra' } as const;

/**
 * The languages a page set in vertical columns is read with, by script: its columns are set
 * across and read with the script's horizontal model (vertical-reading.ts).
 */
export const VERTICAL_LANGUAGES = { hans: 'chi_sim_vert', hant: 'chi_tra_vert' } as const;

/** The tesseract model each Latin script is probed with, and the languages its pages are read with. */
export const LATIN_PROBES: readonly { script: 'fraktur' | 'latin'; probe: string; languages: string }[] = [
  { script: 'fraktur', probe: 'frk', languages: 'frk' },
  { script: 'latin', probe: 'eng', languages: 'eng' },
];

export interface ProbeReading {
  probe: string;
  blocks: Block[];
}

export interface ScriptGuess {
  script: PageScript;
  languages: string;
  /** Each probe's confidence (0..1, weighted by characters read), for the record and for tests. */
  confidence: Record<string, number>;
}

/** Mean word confidence weighted by the characters of each word (a lone mark counts little). */
export function readingConfidence(blocks: readonly Block[]): number {
  let weight = 0;
  let sum = 0;
  for (const word of blocks.flatMap((b) => b.lines.flatMap((l) => l.words))) {
    const chars = [...word.text.replace(/[\p{P}\p{S}\s]/gu, '')].length;
    if (chars === 0 || word.confidence === null) continue;
    weight += chars;
    sum += chars * word.confidence;
  }
  return weight === 0 ? 0 : sum / weight;
}

const GERMAN = new Set([
  'der',
  'die',
  'das',
  'und',
  'den',
  'dem',
  'des',
  'ist',
  'nicht',
  'mit',
  'von',
  'zu',
  'sich',
  'auf',
  'ein',
  'eine',
  'im',
  'für',
]);
const ENGLISH = new Set([
  'the',
  'and',
  'of',
  'to',
  'in',
  'is',
  'that',
  'for',
  'with',
  'on',
  'as',
  'by',
  'was',
  'it',
  'at',
  'from',
]);

/** German or English, by which language's commonest words the reading holds more of. */
export function latinLanguage(blocks: readonly Block[]): 'deu' | 'eng' {
  let german = 0;
  let english = 0;
  for (const line of blocks.flatMap((b) => b.lines))
    for (const word of line.text.toLowerCase().split(/[^\p{L}]+/u)) {
      if (GERMAN.has(word)) german++;
      if (ENGLISH.has(word)) english++;
    }
  return german > english ? 'deu' : 'eng';
}

/**
 * The page's Chinese script, when the character probe's reading of its strips is mostly Chinese
 * characters (more of its letters Han or kana than not); null for a page to be probed as Latin.
 */
export function chineseScript(blocks: readonly Block[]): ScriptGuess | null {
  const text = blocks.flatMap((b) => b.lines.map((l) => l.text)).join('');
  const letters = [...text].filter((ch) => /\p{L}/u.test(ch));
  const chinese = letters.filter(isCjk).length;
  if (letters.length === 0 || chinese * 2 <= letters.length) return null;
  const forms = scriptFormCounts(text);
  const script = forms.traditional > forms.simplified ? 'hant' : 'hans';
  return {
    script,
    languages: CHINESE_LANGUAGES[script],
    confidence: { [CHARACTER_PROBE]: readingConfidence(blocks) },
  };
}

/** The Latin script whose probe read the strips with the most confidence; nothing read: Chinese, as before. */
export function chooseLatinScript(readings: readonly ProbeReading[]): ScriptGuess {
  const confidence: Record<string, number> = {};
  for (const r of readings) confidence[r.probe] = readingConfidence(r.blocks);
  let best: (typeof LATIN_PROBES)[number] | null = null;
  for (const p of LATIN_PROBES)
    if ((confidence[p.probe] ?? 0) > (best ? (confidence[best.probe] ?? 0) : 0)) best = p;
  if (!best) return { script: 'hans', languages: CHINESE_LANGUAGES.hans, confidence };
  if (best.script === 'fraktur') return { script: best.script, languages: best.languages, confidence };
  const latin = readings.find((r) => r.probe === best.probe)!;
  return { script: 'latin', languages: latinLanguage(latin.blocks), confidence };
}

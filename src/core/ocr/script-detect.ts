// Which script a page is set in, for `auto` (the default language): a few strips of the page are
// read with one model per script (simplified and traditional Chinese, German Fraktur, Latin
// Antiqua), and the page is read with the model that reads them with the most confidence.
// Tesseract's word confidence is the model's own belief that it read the glyphs; a model of the
// wrong script reads them as something, but believes it less (measured in bench/scripts.ts).
// Latin Antiqua is German or English by the words read: the commonest words of each language.
// Simplified against traditional Chinese is decided apart: each model reads the other script's
// glyphs as its own forms (chi_sim reads 們 as 们, chi_tra 们 as 們), so the forms read do not
// tell them apart (the share of traditional-only forms chi_tra read: 0.29 on a simplified page,
// 0.32 on a traditional one), nor does the confidence of the forms only one script has; the
// overall confidence does, with a margin (TRADITIONAL_LEAD).

import type { Block } from '../../shared/model.ts';

export type PageScript = 'hans' | 'hant' | 'fraktur' | 'latin';

/** The model each script is probed with, and the languages its pages are then read with. */
export const SCRIPT_PROBES: readonly { script: PageScript; probe: string; languages: string }[] = [
  { script: 'hans', probe: 'chi_sim', languages: 'chi_sim+eng' },
  { script: 'hant', probe: 'chi_tra', languages: 'chi_tra+eng' },
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
 * How far chi_tra must out-read chi_sim for a page to count as traditional. chi_tra knows most
 * shared forms too and reads simplified text nearly as surely: measured (bench, detect probes)
 * it led by up to 0.095 on a 60-character simplified column and trailed by 0.02 on a simplified
 * page, and led by 0.14 on the same page set in traditional characters. A fitted margin, from
 * few pages: a title read in traditional script is better given its language (--lang chi_tra+eng).
 */
export const TRADITIONAL_LEAD = 0.1;

/** Simplified or traditional, for a page found to be Chinese. */
function chineseScript(confidence: Record<string, number>): 'hans' | 'hant' {
  return (confidence.chi_tra ?? 0) - (confidence.chi_sim ?? 0) > TRADITIONAL_LEAD ? 'hant' : 'hans';
}

/** The script whose probe read the strips with the most confidence; nothing read: Chinese, as before. */
export function chooseScript(readings: readonly ProbeReading[]): ScriptGuess {
  const confidence: Record<string, number> = {};
  for (const r of readings) confidence[r.probe] = readingConfidence(r.blocks);
  let best = SCRIPT_PROBES[0]!;
  for (const p of SCRIPT_PROBES) if ((confidence[p.probe] ?? 0) > (confidence[best.probe] ?? 0)) best = p;
  if (best.script === 'hans' || best.script === 'hant') {
    const script = chineseScript(confidence);
    return { script, languages: SCRIPT_PROBES.find((p) => p.script === script)!.languages, confidence };
  }
  if (best.script !== 'latin') return { script: best.script, languages: best.languages, confidence };
  const latin = readings.find((r) => r.probe === best.probe)!;
  return { script: 'latin', languages: latinLanguage(latin.blocks), confidence };
}

// Languages as each export format names them, from the tesseract language list a page was read
// with (chi_sim+eng): BCP 47 for HTML, ALTO and IIIF, ISO 639-2/B for MODS, and the names PAGE
// XML's primaryLanguage enumerates. The first language of a list is the page's main one.

interface LanguageNames {
  bcp47: string;
  iso6392b: string;
  pageXml: string;
}

const NAMES: Record<string, LanguageNames> = {
  /** Chinese, script variant not known (the page's text is Han, its language list not given). */
  chi: { bcp47: 'zh', iso6392b: 'chi', pageXml: 'Chinese' },
  chi_sim: { bcp47: 'zh-Hans', iso6392b: 'chi', pageXml: 'Chinese' },
  chi_sim_vert: { bcp47: 'zh-Hans', iso6392b: 'chi', pageXml: 'Chinese' },
  chi_tra: { bcp47: 'zh-Hant', iso6392b: 'chi', pageXml: 'Chinese' },
  chi_tra_vert: { bcp47: 'zh-Hant', iso6392b: 'chi', pageXml: 'Chinese' },
  eng: { bcp47: 'en', iso6392b: 'eng', pageXml: 'English' },
  deu: { bcp47: 'de', iso6392b: 'ger', pageXml: 'German' },
  frk: { bcp47: 'de', iso6392b: 'ger', pageXml: 'German' },
  fra: { bcp47: 'fr', iso6392b: 'fre', pageXml: 'French' },
  jpn: { bcp47: 'ja', iso6392b: 'jpn', pageXml: 'Japanese' },
  jpn_vert: { bcp47: 'ja', iso6392b: 'jpn', pageXml: 'Japanese' },
};

/** The main language of a tesseract list, or null when Backfile does not know it. */
export function mainLanguage(languages: string | null): LanguageNames | null {
  const first = (languages ?? '').split('+')[0] ?? '';
  return NAMES[first] ?? null;
}

/** BCP 47 tag (HTML lang, ALTO LANG, IIIF language); 'und' when unknown. */
export const bcp47 = (languages: string | null) => mainLanguage(languages)?.bcp47 ?? 'und';

/**
 * Whether a page's languages say it is set in vertical columns ('chi_tra_vert'). Backfile reads
 * such a page column by column, each set across (core/ocr/vertical-reading.ts).
 */
export function setVertically(languages: string | null): boolean {
  return (languages ?? '').split('+').some((l) => l.endsWith('_vert'));
}

/** The languages a column set across is read with: each vertical language's horizontal model. */
export function acrossLanguages(languages: string): string {
  const list = languages.split('+').map((l) => l.replace(/_vert$/u, ''));
  return [...new Set(list)].join('+');
}

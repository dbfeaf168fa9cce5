// The OCR engines by name, and what a title, issue or page may ask for: an engine, or `auto`
// (the default rule, core/ocr/engines.ts chooseEngine). The API, the CLI, the core and the app
// all take these lists from here.

export const ENGINE_NAMES = ['tesseract', 'ppocr'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];
export const ENGINE_CHOICES = ['auto', ...ENGINE_NAMES] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

/**
 * The OCR languages the app offers (tesseract lists of the packaged models; the CLI takes any
 * list of installed ones): `auto` finds each page's script from the page.
 */
export const LANGUAGE_CHOICES = ['auto', 'chi_sim', 'chi_tra', 'frk', 'deu', 'eng'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** One of the offered languages (not one set otherwise, by the command line). */
export const isLanguageChoice = (value: string): value is LanguageChoice =>
  (LANGUAGE_CHOICES as readonly string[]).includes(value);

/** How the app and reports name each engine. */
export const ENGINE_LABELS: Record<EngineName, string> = { tesseract: 'tesseract', ppocr: 'PP-OCRv4' };

/** What the background reading is doing: reading pages, paused by request, or nothing to do. */
export type OcrState = 'running' | 'paused' | 'idle';

/** What one title, issue or the archive remembers for reading (null: it takes it from above). */
export interface ScopeReading {
  engine: string | null;
  language: string | null;
}

/** The reading remembered by the archive, every title and every issue: the library's view. */
export interface ReadingChoices {
  archive: ScopeReading;
  titles: ({ id: number } & ScopeReading)[];
  issues: ({ id: number; titleId: number } & ScopeReading)[];
}

/** Where a page's reading comes from: the nearest scope that chose, else the default rule. */
export type ReadingSource = 'issue' | 'title' | 'archive' | 'default';

/**
 * An issue's, a title's or the archive's reading as its pages without their own choice get it: the issue's
 * choice, else its title's, else the archive's, else auto (the rule rememberedForPage applies
 * in SQL, with the page's own choice before all of these).
 */
export function effectiveReading(
  choices: ReadingChoices,
  /** The issue (with its title), the title, or neither: the archive's. */
  at: { titleId?: number; issueId?: number },
): Record<keyof ScopeReading, { value: string; from: ReadingSource }> {
  const issue = at.issueId === undefined ? undefined : choices.issues.find((i) => i.id === at.issueId);
  const title = at.titleId === undefined ? undefined : choices.titles.find((t) => t.id === at.titleId);
  const pick = (what: keyof ScopeReading) => {
    const chain: [ReadingSource, ScopeReading | undefined][] = [
      ['issue', issue],
      ['title', title],
      ['archive', choices.archive],
    ];
    for (const [from, scope] of chain) {
      const value = scope?.[what];
      if (value) return { value, from };
    }
    return { value: 'auto', from: 'default' as const };
  };
  return { engine: pick('engine'), language: pick('language') };
}

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
export const LANGUAGE_CHOICES = ['auto', 'chi_sim+eng', 'chi_tra+eng', 'frk', 'deu', 'eng'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** How the app and reports name each engine. */
export const ENGINE_LABELS: Record<EngineName, string> = { tesseract: 'tesseract', ppocr: 'PP-OCRv4' };

/** What the background reading is doing: reading pages, paused by request, or nothing to do. */
export type OcrState = 'running' | 'paused' | 'idle';

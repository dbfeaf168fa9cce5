// The OCR engines by name, and what a title, issue or page may ask for: an engine, or `auto`
// (the default rule, core/ocr/engines.ts chooseEngine). The API, the CLI, the core and the app
// all take these lists from here.

export const ENGINE_NAMES = ['tesseract', 'ppocr'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];
export const ENGINE_CHOICES = ['auto', ...ENGINE_NAMES] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

/** How the app and reports name each engine. */
export const ENGINE_LABELS: Record<EngineName, string> = { tesseract: 'tesseract', ppocr: 'PP-OCRv4' };

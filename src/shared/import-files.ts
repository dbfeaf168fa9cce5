// The file names an import picks up (in folders, in the file dialog, in the browser's picker);
// what a file really is is decided from its bytes (core/import/detect.ts), not from this.
export const SCAN_EXTENSIONS = [
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.tif',
  '.tiff',
  '.jp2',
  '.j2k',
  '.jpx',
] as const;

/** The same, without dots, as file dialogs want them. */
export const IMPORT_EXTENSIONS = SCAN_EXTENSIONS.map((e) => e.slice(1));

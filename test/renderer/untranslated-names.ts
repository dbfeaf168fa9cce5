// The Latin words a Chinese string may keep: names nobody translates (file formats and
// standards, engines, keys on the keyboard, the app's and its export folder's names).

/** Names kept as they are in Chinese text. */
export const UNTRANSLATED_NAMES = new Set([
  'Backfile',
  'exports', // the folder "Backfile exports"
  'PDF',
  'TIFF',
  'JPEG',
  'PNG',
  'ZIP',
  'zip', // the file name's ending, as typed
  'ALTO',
  'PAGE',
  'XML',
  'hOCR',
  'METS',
  'MODS',
  'IIIF',
  'Presentation', // "IIIF Presentation 3", the standard's name
  'JSON',
  'CSV',
  'Markdown',
  'OCR',
  'PP-OCR',
  'PP-OCRv4', // the engines as the engine menu names them
  'tesseract',
  'English', // the language menu names each language in its own script (简体中文, English)
  'Fraktur',
  'Page',
  'Up',
  'Down',
  'Esc',
  'F2',
  'Alt',
  'Ctrl',
  'Enter',
  'Shift',
]);

// pdfjs-dist in Node, fully offline: cMaps (Chinese PDFs without embedded fonts give no text
// without them), standard fonts and the WebAssembly image decoders all come from the installed
// package. A PDF is data, never code: pdfjs-dist 6 has no eval path left (it compiles no PDF
// functions to JavaScript) and Backfile never loads its scripting sandbox or XFA.

import { createRequire } from 'node:module';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentInitParameters, PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));

/** Folder inside pdfjs-dist, as the trailing-slash path pdfjs expects for its asset options. */
export function pdfjsAssetUrl(folder: 'cmaps' | 'standard_fonts' | 'wasm' | 'iccs'): string {
  return path.join(PDFJS_DIR, folder) + path.sep;
}

export function pdfjsVersion(): string {
  return pdfjs.version;
}

export interface LoadedPdf {
  doc: PDFDocumentProxy;
  destroy(): Promise<void>;
}

export async function loadPdf(data: Uint8Array): Promise<LoadedPdf> {
  const params: DocumentInitParameters = {
    data,
    cMapUrl: pdfjsAssetUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfjsAssetUrl('standard_fonts'),
    wasmUrl: pdfjsAssetUrl('wasm'),
    iccUrl: pdfjsAssetUrl('iccs'),
    enableXfa: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  };
  const task = pdfjs.getDocument(params);
  return { doc: await task.promise, destroy: () => task.destroy() };
}

export const pdfUtil = pdfjs.Util;

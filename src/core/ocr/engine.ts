// What an OCR engine does for Backfile, so a second engine can be added without touching the
// job system: recognise an image (a page or a region), report progress, be stopped.

import type { Block, TextSource } from '../../shared/model.ts';
import type { StageTimes } from './stage-times.ts';
import type { EngineName } from '../../shared/ocr.ts';

/** How the engine should lay out what it reads: a page, one column (lines of several sizes,
 * one under the other), one block of like lines, or one line. */
export type Segmentation = 'page' | 'column' | 'block' | 'line';

export interface RecogniseRequest {
  /** PNG or other encoded image; coordinates in the result are pixels of this image. */
  image: Buffer;
  /** Tesseract-style language list, e.g. 'chi_sim+eng'. */
  languages: string;
  segmentation: Segmentation;
  /** Resolution of the image when known (a PGM carries none, and engines guess otherwise). */
  dpi?: number | null;
  onProgress?: (share: number) => void;
  /** Where the reading's time goes, when asked (bench/ocr.ts). */
  times?: StageTimes;
}

export interface OcrEngine {
  readonly name: string;
  /** Whether its whole-page reading is put in the page layout's order, and read again column
   * by column where it ran lines across a gutter (ocr-page.ts). */
  readonly followsPageLayout: boolean;
  /** Whether small print is enlarged before this engine reads it (print-size.ts). PP-OCR
   * scales every image to its own detection size, so enlarging only costs it time. */
  readonly readsEnlargedSmallPrint: boolean;
  /** Engine name, version and model, recorded for every word it produces. */
  source(languages: string): TextSource;
  recognise(request: RecogniseRequest): Promise<Block[]>;
  /** Stops the engine at once, abandoning work in progress (used for timeouts and cancel). */
  terminate(): Promise<void>;
}

export interface OcrEngineFactory {
  readonly name: string;
  /** Which of Backfile's engines it makes, as jobs and settings name them. */
  readonly engine: EngineName;
  create(languages: string): Promise<OcrEngine>;
}

// What every scan reader gives the importer: a count of pages and, page by page, the master
// raster (the original bytes when they can serve, or a derived PNG) and any text it carries.

import type { PageText } from '../../shared/model.ts';
import type { ScanFormat } from './detect.ts';

export interface SourcePage {
  index: number;
  width: number;
  height: number;
  dpi: number | null;
  /** The master raster: null when the original file itself serves (single-page PNG or JPEG). */
  raster: { data: Buffer; extension: 'png' } | null;
  text: PageText | null;
}

export interface ScanSource {
  format: ScanFormat;
  pageCount: number;
  readPage(index: number): Promise<SourcePage>;
  close(): Promise<void>;
}

export interface ReadOptions {
  /** Resolution at which PDF pages are rasterised. */
  dpi: number;
  /** Pixel limit for one page: guards against decompression bombs. */
  maxPixels: number;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { dpi: 300, maxPixels: 250_000_000 };

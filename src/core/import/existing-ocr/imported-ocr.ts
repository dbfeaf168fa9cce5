// What an OCR file from elsewhere gives the archive: regions in reading order, each with its
// lines and words, in the pixels of the image the file describes.

import type { Polygon } from '../../../shared/geometry.ts';
import type { Line, RegionRole, TextSource } from '../../../shared/model.ts';

export interface ImportedRegion {
  /** The region's ID in the file (ALTO block ID, PAGE region id): what a METS file points at. */
  id?: string;
  role: RegionRole;
  polygon: Polygon;
  lines: Line[];
}

export interface ImportedOcr {
  format: 'PAGE' | 'ALTO' | 'hOCR';
  source: TextSource;
  imageFilename: string | null;
  width: number;
  height: number;
  regions: ImportedRegion[];
  /** Lines in no region (hOCR allows ocr_line right under ocr_page): text of the page. */
  looseLines?: Line[];
}

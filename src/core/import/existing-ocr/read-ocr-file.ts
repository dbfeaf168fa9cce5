// Reads an OCR file from elsewhere (ALTO, PAGE XML or hOCR, told apart by their content), and
// brings it into a page's pixels: an OCR file made for a smaller or larger copy of the image is
// scaled by the ratio of the sizes.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BackfileError } from '../../../shared/errors.ts';
import { unionBoxes, type Box, type Polygon } from '../../../shared/geometry.ts';
import type { Block, PageText, RegionRole } from '../../../shared/model.ts';
import { readAlto } from './alto-reader.ts';
import type { ImportedOcr } from './imported-ocr.ts';
import { readPageXml } from './page-xml-reader.ts';
import { readHocr } from './hocr-reader.ts';
import { MAX_OCR_XML_BYTES } from './safe-xml.ts';

export function readOcrFile(file: string, dpi: number | null): ImportedOcr {
  const size = statSync(file).size;
  if (size > MAX_OCR_XML_BYTES) {
    throw new BackfileError(
      'ocr-file-invalid',
      `${file}: ${Math.round(size / 2 ** 20)} MB is over the limit for an OCR file.`,
    );
  }
  const xml = readFileSync(file, 'utf8');
  const head = xml.slice(0, 4000);
  if (/<(\w+:)?PcGts[\s>]/.test(head)) return readPageXml(xml, file);
  if (/<(\w+:)?alto[\s>]/.test(head)) return readAlto(xml, file, dpi);
  if (/ocr_page/.test(xml.slice(0, 20_000))) return readHocr(xml, file);
  throw new BackfileError('ocr-file-invalid', `${file}: neither ALTO, PAGE XML nor hOCR.`);
}

export interface PageOcr {
  text: PageText;
  regions: { role: RegionRole; polygon: Polygon; box: Box }[];
}

/** The imported OCR in the page's pixels: one block per text region, every region kept. */
export function toPageOcr(imported: ImportedOcr, pageWidth: number, pageHeight: number): PageOcr {
  const sx = imported.width > 0 ? pageWidth / imported.width : 1;
  const sy = imported.height > 0 ? pageHeight / imported.height : 1;
  const box = (b: Box): Box => ({ x0: b.x0 * sx, y0: b.y0 * sy, x1: b.x1 * sx, y1: b.y1 * sy });
  const regions = imported.regions.map((r) => {
    const polygon = r.polygon.map(([x, y]) => [x * sx, y * sy] as const);
    return {
      role: r.role,
      polygon,
      box: unionBoxes(polygon.map(([x, y]) => ({ x0: x, y0: y, x1: x, y1: y }))),
      lines: r.lines,
    };
  });
  const blocks: Block[] = regions
    .filter((r) => r.lines.length > 0)
    .map((r) => ({
      box: r.box,
      lines: r.lines.map((l) => ({
        ...l,
        box: box(l.box),
        words: l.words.map((w) => ({ ...w, box: box(w.box) })),
      })),
    }));
  return {
    text: { source: imported.source, blocks },
    regions: regions.map(({ role, polygon, box: b }) => ({ role, polygon, box: b })),
  };
}

/** The OCR file for a scan: `given` itself, or in the folder `given`, a file named like the scan. */
export function findOcrFile(given: string, scanPath: string): string | null {
  if (!existsSync(given)) throw new BackfileError('file-not-found', `${given}: no such OCR file or folder.`);
  if (!statSync(given).isDirectory()) return given;
  const stem = path.basename(scanPath, path.extname(scanPath));
  for (const suffix of ['.xml', '.alto.xml', '.page.xml', '.alto', '.page', '.hocr', '.hocr.html', '.html']) {
    const candidate = path.join(given, stem + suffix);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

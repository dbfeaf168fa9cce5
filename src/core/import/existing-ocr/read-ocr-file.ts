// Reads an OCR file from elsewhere (ALTO, PAGE XML or hOCR, told apart by their content), and
// brings it into a page's pixels: an OCR file made for a smaller or larger copy of the image is
// scaled by the ratio of the sizes.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BackfileError } from '../../../shared/errors.ts';
import { unionBoxes, type Box, type Polygon } from '../../../shared/geometry.ts';
import type { Block, Line, PageText, RegionRole } from '../../../shared/model.ts';
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
  /** `id`: the region's ID in the file, when it gives one. */
  regions: { id?: string; role: RegionRole; polygon: Polygon; box: Box }[];
}

/** The imported OCR in the page's pixels: one block per text region, every region kept. */
/**
 * A box from the file in page pixels: scaled, put the right way round, and clipped to the page.
 * A coordinate that is not a finite number is refused: there is no telling where the text is.
 */
function pageBoxOf(b: Box, sx: number, sy: number, width: number, height: number, what: string): Box {
  const values = [b.x0 * sx, b.y0 * sy, b.x1 * sx, b.y1 * sy];
  if (!values.every(Number.isFinite) || !values.every((v) => Math.abs(v) < 1e7))
    throw new BackfileError(
      'ocr-file-invalid',
      `${what} has a coordinate that is not a usable number (${[b.x0, b.y0, b.x1, b.y1].join(', ')}).`,
    );
  const [x0, y0, x1, y1] = values as [number, number, number, number];
  const clip = (v: number, max: number) => Math.min(max, Math.max(0, v));
  return {
    x0: clip(Math.min(x0, x1), width),
    y0: clip(Math.min(y0, y1), height),
    x1: clip(Math.max(x0, x1), width),
    y1: clip(Math.max(y0, y1), height),
  };
}

export function toPageOcr(imported: ImportedOcr, pageWidth: number, pageHeight: number): PageOcr {
  const sx = imported.width > 0 ? pageWidth / imported.width : 1;
  const sy = imported.height > 0 ? pageHeight / imported.height : 1;
  const box = (b: Box, what = 'a line'): Box => pageBoxOf(b, sx, sy, pageWidth, pageHeight, what);
  const points = (polygon: Polygon, what: string): Polygon =>
    polygon.map(([x, y]) => {
      const p = box({ x0: x, y0: y, x1: x, y1: y }, what);
      return [p.x0, p.y0] as const;
    });
  const regions = imported.regions.map((r) => {
    const polygon = points(r.polygon, 'a region');
    return {
      ...(r.id !== undefined ? { id: r.id } : {}),
      role: r.role,
      polygon,
      box: unionBoxes(polygon.map(([x, y]) => ({ x0: x, y0: y, x1: x, y1: y }))),
      lines: r.lines,
    };
  });
  const inPage = (lines: readonly Line[]) =>
    lines.map((l) => ({
      ...l,
      box: box(l.box, `the line "${l.text.slice(0, 40)}"`),
      ...(l.baseline ? { baseline: points(l.baseline, `the baseline of "${l.text.slice(0, 40)}"`) } : {}),
      words: l.words.map((w) => ({ ...w, box: box(w.box, `the word "${w.text.slice(0, 40)}"`) })),
    }));
  const blocks: Block[] = regions
    .filter((r) => r.lines.length > 0)
    .map((r) => ({ box: r.box, lines: inPage(r.lines) }));
  const loose = inPage(imported.looseLines ?? []);
  if (loose.length > 0) blocks.push({ box: unionBoxes(loose.map((l) => l.box)), lines: loose });
  return {
    text: { source: imported.source, blocks },
    regions: regions.map(({ lines: _lines, ...region }) => region),
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

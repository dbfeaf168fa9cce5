// hOCR (XHTML, as tesseract and Backfile write it) to ImportedOcr: ocr_carea / ocrx_block as
// regions (ocr_photo as photos), ocr_line and its kin as lines, ocrx_word as words with bbox and
// x_wconf; lines outside every area as text of the page.

import { BackfileError } from '../../../shared/errors.ts';
import { boxToPolygon, unionBoxes, type Box } from '../../../shared/geometry.ts';
import { REGION_ROLES, type Line, type RegionRole, type Word } from '../../../shared/model.ts';
import { normaliseLine } from '../../../shared/text/normalise.ts';
import type { ImportedOcr, ImportedRegion } from './imported-ocr.ts';
import { decodeEntities, parseOcrXml, type XmlNode, type XmlValue } from './safe-xml.ts';
import { hocrSpaces, joinAsMarked } from './markup-spaces.ts';
import { fromHocrBaseline } from '../../../shared/line-baseline.ts';

const LINE_CLASSES = ['ocr_line', 'ocrx_line', 'ocr_caption', 'ocr_header', 'ocr_textfloat'];
const AREA_CLASSES = ['ocr_carea', 'ocrx_block', 'ocr_photo', 'ocr_image'];

function classes(node: XmlNode): string[] {
  return String(node.class ?? '').split(/\s+/);
}

function bboxOf(node: XmlNode): Box | null {
  const m = /bbox\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)/.exec(String(node.title ?? ''));
  return m ? { x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) } : null;
}

/** The element's children in document order (the parser keeps order with preserveOrder off only per name). */
function children(node: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === '#text' || typeof value !== 'object' || value === null) continue;
    for (const child of Array.isArray(value) ? value : [value])
      if (typeof child === 'object' && child !== null) out.push(child as XmlNode);
  }
  return out;
}

function textContent(node: XmlValue): string {
  if (node === undefined || node === null) return '';
  if (typeof node !== 'object') return decodeEntities(String(node));
  if (Array.isArray(node)) return node.map(textContent).join('');
  return [
    typeof node['#text'] === 'string' ? decodeEntities(node['#text']) : '',
    ...children(node).map(textContent),
  ].join('');
}

function find(node: XmlNode, match: (n: XmlNode) => boolean, out: XmlNode[] = []): XmlNode[] {
  for (const child of children(node)) {
    if (match(child)) out.push(child);
    else find(child, match, out);
  }
  return out;
}

function readLine(node: XmlNode, spaces: Map<string, boolean[]>): Line | null {
  const words: Word[] = find(node, (n) => classes(n).includes('ocrx_word')).flatMap((w) => {
    const box = bboxOf(w);
    const text = textContent(w).trim();
    const conf = /x_wconf\s+(\d+(?:\.\d+)?)/.exec(String(w.title ?? ''));
    return box && text ? [{ box, text, confidence: conf ? Number(conf[1]) / 100 : null }] : [];
  });
  const raw = words.length > 0 ? words.map((w) => w.text).join(' ') : textContent(node).trim();
  const box = bboxOf(node) ?? (words.length ? unionBoxes(words.map((w) => w.box)) : null);
  if (!box || !raw) return null;
  // The line as hOCR readers take it: its text, the blank between word elements as its spaces
  // (tesseract's blank between every Chinese character goes in normaliseLine).
  const marked = spaces.get(String(node.id ?? ''));
  const text =
    words.length > 0
      ? joinAsMarked(
          words.map((w) => w.text),
          marked,
        )
      : raw;
  const baseline = /baseline\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)/.exec(String(node.title ?? ''));
  return {
    box,
    rawText: raw,
    text: normaliseLine(text, { spacesArePrinted: true }),
    confidence: null,
    words,
    ...(baseline ? { baseline: fromHocrBaseline(Number(baseline[1]), Number(baseline[2]), box) } : {}),
  };
}

export function readHocr(xml: string, what: string): ImportedOcr {
  const root = parseOcrXml(xml, what, []);
  const spaces = hocrSpaces(xml);
  const page = find(root, (n) => classes(n).includes('ocr_page'))[0];
  const pageBox = page ? bboxOf(page) : null;
  if (!page || !pageBox)
    throw new BackfileError('ocr-file-invalid', `${what}: not an hOCR file (no ocr_page with a bbox).`);
  const regions: ImportedRegion[] = [];
  const isLine = (n: XmlNode) => classes(n).some((c) => LINE_CLASSES.includes(c));
  // Lines outside every area: the spec lets ocr_line stand right under ocr_page.
  const looseLines = find(page, (n) => isLine(n) || classes(n).some((c) => AREA_CLASSES.includes(c)))
    .filter(isLine)
    .map((line) => readLine(line, spaces))
    .filter((l): l is Line => l !== null);
  for (const area of find(page, (n) => classes(n).some((c) => AREA_CLASSES.includes(c)))) {
    const box = bboxOf(area);
    if (!box) continue;
    const cls = classes(area);
    if (cls.includes('ocr_photo') || cls.includes('ocr_image')) {
      regions.push({ role: 'photo', polygon: boxToPolygon(box), lines: [] });
      continue;
    }
    const lines = find(area, isLine)
      .map((line) => readLine(line, spaces))
      .filter((l): l is Line => l !== null);
    const dataRole = String(area['data-role'] ?? '');
    const role = (REGION_ROLES as readonly string[]).includes(dataRole) ? (dataRole as RegionRole) : 'body';
    regions.push({ role, polygon: boxToPolygon(box), lines });
  }
  const system = find(root, (n) => n.name === 'ocr-system')[0];
  return {
    format: 'hOCR',
    source: {
      kind: 'import',
      engine: 'hOCR',
      version: '',
      model: String(system?.content ?? '').slice(0, 200),
    },
    imageFilename: /image\s+"([^"]+)"/.exec(decodeEntities(String(page.title ?? '')))?.[1] ?? null,
    width: pageBox.x1 - pageBox.x0,
    height: pageBox.y1 - pageBox.y0,
    regions,
    looseLines,
  };
}

// ALTO (v2 to v4: the namespace is ignored) to ImportedOcr. Measurement units pixel, mm10 and
// inch1200 are converted to pixels with the page's resolution.

import { BackfileError } from '../../../shared/errors.ts';
import { boxToPolygon, unionBoxes, type Box, type Polygon } from '../../../shared/geometry.ts';
import { REGION_ROLES, type Line, type RegionRole, type Word } from '../../../shared/model.ts';
import { normaliseLine } from '../../../shared/text/normalise.ts';
import type { ImportedOcr, ImportedRegion } from './imported-ocr.ts';
import { asArray, parseOcrXml, text, type XmlNode } from './safe-xml.ts';
import { altoSpaces, joinAsMarked } from './markup-spaces.ts';

const ARRAYS = [
  'TextBlock',
  'TextLine',
  'String',
  'SP',
  'HYP',
  'Illustration',
  'GraphicalElement',
  'ComposedBlock',
  'StructureTag',
  'OtherTag',
  'ElementRef',
  'Page',
];

function unitScale(unit: string, dpi: number): number {
  if (unit === 'mm10') return dpi / 254;
  if (unit === 'inch1200') return dpi / 1200;
  return 1;
}

/**
 * ALTO's BASELINE: up to version 4.1 one number (the baseline's y, in the file's unit); from 4.2
 * a list of points ("x1,y1 x2,y2", or the older "x1 y1 x2 y2").
 */
function baselineOf(value: unknown, line: Box, scale: number): { baseline?: Polygon } {
  const numbers = String(value ?? '')
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  if (numbers.length === 0 || !numbers.every(Number.isFinite)) return {};
  if (numbers.length === 1)
    return {
      baseline: [
        [line.x0, numbers[0]! * scale],
        [line.x1, numbers[0]! * scale],
      ],
    };
  const points: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) points.push([numbers[i]! * scale, numbers[i + 1]! * scale]);
  return points.length >= 2 ? { baseline: points } : {};
}

export function readAlto(xml: string, what: string, dpi: number | null): ImportedOcr {
  const root = parseOcrXml(xml, what, ARRAYS);
  const spaces = altoSpaces(xml);
  const alto = root.alto as XmlNode | undefined;
  const page = asArray((alto?.Layout as XmlNode | undefined)?.Page)[0];
  if (!alto || !page)
    throw new BackfileError('ocr-file-invalid', `${what}: not an ALTO file (no alto/Layout/Page).`);
  const description = alto.Description as XmlNode | undefined;
  const scale = unitScale(text(description?.MeasurementUnit) || 'pixel', dpi ?? 300);
  const box = (n: XmlNode): Box | null => {
    const given = [n.HPOS, n.VPOS, n.WIDTH, n.HEIGHT];
    const [x, y, w, h] = given.map(Number) as [number, number, number, number];
    if ([x, y, w, h].every(Number.isFinite))
      return { x0: x * scale, y0: y * scale, x1: (x + w) * scale, y1: (y + h) * scale };
    // Present but not a number (NaN, "abc"): refused, rather than the element's text dropped.
    if (given.some((v) => v !== undefined && v !== ''))
      throw new BackfileError(
        'ocr-file-invalid',
        `${what}: element ${String(n.ID ?? '(no ID)')} has a coordinate that is not a usable number (${given.join(', ')}).`,
      );
    return null;
  };
  const tags = new Map<string, string>();
  for (const tag of asArray((alto.Tags as XmlNode | undefined)?.StructureTag))
    tags.set(String(tag.ID), String(tag.LABEL ?? ''));
  const roleOf = (n: XmlNode, fallback: RegionRole): RegionRole => {
    const label = String(n.TAGREFS ?? '')
      .split(/\s+/)
      .map((id) => tags.get(id))
      .find((l) => l && (REGION_ROLES as readonly string[]).includes(l));
    return (label as RegionRole | undefined) ?? fallback;
  };
  const regions = new Map<string, ImportedRegion>();
  const addBlocks = (container: XmlNode | undefined) => {
    if (!container) return;
    for (const block of asArray(container.TextBlock)) {
      const lines: Line[] = [];
      for (const line of asArray(block.TextLine)) {
        const marked = spaces.get(String(line.ID ?? ''));
        const strings = asArray(line.String).map((s, i) => ({
          word: {
            box: box(s),
            text: text(s.CONTENT).trim(),
            confidence: s.WC === undefined ? null : Number(s.WC),
          },
          spaceBefore: marked?.[i] ?? true,
        }));
        const kept = strings.filter((s) => s.word.box !== null && s.word.text !== '');
        const words = kept.map((s) => s.word as Word);
        const hyphen = asArray(line.HYP).length > 0 ? text(asArray(line.HYP)[0]!.CONTENT) || '-' : '';
        const raw =
          joinAsMarked(
            words.map((w) => w.text),
            kept.map((s) => s.spaceBefore),
          ) + hyphen;
        const lineBox = box(line) ?? (words.length ? unionBoxes(words.map((w) => w.box)) : null);
        if (lineBox && raw.trim())
          lines.push({
            box: lineBox,
            rawText: raw,
            text: normaliseLine(raw, { spacesArePrinted: true }),
            confidence: null,
            words,
            ...baselineOf(line.BASELINE, lineBox, scale),
          });
      }
      const b = box(block) ?? (lines.length ? unionBoxes(lines.map((l) => l.box)) : null);
      if (b)
        regions.set(String(block.ID ?? `block-${regions.size}`), {
          ...(block.ID !== undefined ? { id: String(block.ID) } : {}),
          role: roleOf(block, 'body'),
          polygon: boxToPolygon(b),
          lines,
        });
    }
    for (const ill of asArray(container.Illustration)) {
      const b = box(ill);
      if (b)
        regions.set(String(ill.ID ?? `ill-${regions.size}`), {
          ...(ill.ID !== undefined ? { id: String(ill.ID) } : {}),
          role: 'photo',
          polygon: boxToPolygon(b),
          lines: [],
        });
    }
    for (const composed of asArray(container.ComposedBlock)) addBlocks(composed);
  };
  for (const space of ['TopMargin', 'LeftMargin', 'PrintSpace', 'RightMargin', 'BottomMargin'])
    addBlocks(page[space] as XmlNode | undefined);
  const order = asArray(
    ((alto.ReadingOrder as XmlNode | undefined)?.OrderedGroup as XmlNode | undefined)?.ElementRef,
  ).map((r) => String(r.REF));
  const ordered = [
    ...order.filter((id) => regions.has(id)),
    ...[...regions.keys()].filter((id) => !order.includes(id)),
  ];
  const software = (asArray(
    (description?.OCRProcessing as XmlNode | undefined)?.ocrProcessingStep as XmlValueLike,
  )[0]?.processingSoftware ?? {}) as XmlNode;
  const namespace = /ns-v(\d)#/.exec(xml.slice(0, 2000))?.[1] ?? '';
  return {
    format: 'ALTO',
    source: {
      kind: 'import',
      engine: 'ALTO',
      version: namespace ? `v${namespace}` : '',
      model: text(software.softwareName).slice(0, 200),
    },
    imageFilename: text((description?.sourceImageInformation as XmlNode | undefined)?.fileName) || null,
    width: Number(page.WIDTH) * scale,
    height: Number(page.HEIGHT) * scale,
    regions: ordered.map((id) => regions.get(id)!),
  };
}

type XmlValueLike = Parameters<typeof asArray>[0];

// PAGE XML (any version from 2010 to 2019: the namespace is ignored) to ImportedOcr.

import { BackfileError } from '../../../shared/errors.ts';
import { polygonBounds, type Polygon } from '../../../shared/geometry.ts';
import type { Line, RegionRole, Word } from '../../../shared/model.ts';
import { normaliseLine } from '../../../shared/text/normalise.ts';
import type { ImportedOcr, ImportedRegion } from './imported-ocr.ts';
import { asArray, parseOcrXml, text, type XmlNode } from './safe-xml.ts';

const ARRAYS = [
  'TextRegion',
  'ImageRegion',
  'GraphicRegion',
  'SeparatorRegion',
  'AdvertRegion',
  'TableRegion',
  'TextLine',
  'Word',
  'TextEquiv',
  'RegionRefIndexed',
  'RegionRef',
];

const ROLE_BY_TYPE: Record<string, RegionRole> = {
  heading: 'headline',
  caption: 'caption',
  credit: 'byline',
  header: 'page_header',
  'page-number': 'page_header',
  paragraph: 'body',
};

const REGION_ELEMENTS: Record<string, RegionRole | null> = {
  TextRegion: null, // role from its type
  ImageRegion: 'photo',
  GraphicRegion: 'graphic',
  SeparatorRegion: 'separator',
  AdvertRegion: 'advertisement',
  TableRegion: 'other',
};

export function parsePoints(points: string): Polygon {
  return points
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split(',').map(Number) as [number, number])
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
}

function firstTextEquiv(node: XmlNode): { text: string; conf: number | null } {
  const equivs = asArray(node.TextEquiv).sort((a, b) => Number(a.index ?? 0) - Number(b.index ?? 0));
  const equiv = equivs[0];
  if (!equiv) return { text: '', conf: null };
  const conf = equiv.conf === undefined ? null : Number(equiv.conf);
  return { text: text(equiv.Unicode), conf: conf !== null && Number.isFinite(conf) ? conf : null };
}

function coordsBox(node: XmlNode) {
  const coords = node.Coords as XmlNode | undefined;
  const polygon = coords?.points ? parsePoints(String(coords.points)) : [];
  return polygon.length > 0 ? { polygon, box: polygonBounds(polygon) } : null;
}

function readLine(node: XmlNode): Line | null {
  const shape = coordsBox(node);
  if (!shape) return null;
  const words: Word[] = [];
  for (const w of asArray(node.Word)) {
    const ws = coordsBox(w);
    const equiv = firstTextEquiv(w);
    if (ws && equiv.text.trim()) words.push({ box: ws.box, text: equiv.text.trim(), confidence: equiv.conf });
  }
  const equiv = firstTextEquiv(node);
  const raw = equiv.text || words.map((w) => w.text).join(' ');
  if (!raw.trim()) return null;
  const baseline = parsePoints(String((node.Baseline as XmlNode | undefined)?.points ?? ''));
  return {
    box: shape.box,
    rawText: raw,
    text: normaliseLine(raw, { spacesArePrinted: true }),
    confidence: equiv.conf,
    words,
    ...(baseline.length >= 2 ? { baseline } : {}),
  };
}

function roleOf(element: string, node: XmlNode): RegionRole {
  const custom = /structure\s*\{[^}]*type:([\w-]+);/.exec(String(node.custom ?? ''))?.[1];
  if (custom) return custom as RegionRole;
  return REGION_ELEMENTS[element] ?? ROLE_BY_TYPE[String(node.type ?? '')] ?? 'other';
}

export function readPageXml(xml: string, what: string): ImportedOcr {
  const root = parseOcrXml(xml, what, ARRAYS);
  const pcgts = root.PcGts as XmlNode | undefined;
  const page = pcgts?.Page as XmlNode | undefined;
  if (!page) throw new BackfileError('ocr-file-invalid', `${what}: not a PAGE XML file (no PcGts/Page).`);
  const regions = new Map<string, ImportedRegion>();
  let anonymous = 0;
  for (const [element] of Object.entries(REGION_ELEMENTS)) {
    for (const node of asArray(page[element])) {
      const shape = coordsBox(node);
      if (!shape) continue;
      const lines = asArray(node.TextLine)
        .map(readLine)
        .filter((l): l is Line => l !== null);
      regions.set(String(node.id ?? `anonymous-${anonymous++}`), {
        ...(node.id !== undefined ? { id: String(node.id) } : {}),
        role: roleOf(element, node),
        polygon: shape.polygon,
        lines,
      });
    }
  }
  const order = asArray(
    ((page.ReadingOrder as XmlNode | undefined)?.OrderedGroup as XmlNode | undefined)?.RegionRefIndexed,
  )
    .sort((a, b) => Number(a.index) - Number(b.index))
    .map((r) => String(r.regionRef));
  const ordered = [
    ...order.filter((id) => regions.has(id)),
    ...[...regions.keys()].filter((id) => !order.includes(id)),
  ];
  const metadata = pcgts!.Metadata as XmlNode | undefined;
  const namespace = /pagecontent\/(\d{4}-\d{2}-\d{2})/.exec(xml.slice(0, 2000))?.[1] ?? '';
  return {
    format: 'PAGE',
    source: {
      kind: 'import',
      engine: 'PAGE XML',
      version: namespace,
      model: text(metadata?.Creator).slice(0, 200),
    },
    imageFilename: page.imageFilename ? String(page.imageFilename) : null,
    width: Number(page.imageWidth),
    height: Number(page.imageHeight),
    regions: ordered.map((id) => regions.get(id)!),
  };
}

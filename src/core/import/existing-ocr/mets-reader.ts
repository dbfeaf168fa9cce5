// METS (with MODS) to what an import needs from it: the issue's title, date, edition and printed
// number; its pages in physical order, each with its image and its OCR file; and its articles,
// each the blocks of those OCR files it is made of, in reading order. Read the way the DFG-Viewer
// and NDNP profiles write it (and Backfile's own METS export): file groups by USE, a physical
// structure map of pages, a logical one whose article divisions point at ALTO blocks (mets:area
// BETYPE="IDREF" BEGIN="<block ID>"), the article's MODS in the dmdSec it names.

import { BackfileError } from '../../../shared/errors.ts';
import { asArray, parseOcrXml, text, type XmlNode } from './safe-xml.ts';

export interface MetsPage {
  /** The page image and its OCR file as the METS names them (relative to it, usually). */
  image: string | null;
  ocr: string | null;
  /** ORDERLABEL: the page number as printed, when the METS gives one. */
  label: string | null;
}

export interface MetsArticle {
  /** The MODS title (the headline as the METS's maker saw it) and the name(s) it credits. */
  title: string | null;
  byline: string | null;
  /** The article's blocks in reading order: the page (index in `pages`) and the block's ID there. */
  areas: { page: number; block: string }[];
}

export interface ImportedMets {
  title: string | null;
  date: string | null;
  edition: string | null;
  volume: string | null;
  number: string | null;
  pages: MetsPage[];
  articles: MetsArticle[];
}

const ARRAYS = [
  'dmdSec',
  'fileGrp',
  'file',
  'FLocat',
  'structMap',
  'div',
  'fptr',
  'area',
  'seq',
  'par',
  'mods',
  'titleInfo',
  'title',
  'name',
  'namePart',
  'displayForm',
  'dateIssued',
  'edition',
  'part',
  'detail',
  'number',
  'originInfo',
  'relatedItem',
];

/** Whether an XML text is METS (its root element is mets, with or without a prefix). */
export function looksLikeMets(head: string): boolean {
  return /<([\w-]+:)?mets[\s>]/.test(
    head
      .replace(/<\?[^>]*\?>|<!--[\s\S]*?-->/g, '')
      .trimStart()
      .slice(0, 400),
  );
}

const first = (n: XmlNode | undefined, key: string): XmlNode | undefined => asArray(n?.[key])[0];
/** The text of an element's first child of that name (a bare string, or a node with attributes). */
function firstText(n: XmlNode | undefined, key: string): string | null {
  const value = n?.[key];
  return text(Array.isArray(value) ? value[0] : value).trim() || null;
}

interface MetsFile {
  href: string;
  use: string;
  mime: string;
}

function filesById(mets: XmlNode): Map<string, MetsFile> {
  const files = new Map<string, MetsFile>();
  const visit = (group: XmlNode, use: string) => {
    const here = String(group.USE ?? use);
    for (const file of asArray(group.file)) {
      const href = asArray(file.FLocat)
        .map((l) => String(l.href ?? ''))
        .find(Boolean);
      if (file.ID && href) files.set(String(file.ID), { href, use: here, mime: String(file.MIMETYPE ?? '') });
    }
    for (const inner of asArray(group.fileGrp)) visit(inner, here);
  };
  for (const group of asArray(first(mets, 'fileSec')?.fileGrp)) visit(group, '');
  return files;
}

const isImage = (f: MetsFile) => /^image\//.test(f.mime) || /^(DEFAULT|MASTER|IMAGE|MAX)$/i.test(f.use);
const isOcr = (f: MetsFile) => /^(FULLTEXT|ALTO|OCR|PAGEXML)$/i.test(f.use) || /xml/.test(f.mime);

/** The division's areas, in document order, wherever they sit under its own fptr elements. */
function ownAreas(div: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    out.push(...asArray(n.area));
    for (const inner of [...asArray(n.seq), ...asArray(n.par)]) walk(inner);
  };
  for (const pointer of asArray(div.fptr)) walk(pointer);
  return out;
}

/** A division's areas: its own, or (when it points at nothing itself) its child divisions', in order. */
function areasOf(div: XmlNode): XmlNode[] {
  const own = ownAreas(div);
  if (own.length > 0) return own;
  return asArray(div.div)
    .slice()
    .sort((a, b) => Number(a.ORDER ?? 0) - Number(b.ORDER ?? 0))
    .flatMap(areasOf);
}

/** Every division of the logical map whose TYPE says article, in the map's order. */
function articleDivisions(div: XmlNode): XmlNode[] {
  if (/^article$/i.test(String(div.TYPE ?? ''))) return [div];
  return asArray(div.div).flatMap(articleDivisions);
}

function modsOf(mets: XmlNode, dmdId: string | undefined): XmlNode | undefined {
  if (!dmdId) return undefined;
  const ids = dmdId.split(/\s+/);
  const sec = asArray(mets.dmdSec).find((d) => ids.includes(String(d.ID)));
  return first(first(first(sec, 'mdWrap'), 'xmlData'), 'mods');
}

function modsTitle(mods: XmlNode | undefined): string | null {
  return firstText(first(mods, 'titleInfo'), 'title');
}

function modsNames(mods: XmlNode | undefined): string | null {
  const names = asArray(mods?.name)
    .map(
      (n) =>
        firstText(n, 'displayForm') ??
        ([n.namePart ?? []]
          .flat()
          .map((p) => text(p).trim())
          .filter(Boolean)
          .join(' ') ||
          null),
    )
    .filter((n): n is string => n !== null);
  return names.length > 0 ? names.join(' ') : null;
}

function partDetail(mods: XmlNode | undefined, type: string): string | null {
  for (const part of asArray(mods?.part))
    for (const detail of asArray(part.detail))
      if (String(detail.type ?? '') === type) return firstText(detail, 'number');
  return null;
}

export function readMets(xml: string, what: string): ImportedMets {
  const root = parseOcrXml(xml, what, ARRAYS);
  const mets = root.mets as XmlNode | undefined;
  if (!mets) throw new BackfileError('ocr-file-invalid', `${what}: not a METS file (no mets root element).`);
  const files = filesById(mets);
  const maps = asArray(mets.structMap);
  const physical = maps.find((m) => /^physical$/i.test(String(m.TYPE ?? '')));
  const logical = maps.find((m) => /^logical$/i.test(String(m.TYPE ?? '')));
  if (!physical)
    throw new BackfileError(
      'ocr-file-invalid',
      `${what}: a METS file without a physical structure map (no pages).`,
    );

  // Pages: the divisions of TYPE page, however deep (an issue division usually holds them).
  const pageDivs: XmlNode[] = [];
  const collect = (div: XmlNode) => {
    if (/^page$/i.test(String(div.TYPE ?? ''))) pageDivs.push(div);
    else asArray(div.div).forEach(collect);
  };
  asArray(physical.div).forEach(collect);
  pageDivs.sort((a, b) => Number(a.ORDER ?? 0) - Number(b.ORDER ?? 0));
  const ocrFileIds = new Map<string, number>();
  const pages = pageDivs.map((div, index): MetsPage => {
    const pointed = asArray(div.fptr)
      .map((p) => String(p.FILEID ?? ''))
      .map((id) => ({ id, file: files.get(id) }))
      .filter((p): p is { id: string; file: MetsFile } => p.file !== undefined);
    const image = pointed.find((p) => isImage(p.file));
    const ocr = pointed.find((p) => p !== image && isOcr(p.file));
    if (ocr) ocrFileIds.set(ocr.id, index);
    return {
      image: image?.file.href ?? null,
      ocr: ocr?.file.href ?? null,
      label: div.ORDERLABEL !== undefined ? String(div.ORDERLABEL) : null,
    };
  });

  const top = asArray(logical?.div)[0];
  const articles = asArray(logical?.div)
    .flatMap(articleDivisions)
    .map((div): MetsArticle => {
      const mods = modsOf(mets, div.DMDID as string | undefined);
      const areas = areasOf(div).flatMap((area) => {
        const page = ocrFileIds.get(String(area.FILEID ?? ''));
        const block = String(area.BEGIN ?? '');
        return page !== undefined && block ? [{ page, block }] : [];
      });
      return {
        title: modsTitle(mods) ?? (div.LABEL !== undefined ? String(div.LABEL) : null),
        byline: modsNames(mods),
        areas,
      };
    });

  // The issue's MODS: the one the logical map's top division names, else the first dmdSec.
  const issueMods =
    modsOf(mets, top?.DMDID as string | undefined) ??
    first(first(first(asArray(mets.dmdSec)[0], 'mdWrap'), 'xmlData'), 'mods');
  const origin = first(issueMods, 'originInfo');
  const date = firstText(origin, 'dateIssued');
  return {
    title: modsTitle(issueMods),
    date: date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : null,
    edition: firstText(origin, 'edition'),
    volume: partDetail(issueMods, 'volume'),
    number: partDetail(issueMods, 'issue'),
    pages,
    articles,
  };
}

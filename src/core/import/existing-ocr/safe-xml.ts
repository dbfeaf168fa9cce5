// Parses OCR XML from outside (ALTO, PAGE) without trusting it: no DTDs or entity declarations
// (no entity expansion, no external entities), a size limit, and a nesting limit, each refused
// with a clear error instead of exhausting memory or the stack.

import { XMLParser } from 'fast-xml-parser';
import { BackfileError } from '../../../shared/errors.ts';

export const MAX_OCR_XML_BYTES = 64 * 2 ** 20;
export const MAX_DEPTH = 64;

export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | number | boolean | XmlNode | XmlNode[] | undefined;

/** Nesting depth of the elements, counted on the raw text (cheap, before any parsing). */
function maxDepth(xml: string): number {
  let depth = 0;
  let max = 0;
  const tag = /<(\/?)[A-Za-z_][^>]*?(\/?)>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[1]) depth--;
    else if (!m[2]) {
      depth++;
      if (depth > max) max = depth;
    }
  }
  return max;
}

export function parseOcrXml(xml: string, what: string, arrays: readonly string[]): XmlNode {
  if (xml.length > MAX_OCR_XML_BYTES) {
    throw new BackfileError(
      'ocr-file-invalid',
      `${what}: ${Math.round(xml.length / 2 ** 20)} MB is over the ${MAX_OCR_XML_BYTES / 2 ** 20} MB limit for an OCR file.`,
    );
  }
  // A plain <!DOCTYPE html> (hOCR) declares nothing; an internal subset or entities are refused.
  if (/<!ENTITY/i.test(xml) || /<!DOCTYPE[^>]*\[/i.test(xml) || /<!DOCTYPE(?!\s+html[\s>])/i.test(xml)) {
    throw new BackfileError(
      'ocr-file-invalid',
      `${what}: has a DOCTYPE or entity declarations, which OCR files never need; refused for safety.`,
    );
  }
  if (maxDepth(xml) > MAX_DEPTH) {
    throw new BackfileError(
      'ocr-file-invalid',
      `${what}: elements nested deeper than ${MAX_DEPTH} levels; not an ALTO or PAGE file.`,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => arrays.includes(name),
  });
  try {
    return parser.parse(xml, true) as XmlNode;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new BackfileError('ocr-file-invalid', `${what}: not well-formed XML (${message.split('\n')[0]}).`);
  }
}

/** The common XML entities, decoded by hand since the parser leaves entities alone. */
export function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'amp') return '&';
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

export function asArray(value: XmlValue): XmlNode[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter(
    (v): v is XmlNode => typeof v === 'object' && v !== null,
  );
}

export function text(value: XmlValue): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') {
    const node = value as XmlNode;
    return typeof node['#text'] === 'string' ? decodeEntities(node['#text']) : '';
  }
  return decodeEntities(String(value));
}

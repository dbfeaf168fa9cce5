// File-name patterns that carry metadata, e.g. "{title}_{date:YYYY-MM-DD}_p{page}" for
// "Wenyuhe_2018-10-19_p3.tif". A pattern with a "/" is matched against the path below the
// imported folder, so "{title}/{date:YYYYMMDD}/{page}" reads folder names too.

import { validDate } from '../../shared/date.ts';
import { BackfileError } from '../../shared/errors.ts';

export interface NameMetadata {
  title?: string;
  date?: string; // YYYY-MM-DD
  edition?: string;
  volume?: string;
  number?: string;
  page?: number;
}

export interface NamePattern {
  source: string;
  match(name: string): NameMetadata | null;
}

const FIELDS = new Set(['title', 'date', 'edition', 'volume', 'number', 'page', '*']);
const DATE_PARTS: Record<string, string> = {
  YYYY: '(?<Y>\\d{4})',
  YY: '(?<y>\\d{2})',
  MM: '(?<M>\\d{1,2})',
  DD: '(?<D>\\d{1,2})',
};

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function dateRegex(format: string, pattern: string): string {
  let out = '';
  let rest = format;
  while (rest) {
    const part = ['YYYY', 'YY', 'MM', 'DD'].find((p) => rest.startsWith(p));
    if (part) {
      out += DATE_PARTS[part];
      rest = rest.slice(part.length);
    } else if (/^[A-Za-z]/.test(rest)) {
      throw new BackfileError(
        'pattern-invalid',
        `Pattern "${pattern}": date format "${format}" may use YYYY, YY, MM and DD only.`,
      );
    } else {
      out += escapeRegex(rest[0]!);
      rest = rest.slice(1);
    }
  }
  if (!out.includes('?<M>') || !out.includes('?<D>') || !(out.includes('?<Y>') || out.includes('?<y>'))) {
    throw new BackfileError(
      'pattern-invalid',
      `Pattern "${pattern}": date format "${format}" needs a year, a month and a day.`,
    );
  }
  return `(?<date>${out})`;
}

function twoDigitYear(yy: number): number {
  const now = new Date().getUTCFullYear();
  const candidate = now - (now % 100) + yy;
  return candidate > now ? candidate - 100 : candidate;
}

export function parsePattern(pattern: string): NamePattern {
  if (!pattern.trim()) throw new BackfileError('pattern-invalid', 'The file-name pattern is empty.');
  let regex = '';
  const seen = new Set<string>();
  const tokenRe = /\{([^{}]*)\}/g;
  let last = 0;
  for (const m of pattern.matchAll(tokenRe)) {
    regex += escapeRegex(pattern.slice(last, m.index));
    last = m.index + m[0].length;
    const [field, format] = m[1]!.split(':', 2) as [string, string | undefined];
    if (!FIELDS.has(field)) {
      throw new BackfileError(
        'pattern-invalid',
        `Pattern "${pattern}": unknown field {${field}}; use {title}, {date:FORMAT}, {edition}, {volume}, {number}, {page} or {*}.`,
      );
    }
    if (field !== '*' && seen.has(field)) {
      throw new BackfileError('pattern-invalid', `Pattern "${pattern}": {${field}} appears twice.`);
    }
    seen.add(field);
    if (field === 'date') regex += dateRegex(format ?? 'YYYY-MM-DD', pattern);
    else if (field === 'page') regex += '(?<page>\\d+)';
    else if (field === 'volume' || field === 'number') regex += `(?<${field}>[^/]+?)`;
    else if (field === '*') regex += '[^/]*?';
    else regex += `(?<${field}>[^/]+?)`;
  }
  regex += escapeRegex(pattern.slice(last));
  if (/[{}]/.test(pattern.slice(last)) || /\{[^}]*$/.test(pattern)) {
    throw new BackfileError('pattern-invalid', `Pattern "${pattern}": a brace is not closed.`);
  }
  const compiled = new RegExp(`^${regex}$`, 'u');
  return {
    source: pattern,
    match(name: string): NameMetadata | null {
      const m = compiled.exec(name);
      if (!m) return null;
      const g = m.groups ?? {};
      const meta: NameMetadata = {};
      if (g.title) meta.title = g.title.replace(/[_]+/g, ' ').trim();
      if (g.edition) meta.edition = g.edition;
      if (g.volume) meta.volume = g.volume;
      if (g.number) meta.number = g.number;
      if (g.page) meta.page = Number(g.page);
      if (g.date !== undefined) {
        // Two-digit years are read as the most recent such year that is not in the future.
        const year = g.Y ? Number(g.Y) : twoDigitYear(Number(g.y));
        const month = Number(g.M);
        const day = Number(g.D);
        if (!validDate(year, month, day)) return null;
        meta.date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      }
      return meta;
    },
  };
}

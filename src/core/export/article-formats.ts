// Articles as plain text, Markdown, JSON and CSV rows (pure).

import type { AssembledArticle } from '../articles/assemble.ts';

export function articleToText(a: AssembledArticle): string {
  const head = [a.kicker, a.headline, a.subhead, a.bylineAtEnd ? null : a.byline, a.dateline].filter(
    (x): x is string => Boolean(x),
  );
  const tail = a.bylineAtEnd && a.byline ? [a.byline] : [];
  const captions = a.photos.map((p) => p.caption).filter((c): c is string => Boolean(c));
  return (
    [
      ...head,
      '',
      ...a.paragraphs,
      ...tail,
      ...(captions.length ? ['', ...captions.map((c) => `[${c}]`)] : []),
    ]
      .join('\n')
      .trim() + '\n'
  );
}

function md(text: string): string {
  return text.replace(/([\\`*_[\]#<>])/g, '\\$1');
}

export function articleToMarkdown(a: AssembledArticle, photoFile: (index: number) => string | null): string {
  const out: string[] = [];
  if (a.kicker) out.push(`*${md(a.kicker)}*`, '');
  out.push(`# ${md(a.headline ?? '(untitled)')}`, '');
  if (a.subhead) out.push(`## ${md(a.subhead)}`, '');
  if (a.byline || a.dateline) out.push(`**${md([a.byline, a.dateline].filter(Boolean).join(' · '))}**`, '');
  for (const p of a.paragraphs) out.push(md(p), '');
  a.photos.forEach((photo, i) => {
    const file = photoFile(i);
    if (file) out.push(`![${md(photo.caption ?? '')}](${encodeURI(file)})`);
    if (photo.caption) out.push(`*${md(photo.caption)}*`);
    out.push('');
  });
  return out.join('\n').trimEnd() + '\n';
}

export const CSV_COLUMNS = [
  'id',
  'issue_id',
  'title',
  'date',
  'pages',
  'headline',
  'byline',
  'characters',
  'photos',
] as const;

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would run as a formula (it starts with = + - @,
 * a tab or a carriage return) gets a leading apostrophe, as OWASP advises: a headline like
 * "=HYPERLINK(…)" stays text.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV index as a file: a UTF-8 byte-order mark (without it Excel reads the Chinese as
 * mojibake), CRLF line ends as RFC 4180 has them, the header row, one row per article.
 */
export function articlesCsv(rows: readonly string[]): string {
  return '\uFEFF' + [CSV_COLUMNS.join(','), ...rows].map((r) => r + '\r\n').join('');
}

export function articleCsvRow(a: AssembledArticle, issue: { title: string; date: string }): string {
  const characters = a.paragraphs.join('').replace(/\s+/g, '').length;
  return [
    a.id,
    a.issueId,
    issue.title,
    issue.date,
    a.pages.join(' '),
    a.headline,
    a.byline,
    characters,
    a.photos.length,
  ]
    .map(csvCell)
    .join(',');
}

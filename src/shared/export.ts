// The export formats, by what they export: pages (txt, ALTO, PAGE XML, hOCR), articles (text,
// Markdown, JSON, CSV, photos) and issues (METS, IIIF, searchable PDF). `txt` is both: the
// pages' text in reading order, and each article's text beside it.

export const PAGE_FORMATS = ['txt', 'alto', 'page', 'hocr'] as const;
export type PageFormat = (typeof PAGE_FORMATS)[number];
export const ARTICLE_FORMATS = ['txt', 'md', 'json', 'csv', 'photos'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];
export const ISSUE_FORMATS = ['mets', 'iiif', 'pdf'] as const;
export type IssueFormat = (typeof ISSUE_FORMATS)[number];

export const EXPORT_FORMATS = [...new Set([...PAGE_FORMATS, ...ARTICLE_FORMATS, ...ISSUE_FORMATS])] as [
  PageFormat | ArticleFormat | IssueFormat,
  ...(PageFormat | ArticleFormat | IssueFormat)[],
];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const member =
  <T extends string>(list: readonly T[]) =>
  (format: string): format is T =>
    (list as readonly string[]).includes(format);
export const isPageFormat = member(PAGE_FORMATS);
export const isArticleFormat = member(ARTICLE_FORMATS);
export const isIssueFormat = member(ISSUE_FORMATS);

/**
 * Where an issue's IIIF files will be published. A IIIF manifest names every resource by the
 * HTTP(S) URL it is served at (the Presentation 3 schema refuses anything else), so a manifest
 * needs this before it can be written; `backfile serve` serves each issue's manifest itself.
 */
export function publicationUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL.`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return `"${url}" is not an http(s) URL: IIIF viewers load manifests and images over HTTP.`;
  if (parsed.search || parsed.hash) return `"${url}" has a query or fragment; give the folder's URL alone.`;
  return null;
}

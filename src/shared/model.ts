// The archive's domain as the rest of the program sees it (rows are mapped to these at the edge).

import type { Box, Polygon } from './geometry.ts';

export const PAGE_STATUSES = [
  'imported',
  'ocr',
  'in_correction',
  'corrected',
  'reviewed',
  'approved',
] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

/** A job in the queue: waiting, being read, finished, given up after its attempts, or called off. */
export const JOB_STATUSES = ['todo', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** An article's review steps; it starts "new" when drawn or suggested. */
export const ARTICLE_STATUSES = ['new', 'in_correction', 'corrected', 'reviewed', 'approved'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** Statuses at which a person has checked the text: its error figures then mean something. */
export const VERIFIED_STATUSES: readonly string[] = ['corrected', 'reviewed', 'approved'];

/**
 * Below this a word is marked for the reviewer. Tesseract's LSTM confidences on the sample
 * pages: correctly read characters mostly score above 0.8, misreads mostly below 0.6.
 */
export const LOW_CONFIDENCE = 0.6;

export const REGION_ROLES = [
  'kicker',
  'headline',
  'subhead',
  'byline',
  'dateline',
  'body',
  'caption',
  'photo',
  /** A drawing, map, ornament or logo: a picture that is not a photograph. */
  'graphic',
  'jump',
  'advertisement',
  'masthead',
  'page_header',
  'separator',
  'other',
] as const;
export type RegionRole = (typeof REGION_ROLES)[number];

/** Roles of regions that hold no text to read: OCR skips them, lines never belong to them. */
export const NON_TEXT_ROLES: readonly RegionRole[] = ['photo', 'graphic', 'separator', 'advertisement'];

export function isTextRole(role: RegionRole): boolean {
  return !NON_TEXT_ROLES.includes(role);
}

export const TEXT_SOURCE_KINDS = ['pdf', 'ocr', 'import', 'user'] as const;
export type TextSourceKind = (typeof TEXT_SOURCE_KINDS)[number];

export interface TextSource {
  kind: TextSourceKind;
  engine: string;
  version: string;
  model: string;
}

export interface Title {
  id: number;
  name: string;
}

export interface Issue {
  id: number;
  titleId: number;
  date: string; // YYYY-MM-DD, or '' when unknown
  edition: string;
}

export interface Page {
  id: number;
  issueId: number;
  sequence: number;
  printedNumber: string | null;
  sourceSha256: string;
  sourceIndex: number;
  sourceName: string;
  width: number;
  height: number;
  dpi: number | null;
  rasterPath: string;
  thumbnailPath: string;
  tilesPath: string;
  textSource: TextSourceKind | null;
  status: PageStatus;
}

export interface Word {
  box: Box;
  text: string;
  confidence: number | null; // 0..1, null when the source gives none (PDF text layers)
}

export interface Line {
  box: Box;
  rawText: string;
  text: string;
  confidence: number | null;
  words: Word[];
  /** The polyline the glyphs stand on, where the source gives one (PAGE, ALTO, a PDF's text
   * positions). OCR engines here give none; exports derive it from the words (line-baseline.ts). */
  baseline?: Polygon;
}

export interface Block {
  box: Box;
  lines: Line[];
}

/** Text of one page as a source produced it: blocks of lines of words, in reading order. */
export interface PageText {
  source: TextSource;
  blocks: Block[];
}

export interface Region {
  id: number;
  pageId: number;
  role: RegionRole;
  polygon: Polygon;
  box: Box;
  readingOrder: number;
}

/** The parts of a page a view shows, each loaded on its own (and reloaded when a change reaches it). */
export const PAGE_PARTS = ['page', 'lines', 'regions', 'articles'] as const;
export type PagePart = (typeof PAGE_PARTS)[number];

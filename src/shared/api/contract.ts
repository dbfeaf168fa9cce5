// The one API contract between the UI and the core. Each method is declared once: its kind
// (query or command), its input schema (zod, parsed wherever data enters: IPC, HTTP) and its
// output type. Electron main, preload, the local server and the renderer are all derived from it.

import { isoDate } from '../date.ts';
import { z } from 'zod';
import type { ErrorCode, ErrorInfo } from '../errors.ts';
import {
  ARTICLE_STATUSES,
  PAGE_STATUSES,
  REGION_ROLES,
  type ArticleStatus,
  type Page,
  type JobStatus,
  type PagePart,
  type PageStatus,
  type RegionRole,
} from '../model.ts';
import type { ArticleHistory, LineHistory } from '../history.ts';
import type { QualityReport } from '../quality.ts';
import type { SearchHit } from '../search.ts';
import type { AssembledArticle } from '../article.ts';
import type { Box } from '../geometry.ts';
import { EXPORT_FORMATS, publicationUrlProblem } from '../export.ts';
import { ENGINE_CHOICES, LANGUAGE_CHOICES, type OcrState, type ReadingChoices } from '../ocr.ts';
import type { ReReadImpact } from '../re-read.ts';

/** A page as the app lists it: its record without the archive's file paths, and its issue. */
export type PageSummary = Pick<
  Page,
  | 'id'
  | 'issueId'
  | 'sequence'
  | 'printedNumber'
  | 'width'
  | 'height'
  | 'sourceName'
  | 'textSource'
  | 'status'
> & { titleId: number; title: string; date: string };

/**
 * One page as its view shows it: the summary, its language setting, what it was read with, and
 * the pages before and after it in its issue.
 */
export type PageDetail = PageSummary & {
  language: string;
  readWith: string | null;
  previousPageId: number | null;
  nextPageId: number | null;
};

/** What an import did, file by file (failures with their reason; the rest of the batch goes on). */
export interface ImportReport {
  imported: number;
  duplicates: number;
  failed: number;
  pages: number;
  failures: { name: string; code: ErrorCode; message: string }[];
}

/** The metadata an import form gives every file of a batch. */
export interface ImportMetadata {
  title?: string;
  date?: string;
  edition?: string;
}

export interface StatusMove {
  from: string;
  to: string;
  changeId: number | null;
}

export interface StatusSummary {
  titles: { name: string; issues: number; pages: number }[];
  issues: number;
  pages: number;
  pagesByStatus: Record<PageStatus, number>;
  articlesByStatus: Record<ArticleStatus, number>;
  failures: { path: string; code: string; message: string; at: string }[];
}

export interface JobSummary {
  id: number;
  pageId: number;
  status: JobStatus;
  attempts: number;
  error: string | null;
  /** The failure's code (ErrorCode), for a message in the reader's language. */
  errorCode: string | null;
}

export interface PageLines {
  pageId: number;
  width: number;
  height: number;
  lines: {
    id: number;
    text: string;
    /** The text as its source gave it, before any correction. */
    original: string;
    corrected: boolean;
    confidence: number | null;
    regionId: number | null;
    box: Box;
    words: { text: string; confidence: number | null; box: Box }[];
  }[];
}

export interface RegionView {
  id: number;
  role: RegionRole;
  polygon: [number, number][];
  box: Box;
  readingOrder: number;
  articleId: number | null;
}

export interface ArticleView extends AssembledArticle {
  status: ArticleStatus;
  statusReason: string | null;
  /** Suggested by the layout step and not yet accepted by a person. */
  suggested: boolean;
  regionIds: number[];
  /** The pages it is printed on, as their numbers are printed (or their place in the issue). */
  printedOn: PrintedPage[];
}

export interface PrintedPage {
  id: number;
  sequence: number;
  printedNumber: string | null;
}

/** An article as the collection's list of articles shows it. */
export interface ArticleSummary {
  id: number;
  headline: string | null;
  title: string;
  date: string;
  pages: PrintedPage[];
  status: ArticleStatus;
  suggested: boolean;
  /** Characters of its text (headline, body, captions), white space not counted. */
  characters: number;
}

/** What "suggest regions and articles" did, page by page. */
export interface SuggestionReport {
  pages: (
    | { pageId: number; regions: number; articles: number; photos: number }
    | { pageId: number; error: ErrorInfo }
  )[];
  linked: number;
}

const pageId = z.number().int().positive();
const id = z.number().int().positive();
const reason = z.string().max(500).optional();
const replaceSpec = z.object({
  find: z.string().min(1).max(1000),
  replacement: z.string().max(1000),
  regex: z.boolean().optional(),
  pageIds: z.array(id).min(1).max(100_000).optional(),
});
const point = z.tuple([z.number().finite().min(0).max(1e6), z.number().finite().min(0).max(1e6)]);
const polygon = z.array(point).min(3).max(10_000);
const articleFields = z
  .object({
    headline: z.string().max(2_000).nullable(),
    kicker: z.string().max(2_000).nullable(),
    subhead: z.string().max(2_000).nullable(),
    byline: z.string().max(2_000).nullable(),
    dateline: z.string().max(2_000).nullable(),
    section: z.string().max(2_000).nullable(),
  })
  .partial()
  .strict();

/**
 * What a method does to the archive: a query reads it; a command changes it (and every window is
 * told); an output writes files elsewhere (an export) and leaves the archive as it was.
 */
export type MethodKind = 'query' | 'command' | 'output';

export const API = {
  archiveStatus: { kind: 'query', input: z.object({}).strict() },
  archiveInfo: { kind: 'query', input: z.object({}).strict() },
  /** Every page, or (with issueId) one issue's pages, in archive order. */
  listPages: {
    kind: 'query',
    input: z
      .object({
        issueId: id.optional(),
        /** Only these pages (a view updating what a change reached). */
        pageIds: z.array(id).min(1).max(100_000).optional(),
      })
      .strict(),
  },
  pageLines: {
    kind: 'query',
    input: z
      .object({
        pageId,
        /** Only these lines of the page (a view updating the lines a correction reached). */
        lineIds: z.array(id).min(1).max(100_000).optional(),
      })
      .strict(),
  },
  listJobs: { kind: 'query', input: z.object({}).strict() },
  /** Whether the background reading is running, paused by request, or idle. */
  ocrState: { kind: 'query', input: z.object({}).strict() },
  importFiles: {
    kind: 'command',
    input: z
      .object({
        paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000),
        title: z.string().trim().min(1).max(200).optional(),
        date: isoDate.optional(),
        edition: z.string().max(100).optional(),
      })
      .strict(),
  },
  queueOcr: {
    kind: 'command',
    input: z
      .object({
        pageIds: z.array(pageId).min(1).max(100_000),
        languages: z
          .string()
          .regex(/^[A-Za-z0-9_]+(\+[A-Za-z0-9_]+)*$/)
          .optional(),
        force: z.boolean().optional(),
        /** The user saw what reading corrected pages again does, and agreed. */
        confirmed: z.boolean().optional(),
        engine: z.enum(ENGINE_CHOICES).optional(),
      })
      .strict(),
  },
  /** How the archive, every title and every issue are to be read (engine and language remembered). */
  readingChoices: { kind: 'query', input: z.object({}).strict() },
  /** Remember (or, with null, forget) how a title's or an issue's pages are read; reads nothing. */
  chooseReading: {
    kind: 'command',
    input: z
      .object({
        scope: z.union([z.object({ titleId: id }).strict(), z.object({ issueId: id }).strict()]),
        engine: z.enum(ENGINE_CHOICES).nullable().optional(),
        languages: z.enum(LANGUAGE_CHOICES).nullable().optional(),
      })
      .strict(),
  },
  /** What reading these pages again does to work people did on them (pages without any: none listed). */
  reReadImpact: { kind: 'query', input: z.object({ pageIds: z.array(pageId).min(1).max(100_000) }).strict() },
  pauseOcr: { kind: 'command', input: z.object({}).strict() },
  resumeOcr: { kind: 'command', input: z.object({}).strict() },
  cancelOcr: {
    kind: 'command',
    input: z.object({ jobIds: z.array(id).min(1).max(100_000).optional() }).strict(),
  },
  correctLine: {
    kind: 'command',
    input: z.object({ lineId: z.number().int().positive(), text: z.string().max(10_000) }).strict(),
  },
  undo: { kind: 'command', input: z.object({ changeId: z.number().int().positive() }).strict() },
  search: {
    kind: 'query',
    input: z
      .object({
        query: z.string().min(1).max(500),
        title: z.string().max(200).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        status: z.enum(PAGE_STATUSES).optional(),
        role: z.enum(REGION_ROLES).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        /** Traditional and simplified forms as one (the default); false: the form typed only. */
        variants: z.boolean().optional(),
      })
      .strict(),
  },
  setPageStatus: {
    kind: 'command',
    input: z.object({ pageId, status: z.enum(PAGE_STATUSES), reason }).strict(),
  },
  setArticleStatus: {
    kind: 'command',
    input: z.object({ articleId: id, status: z.enum(ARTICLE_STATUSES), reason }).strict(),
  },
  lineHistory: { kind: 'query', input: z.object({ lineId: id }).strict() },
  articleHistory: { kind: 'query', input: z.object({ articleId: id }).strict() },
  revertLine: {
    kind: 'command',
    input: z.object({ lineId: id, toChangeId: z.number().int().min(0) }).strict(),
  },
  revertArticle: { kind: 'command', input: z.object({ articleId: id, toChangeId: id }).strict() },
  quality: { kind: 'query', input: z.object({ title: z.string().max(200).optional() }).strict() },
  getPage: { kind: 'query', input: z.object({ pageId }).strict() },
  pageRegions: { kind: 'query', input: z.object({ pageId }).strict() },
  pageArticles: { kind: 'query', input: z.object({ pageId }).strict() },
  createRegion: {
    kind: 'command',
    input: z.object({ pageId, role: z.enum(REGION_ROLES), polygon }).strict(),
  },
  updateRegion: {
    kind: 'command',
    input: z
      .object({ regionId: id, role: z.enum(REGION_ROLES).optional(), polygon: polygon.optional() })
      .strict(),
  },
  deleteRegion: { kind: 'command', input: z.object({ regionId: id }).strict() },
  reorderRegions: {
    kind: 'command',
    input: z.object({ pageId, regionIds: z.array(id).max(10_000) }).strict(),
  },
  splitRegion: {
    kind: 'command',
    input: z.object({ regionId: id, y: z.number().finite().min(0).max(1e6) }).strict(),
  },
  mergeRegions: { kind: 'command', input: z.object({ regionIds: z.array(id).min(2).max(1000) }).strict() },
  issueArticles: { kind: 'query', input: z.object({ issueId: id }).strict() },
  /** Every article of the collection, or those with one review status. */
  listArticles: {
    kind: 'query',
    input: z.object({ status: z.enum(ARTICLE_STATUSES).optional() }).strict(),
  },
  getArticle: { kind: 'query', input: z.object({ articleId: id }).strict() },
  /** The layout step on these pages: regions and articles suggested, each to accept or reject. */
  suggestLayout: { kind: 'command', input: z.object({ pageIds: z.array(id).min(1).max(10_000) }).strict() },
  acceptArticle: { kind: 'command', input: z.object({ articleId: id }).strict() },
  rejectArticle: { kind: 'command', input: z.object({ articleId: id }).strict() },
  createArticle: {
    kind: 'command',
    input: z.object({ regionIds: z.array(id).min(1).max(10_000), fields: articleFields.optional() }).strict(),
  },
  updateArticle: {
    kind: 'command',
    input: z
      .object({
        articleId: id,
        fields: articleFields.optional(),
        regionIds: z.array(id).min(1).max(10_000).optional(),
      })
      .strict(),
  },
  exportCollection: {
    kind: 'output',
    input: z
      .object({
        format: z.enum(EXPORT_FORMATS),
        pageIds: z.array(id).min(1).max(100_000).optional(),
        issueIds: z.array(id).min(1).max(100_000).optional(),
        articleIds: z.array(id).min(1).max(100_000).optional(),
        out: z.string().min(1).max(4096).optional(),
        zip: z.boolean().optional(),
        /**
         * The app in a browser: one ZIP for the browser to download (GET /downloads/<name>),
         * written where the server keeps downloads instead of a folder the user names.
         */
        download: z.boolean().optional(),
        images: z.boolean().optional(),
        /** IIIF: the URL the export folder will be published at. */
        baseUrl: z
          .string()
          .max(2000)
          .refine((u) => publicationUrlProblem(u) === null, { message: 'an http(s) URL without query' })
          .optional(),
      })
      .strict(),
  },
  previewReplace: { kind: 'query', input: replaceSpec.strict() },
  applyReplace: {
    kind: 'command',
    input: replaceSpec
      .extend({
        /** The lines to change (the accepted ones of the preview); all when absent. */
        lineIds: z.array(id).max(1_000_000).optional(),
      })
      .strict(),
  },
  appendToArticle: {
    kind: 'command',
    input: z.object({ articleId: id, regionIds: z.array(id).min(1).max(10_000) }).strict(),
  },
  /**
   * Newspaper title, issue date ('' for undated), edition or printed page number of pages after
   * import, as one recorded change; a page moves to the issue its metadata names.
   */
  editPages: {
    kind: 'command',
    input: z
      .object({
        pageIds: z.array(id).min(1).max(100_000),
        title: z.string().trim().min(1).max(200).optional(),
        date: z.union([isoDate, z.literal('')]).optional(),
        edition: z.string().trim().max(100).optional(),
        printedNumber: z.string().trim().min(1).max(20).optional(),
      })
      .strict(),
  },
  /** The newest change, of the archive or (with pageId) of what touched that page. */
  undoLast: { kind: 'command', input: z.object({ pageId: pageId.optional() }).strict() },
  redo: { kind: 'command', input: z.object({ pageId: pageId.optional() }).strict() },
} as const satisfies Record<string, { kind: MethodKind; input: z.ZodType }>;

export interface ApiOutputs {
  archiveStatus: StatusSummary;
  /** Which archive this is (drafts kept in the browser are filed under it). */
  archiveInfo: { archiveId: string };
  listPages: PageSummary[];
  pageLines: PageLines;
  listJobs: JobSummary[];
  ocrState: { state: OcrState };
  importFiles: ImportReport;
  /** Pages that already had text are skipped unless `force`: their ids, to offer a re-read. */
  queueOcr: { queued: number; skipped: number; skippedPageIds: number[] };
  reReadImpact: ReReadImpact[];
  readingChoices: ReadingChoices;
  chooseReading: ReadingChoices;
  pauseOcr: { paused: boolean };
  resumeOcr: { resumed: boolean };
  cancelOcr: { cancelled: number };
  correctLine: { changeId: number | null };
  undo: { undone: number };
  search: SearchHit[];
  setPageStatus: StatusMove;
  setArticleStatus: StatusMove;
  lineHistory: LineHistory;
  articleHistory: ArticleHistory;
  revertLine: { changeId: number | null; text: string };
  revertArticle: { changeId: number | null };
  quality: QualityReport;
  getPage: PageDetail;
  pageRegions: RegionView[];
  pageArticles: ArticleView[];
  createRegion: { regionId: number };
  updateRegion: { regionId: number };
  deleteRegion: { regionId: number };
  reorderRegions: { pageId: number };
  splitRegion: { regionIds: [number, number] };
  mergeRegions: { regionId: number };
  issueArticles: { id: number; headline: string | null; pages: PrintedPage[] }[];
  listArticles: ArticleSummary[];
  getArticle: ArticleView;
  suggestLayout: SuggestionReport;
  acceptArticle: { articleId: number };
  rejectArticle: { articleId: number };
  createArticle: { articleId: number };
  updateArticle: { articleId: number };
  exportCollection: { files: number; target: string; download?: string };
  previewReplace: { lineId: number; pageId: number; before: string; after: string; occurrences: number }[];
  applyReplace: { changeId: number | null; lines: number };
  editPages: { changeId: number | null };
  appendToArticle: { articleId: number };
  undoLast: { changeId: number | null; label: string | null };
  redo: { changeId: number | null; label: string | null };
}

export type ApiMethod = keyof typeof API;
export type ApiInput<M extends ApiMethod> = z.infer<(typeof API)[M]['input']>;
export type ApiOutput<M extends ApiMethod> = ApiOutputs[M];
export type ApiReply<M extends ApiMethod> =
  { ok: true; value: ApiOutput<M> } | { ok: false; error: ErrorInfo };

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(API, name);
}

/** Events pushed to the UI: job progress and archive changes. */
export type ApiEvent =
  | {
      type: 'ocr-progress';
      done: number;
      total: number;
      pagesPerMinute: number | null;
      etaSeconds: number | null;
    }
  | { type: 'job'; jobId: number; pageId: number; status: string; error?: string; share?: number }
  | {
      type: 'archive-changed';
      /** What changed, when the core knows: absent, anything may have (an import, a merge). */
      reach?: ChangeReach;
    };

/** The pages a change touched, which of their parts, and (for text) which lines. */
export interface ChangeReach {
  pages: number[];
  parts: PagePart[];
  lines: number[];
}

/**
 * What Electron's preload exposes as window.backfile: the same calls, answered as replies (data
 * survives the context bridge; an Error would lose its code).
 */
export interface BackfileBridge {
  invoke(method: ApiMethod, input: unknown): Promise<ApiReply<ApiMethod>>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  importDropped(
    files: readonly (Blob & { name: string })[],
    metadata: ImportMetadata,
  ): Promise<ApiReply<'importFiles'>>;
  lineImageUrl(lineId: number): string;
  pageImageUrl(pageId: number, kind: 'thumbnail' | 'tiles' | 'raster'): string;
  /** The system's folder picker; null when the user cancels it. */
  pickFolder(): Promise<string | null>;
}

/** The whole API as the renderer sees it (over the bridge in Electron, HTTP in a browser). */
export interface BackfileApi {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
  /**
   * Imports files the user dropped or picked: uploaded to the local server in a browser, by
   * their paths on disk inside Electron. Blob with a name: a File, in either world.
   */
  importDropped(files: readonly (Blob & { name: string })[], metadata: ImportMetadata): Promise<ImportReport>;
  /** URL of a line's picture, cut from its page. */
  lineImageUrl(lineId: number): string;
  /** URL of a page's image (kind: thumbnail, tiles descriptor, master raster). */
  pageImageUrl(pageId: number, kind: 'thumbnail' | 'tiles' | 'raster'): string;
  /** Electron: the system's folder picker (null when cancelled). A browser has none. */
  pickFolder?(): Promise<string | null>;
  /** A browser: where it downloads an export made for it (exportCollection with download). */
  downloadUrl?(name: string): string;
}

// The core's implementation of the API contract: one function per method, given input already
// validated against the contract's schema. Used by the Electron main process and the server.

import type { Archive } from '../archive/archive.ts';
import { getPageListing, issueNeighbours, listPages, printedPages } from '../archive/pages.ts';
import { archiveStatus } from '../archive/status.ts';
import { archiveId } from '../archive/identity.ts';
import { listJobs } from '../archive/job-queue.ts';
import { OCR_JOB } from '../jobs/ocr-runner.ts';
import { pageReading, queueOcr } from '../ocr/queue-ocr.ts';
import path from 'node:path';
import { BackfileError } from '../../shared/errors.ts';
import { importScans } from '../import/importer.ts';
import { toImportReport } from '../import/import-report.ts';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api/contract.ts';
import type { BackgroundOcr } from './background-ocr.ts';
import { correctLine } from '../text/corrections.ts';
import { applyReplacements, findReplacements } from '../text/replace.ts';
import { redoLast, undo, undoLast } from '../review/undo.ts';
import { articleView, pageArticlesView, pageLinesView, pageRegionsView } from './page-view.ts';
import { articleSummaries } from './article-list.ts';
import { suggestPages } from '../layout/suggest-pages.ts';
import { acceptSuggestion, rejectSuggestion } from '../articles/suggestions.ts';
import {
  createRegion,
  deleteRegion,
  mergeRegions,
  reorderRegions,
  splitRegion,
  updateRegion,
} from '../articles/regions.ts';
import { createArticle, getArticle, listArticles, updateArticle } from '../articles/articles.ts';
import { assembleArticle } from '../articles/assemble.ts';
import type { PageListing } from '../archive/pages.ts';
import { defaultExportTarget, exportCollection } from '../export/export-collection.ts';
import type { PageSummary } from '../../shared/api/contract.ts';
import { localUser } from '../archive/local-user.ts';
import { searchLines } from '../archive/line-search.ts';
import { setArticleStatus, setPageStatus } from '../review/status.ts';
import { updatePagesMetadata } from '../archive/page-metadata.ts';
import { reReadImpact } from '../ocr/re-read.ts';
import { chooseReading, readingChoices } from '../ocr/reading-choice.ts';
import { articleHistory, lineHistory, revertArticle, revertLine } from '../review/versions.ts';
import { qualityReport } from '../review/quality.ts';

function toPageSummary(p: PageListing): PageSummary {
  return {
    id: p.id,
    issueId: p.issueId,
    titleId: p.titleId,
    title: p.title,
    date: p.date,
    sequence: p.sequence,
    printedNumber: p.printedNumber,
    width: p.width,
    height: p.height,
    sourceName: p.sourceName,
    textSource: p.textSource,
    status: p.status,
  };
}

export type Handlers = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>> | ApiOutput<M> };

export interface HandlerOptions {
  /** Where a browser's downloads wait until it fetches them; none: the app cannot download. */
  downloads?: string;
}

export function createHandlers(archive: Archive, ocr: BackgroundOcr, options: HandlerOptions = {}): Handlers {
  // Read on every call: `backfile user NAME` may set the name while the app runs.
  const user = () => localUser(archive.db);
  return {
    archiveStatus: () => archiveStatus(archive.reader),
    archiveInfo: () => ({ archiveId: archiveId(archive.reader) }),
    listPages: ({ issueId, pageIds }) =>
      // A view updating the pages a change reached reads those, not the whole collection.
      (pageIds
        ? pageIds.flatMap((id) => getPageListing(archive.reader, id) ?? [])
        : listPages(archive.reader, { issueId })
      ).map(toPageSummary),
    getPage: ({ pageId }) => {
      const page = getPageListing(archive.reader, pageId);
      if (!page) throw new BackfileError('not-found', `Page ${pageId} is not in the archive.`);
      return {
        ...toPageSummary(page),
        ...pageReading(archive.reader, pageId),
        ...issueNeighbours(archive.reader, pageId),
      };
    },
    pageLines: ({ pageId, lineIds }) => pageLinesView(archive.reader, pageId, lineIds),
    pageRegions: ({ pageId }) => pageRegionsView(archive.reader, pageId),
    pageArticles: ({ pageId }) => pageArticlesView(archive.reader, pageId),
    createRegion: ({ pageId, role, polygon }) => ({
      regionId: createRegion(archive.db, pageId, role, polygon, user()),
    }),
    updateRegion: ({ regionId, role, polygon }) => {
      updateRegion(archive.db, regionId, { role, polygon }, user());
      return { regionId };
    },
    deleteRegion: ({ regionId }) => {
      deleteRegion(archive.db, regionId, user());
      return { regionId };
    },
    reorderRegions: ({ pageId, regionIds }) => {
      reorderRegions(archive.db, pageId, regionIds, user());
      return { pageId };
    },
    splitRegion: ({ regionId, y }) => ({
      regionIds: splitRegion(archive.db, regionId, Math.round(y), user()),
    }),
    mergeRegions: ({ regionIds }) => ({ regionId: mergeRegions(archive.db, regionIds, user()) }),
    issueArticles: ({ issueId }) =>
      listArticles(archive.reader, issueId).map((a) => {
        const assembled = assembleArticle(archive.reader, a.id);
        return {
          id: a.id,
          headline: assembled.headline,
          pages: printedPages(archive.reader, assembled.pages),
        };
      }),
    listArticles: ({ status }) => articleSummaries(archive.reader, { status }),
    getArticle: ({ articleId }) => articleView(archive.reader, articleId),
    suggestLayout: async ({ pageIds }) => {
      const run = await suggestPages(archive, pageIds);
      return { pages: run.pages, linked: run.linked };
    },
    acceptArticle: ({ articleId }) => {
      acceptSuggestion(archive.db, articleId, user());
      return { articleId };
    },
    rejectArticle: ({ articleId }) => {
      rejectSuggestion(archive.db, articleId, user());
      return { articleId };
    },
    createArticle: ({ regionIds, fields }) => ({
      articleId: createArticle(archive.db, regionIds, fields ?? {}, user()),
    }),
    updateArticle: ({ articleId, fields, regionIds }) => {
      updateArticle(archive.db, articleId, { fields, regionIds }, user());
      return { articleId };
    },
    exportCollection: async ({ out, zip, download, ...request }) => {
      if (!download)
        return exportCollection(archive, {
          ...request,
          zip,
          out: fullPath(out ?? defaultExportTarget(request.format, zip ?? false)),
        });
      if (!options.downloads)
        throw new BackfileError('invalid-input', 'This app writes exports to a folder; choose one.', {
          reason: 'download-unavailable',
        });
      if (out !== undefined)
        throw new BackfileError('invalid-input', 'A download is not written to a folder.');
      const name = path.basename(defaultExportTarget(request.format, true));
      const result = await exportCollection(archive, {
        ...request,
        zip: true,
        out: path.join(options.downloads, name),
      });
      return { ...result, download: name };
    },
    previewReplace: (spec) => findReplacements(archive.reader, spec),
    applyReplace: ({ lineIds, ...spec }) =>
      applyReplacements(archive.db, spec, user(), lineIds ? new Set(lineIds) : undefined),
    appendToArticle: ({ articleId, regionIds }) => {
      // Continuing an article (on this page or a later one): its parts, then the new regions.
      const current = getArticle(archive.db, articleId).regionIds;
      updateArticle(
        archive.db,
        articleId,
        { regionIds: [...current, ...regionIds.filter((r) => !current.includes(r))] },
        user(),
      );
      return { articleId };
    },
    editPages: ({ pageIds, ...change }) => ({
      changeId: updatePagesMetadata(archive.db, pageIds, change, user()),
    }),
    undoLast: ({ pageId }) => undoLast(archive.db, user(), { pageId }),
    redo: ({ pageId }) => redoLast(archive.db, { pageId }),
    listJobs: () =>
      listJobs(archive.reader, OCR_JOB).map((j) => ({
        id: j.id,
        pageId: j.pageId,
        status: j.status,
        attempts: j.attempts,
        error: j.error,
        errorCode: j.errorCode,
      })),
    importFiles: async ({ paths, ...metadata }) => {
      const relative = paths.find((p) => !path.isAbsolute(p));
      if (relative) throw new BackfileError('invalid-input', `Give files by their full path (${relative}).`);
      return toImportReport(await importScans(archive, paths, metadata));
    },
    readingChoices: () => readingChoices(archive.reader),
    chooseReading: ({ scope, engine, languages }) => {
      chooseReading(archive.db, scope, { engine, languages });
      return readingChoices(archive.reader);
    },
    queueOcr: ({ pageIds, languages, force, confirmed, engine }) => {
      const { queued, skipped } = queueOcr(archive, {
        scope: { pages: pageIds },
        languages,
        force,
        confirmed,
        engine,
      });
      ocr.start();
      return { queued: queued.length, skipped: skipped.length, skippedPageIds: skipped.map((s) => s.pageId) };
    },
    reReadImpact: ({ pageIds }) => reReadImpact(archive.db, pageIds),
    pauseOcr: async () => ({ paused: await ocr.pause() }),
    ocrState: () => ({ state: ocr.state() }),
    resumeOcr: () => {
      ocr.start();
      return { resumed: true };
    },
    cancelOcr: async ({ jobIds }) => ({ cancelled: await ocr.cancel(jobIds) }),
    correctLine: ({ lineId, text }) => correctLine(archive.db, lineId, text, user()),
    undo: ({ changeId }) => {
      undo(archive.db, changeId, user());
      return { undone: changeId };
    },
    search: ({ query, ...filters }) => searchLines(archive.reader, query, filters),
    setPageStatus: ({ pageId, status, reason }) => setPageStatus(archive.db, pageId, status, reason, user()),
    setArticleStatus: ({ articleId, status, reason }) =>
      setArticleStatus(archive.db, articleId, status, reason, user()),
    lineHistory: ({ lineId }) => lineHistory(archive.reader, lineId),
    articleHistory: ({ articleId }) => articleHistory(archive.reader, articleId),
    revertLine: ({ lineId, toChangeId }) => revertLine(archive.db, lineId, toChangeId, user()),
    revertArticle: ({ articleId, toChangeId }) => revertArticle(archive.db, articleId, toChangeId, user()),
    quality: ({ title }) => qualityReport(archive.reader, { title }),
  };
}

/** The app names folders by their full path: the server's working folder means nothing to it. */
function fullPath(out: string): string {
  if (!path.isAbsolute(out))
    throw new BackfileError('invalid-input', 'Give the export folder as a full path.', {
      reason: 'export-full-path',
    });
  return out;
}

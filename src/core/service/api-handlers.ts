// The core's implementation of the API contract: one function per method, given input already
// validated against the contract's schema. Used by the Electron main process and the server.

import type { Archive } from '../archive/archive.ts';
import { listPages } from '../archive/pages.ts';
import { archiveStatus } from '../archive/status.ts';
import { listJobs } from '../jobs/job-queue.ts';
import { OCR_JOB } from '../jobs/ocr-runner.ts';
import { queueOcr } from '../ocr/ocr-service.ts';
import { BackfileError } from '../../shared/errors.ts';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api/contract.ts';
import type { OcrService } from './ocr-background.ts';
import { correctLine } from '../text/corrections.ts';
import { undo } from '../articles/undo.ts';
import { localUser } from '../archive/local-user.ts';
import { searchLines } from '../search/search.ts';
import { setArticleStatus, setPageStatus } from '../review/status.ts';
import { articleHistory, lineHistory, revertArticle, revertLine } from '../review/versions.ts';
import { qualityReport } from '../review/quality.ts';

export type Handlers = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutput<M>> | ApiOutput<M> };

export function createHandlers(archive: Archive, ocr: OcrService): Handlers {
  // Read on every call: `backfile user NAME` may set the name while the app runs.
  const user = () => localUser(archive.db);
  return {
    archiveStatus: () => archiveStatus(archive.db),
    listPages: () =>
      listPages(archive.db).map((p) => ({
        id: p.id,
        title: p.title,
        date: p.date,
        sequence: p.sequence,
        printedNumber: p.printedNumber,
        width: p.width,
        height: p.height,
        sourceName: p.sourceName,
        textSource: p.textSource,
        status: p.status,
      })),
    pageLines: ({ pageId }) => {
      const page = archive.db.prepare('SELECT width, height FROM pages WHERE id = ?').get(pageId) as
        { width: number; height: number } | undefined;
      if (!page) throw new BackfileError('not-found', `Page ${pageId} is not in the archive.`);
      const lines = archive.db
        .prepare(
          'SELECT id, text, confidence, x0, y0, x1, y1 FROM lines WHERE page_id = ? ORDER BY position, id',
        )
        .all(pageId) as {
        id: number;
        text: string;
        confidence: number | null;
        x0: number;
        y0: number;
        x1: number;
        y1: number;
      }[];
      return {
        pageId,
        ...page,
        lines: lines.map((l) => ({
          id: l.id,
          text: l.text,
          confidence: l.confidence,
          box: { x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1 },
        })),
      };
    },
    listJobs: () =>
      listJobs(archive.db, OCR_JOB).map((j) => ({
        id: j.id,
        pageId: j.pageId,
        status: j.status,
        attempts: j.attempts,
        error: j.error,
      })),
    queueOcr: ({ pageIds, languages, force }) => {
      const { queued, skipped } = queueOcr(archive, { scope: { pages: pageIds }, languages, force });
      ocr.start();
      return { queued: queued.length, skipped: skipped.length };
    },
    pauseOcr: async () => ({ paused: await ocr.pause() }),
    correctLine: ({ lineId, text }) => correctLine(archive.db, lineId, text, user()),
    undo: ({ changeId }) => {
      undo(archive.db, changeId, user());
      return { undone: changeId };
    },
    search: ({ query, ...filters }) => searchLines(archive.db, query, filters),
    setPageStatus: ({ pageId, status, reason }) => setPageStatus(archive.db, pageId, status, reason, user()),
    setArticleStatus: ({ articleId, status, reason }) =>
      setArticleStatus(archive.db, articleId, status, reason, user()),
    lineHistory: ({ lineId }) => lineHistory(archive.db, lineId),
    articleHistory: ({ articleId }) => articleHistory(archive.db, articleId),
    revertLine: ({ lineId, toChangeId }) => revertLine(archive.db, lineId, toChangeId, user()),
    revertArticle: ({ articleId, toChangeId }) => revertArticle(archive.db, articleId, toChangeId, user()),
    quality: ({ title }) => qualityReport(archive.db, { title }),
  };
}

// The core as the UI reaches it: one archive, its OCR service, the API handlers and the one
// dispatch in front of them, plus the two binary answers that are not JSON calls (a line's
// picture, a page image's file). The local server holds one in its process; Electron holds
// one in its core process (core-process.ts), away from the window's thread.

import type { Archive } from '../archive/archive.ts';
import type { ApiEvent } from '../../shared/api/contract.ts';
import { createHandlers, type HandlerOptions } from './api-handlers.ts';
import { createDispatch, type Dispatch } from './dispatch.ts';
import { changeEvent } from './change-events.ts';
import { newestChangeId } from '../archive/history.ts';
import { lineImage } from './line-image.ts';
import { createBackgroundOcr, type BackgroundOcr } from './background-ocr.ts';
import { pageImageFile, type PageImageKind } from './page-images.ts';

export interface Core {
  dispatch: Dispatch;
  lineImage(lineId: number): Promise<Buffer | null>;
  pageImageFile(pageId: number, kind: PageImageKind, tilePath?: string): string | null;
  ocr: BackgroundOcr;
  /** Settles the page under way (paused, not lost), then stops. The archive stays open. */
  stop(): Promise<void>;
}

export function createCore(
  archive: Archive,
  emit: (event: ApiEvent) => void,
  options: { workers?: number } & HandlerOptions = {},
): Core {
  const ocr = createBackgroundOcr(archive, emit, options.workers);
  return {
    dispatch: createDispatch(createHandlers(archive, ocr, { downloads: options.downloads }), emit, {
      mark: () => newestChangeId(archive.reader),
      event: (mark, value) => changeEvent(archive.reader, mark, value),
    }),
    lineImage: (lineId) => lineImage(archive, lineId),
    pageImageFile: (pageId, kind, tilePath) => pageImageFile(archive, pageId, kind, tilePath),
    ocr,
    async stop() {
      await ocr.pause();
    },
  };
}

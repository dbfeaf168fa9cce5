// The event a command sends when it is done: what it changed, as far as the history says, so a
// view reloads only that (the lines a correction touched, not the whole page; nothing for a
// window on another page). A change the history cannot place, or a command that records none
// (an import, a merge), sends the plain event, and every view reloads what it shows.

import type { ReadableDB } from '../archive/db-handles.ts';
import { changeReach, changesSince } from '../archive/history.ts';
import type { ApiEvent } from '../../shared/api/contract.ts';
import { PAGE_PARTS, type PagePart } from '../../shared/model.ts';
import type { Entity } from '../../shared/history.ts';

/** Which parts of a page an edit of each kind can change. */
const PARTS: Record<Entity, PagePart[]> = {
  page: ['page'],
  line: ['lines'],
  word: ['lines'],
  // A region carries lines and belongs to an article.
  region: ['regions', 'lines', 'articles'],
  article: ['articles', 'regions'],
  photo: ['articles', 'regions'],
};

export function changeEvent(db: ReadableDB, sinceId: number, value: unknown): ApiEvent {
  const ids = new Set(changesSince(db, sinceId));
  // Undo and redo flip an older change: the reply names it.
  const named = (value as { changeId?: unknown } | null)?.changeId;
  if (typeof named === 'number') ids.add(named);
  const reach = ids.size > 0 ? changeReach(db, [...ids]) : null;
  if (!reach) return { type: 'archive-changed' };
  const parts = new Set(reach.entities.flatMap((e) => PARTS[e]));
  // The lines by id only when text alone changed (a region's edit moves lines about).
  const textOnly = reach.entities.every((e) => e === 'line' || e === 'page');
  return {
    type: 'archive-changed',
    reach: { pages: reach.pages, parts: [...parts], lines: textOnly ? reach.lines : [] },
  };
}

/** A page read by OCR: everything on it is new. */
export const pageReadEvent = (pageId: number): ApiEvent => ({
  type: 'archive-changed',
  reach: { pages: [pageId], parts: [...PAGE_PARTS], lines: [] },
});

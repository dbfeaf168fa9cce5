// What reading a page with OCR does to what is already there. The first reading of a page just
// stores its text. Reading a page again (a new engine, a new language) is one recorded change:
// - every line a person corrected stays, and no machine line is put where one stands;
// - the other lines are replaced, and the change keeps them, so one undo brings them back;
// - lines are assigned to the page's regions again, so articles keep their parts and read the
//   new text;
// - a page or article that was further than "in correction" goes back to "in correction" (or to
//   "OCR'd" when no correction is left), with the reason, since its text is no longer what was
//   checked.
// reReadImpact says all this before the user asks for it.

import type { WritableDB } from '../archive/db-handles.ts';
import { recordChange, type Edit } from '../archive/history.ts';
import { machineText, restoreMachineText, savePageText, type MachineText } from '../archive/page-text.ts';
import { moveStatus } from '../review/status.ts';
import { correctedLineCount, pageLineCount } from '../archive/line-rows.ts';
import { readStatus } from '../archive/status-columns.ts';
import { pageArticleIds } from '../archive/article-rows.ts';
import { PAGE_STATUSES, ARTICLE_STATUSES, type PageText } from '../../shared/model.ts';
import { pageStatusAfterReRead, type ReReadImpact } from '../../shared/re-read.ts';

export type { ReReadImpact };

const pageStatus = (db: WritableDB, pageId: number) => readStatus(db, 'page', pageId)!.status;

function pageArticles(db: WritableDB, pageId: number): { id: number; status: string }[] {
  return pageArticleIds(db, pageId).map((id) => ({ id, status: readStatus(db, 'article', id)!.status }));
}

const beyond = (order: readonly string[], status: string, step: string) =>
  order.indexOf(status) > order.indexOf(step);

/** The pages among `pageIds` where reading again touches human work, and how. A page without
 * text has nothing to lose: its first reading fills the regions drawn on it. */
export function reReadImpact(db: WritableDB, pageIds: readonly number[]): ReReadImpact[] {
  return pageIds
    .filter((pageId) => pageLineCount(db, pageId) > 0)
    .map((pageId) => ({
      pageId,
      status: pageStatus(db, pageId),
      correctedLines: correctedLineCount(db, pageId),
      articles: pageArticles(db, pageId).length,
    }))
    .filter((i) => i.correctedLines > 0 || i.articles > 0 || beyond(PAGE_STATUSES, i.status, 'ocr'));
}

/** One sentence per page for the user, before a re-read. */
export function describeReReadImpact(impact: readonly ReReadImpact[]): string[] {
  return impact.map((i) => {
    const parts = [`page ${i.pageId}:`];
    if (i.correctedLines > 0) parts.push(`${i.correctedLines} corrected lines are kept;`);
    parts.push('every other line is read again;');
    if (i.articles > 0) parts.push(`${i.articles} articles take the new text;`);
    const back = pageStatusAfterReRead(i.status, i.correctedLines);
    if (back && i.status !== 'imported') parts.push(`the page goes back from ${i.status} to ${back};`);
    parts.push('one undo takes it back.');
    return parts.join(' ');
  });
}

/**
 * Stores an engine's reading of a page (inside the caller's transaction). Returns the recorded
 * change when the page had text before, null for a first reading.
 */
export function storePageReading(
  db: WritableDB,
  pageId: number,
  text: PageText,
  user: string,
): { changeId: number | null } {
  const before = machineText(db, pageId);
  const hadText = before.lines.length > 0 || correctedLineCount(db, pageId) > 0;
  savePageText(db, pageId, text);
  const status = pageStatus(db, pageId);
  if (!hadText) {
    // A first reading is the machine's, not a person's work: nothing to undo to.
    if (status === 'imported') moveStatus(db, 'page', pageId, 'ocr', undefined);
    return { changeId: null };
  }
  const engine = text.source.engine || text.source.kind;
  const reason = `read again with ${engine}`;
  const edits: Edit[] = [
    {
      entity: 'page',
      entityId: pageId,
      field: 'text',
      before: JSON.stringify(before),
      after: JSON.stringify(machineText(db, pageId)),
    },
  ];
  const target = pageStatusAfterReRead(status, correctedLineCount(db, pageId));
  if (target) edits.push(...moveStatus(db, 'page', pageId, target, reason).edits);
  for (const article of pageArticles(db, pageId))
    if (beyond(ARTICLE_STATUSES, article.status, 'in_correction'))
      edits.push(...moveStatus(db, 'article', article.id, 'in_correction', reason).edits);
  return { changeId: recordChange(db, `read page ${pageId} again with ${engine}`, user, edits) };
}

/** Undo (and redo) of a re-read: the page's machine text as it was. */
export function revertPageTextEdit(db: WritableDB, edit: Edit): void {
  restoreMachineText(
    db,
    edit.entityId,
    JSON.parse(edit.before ?? '{"textSource":null,"blocks":[],"lines":[]}') as MachineText,
  );
}

// The review workflow: a page or an article moves forward through its statuses (new → … →
// approved); moving it back needs a reason, which is kept with it and in the history. Each move
// is a recorded change, so it shows in the history and one undo takes it back.

import type { WritableDB } from '../archive/db-handles.ts';
import { recordChange, type Edit } from '../archive/history.ts';
import { BackfileError, type ReasonParams } from '../../shared/errors.ts';
import type { StatusMove } from '../../shared/api/contract.ts';
import { ARTICLE_STATUSES, PAGE_STATUSES, type ArticleStatus, type PageStatus } from '../../shared/model.ts';
import { readStatus, writeStatus, writeStatusField, type StatusEntity } from '../archive/status-columns.ts';
import { pageLineCount } from '../archive/line-rows.ts';

export const MAX_REASON_LENGTH = 500;

export type { StatusMove };

/** A refused move: the core's sentence, and for the one a reviewer meets its named reason. */
interface Refusal {
  message: string;
  reason?: string;
  params?: ReasonParams;
}

const asRefusal = (message: string | null): Refusal | null => (message === null ? null : { message });

/** Why a move is refused, or null when it is allowed. Pure. */
export function refuseMove(
  order: readonly string[],
  from: string,
  to: string,
  reason: string | undefined,
): Refusal | null {
  if (!order.includes(to)) return { message: `Unknown status "${to}" (one of ${order.join(', ')}).` };
  const back = order.indexOf(to) < order.indexOf(from);
  // Moving back without a reason is the refusal a reviewer meets: the UI says it in its language.
  if (back && !reason?.trim())
    return {
      message: `Moving back from ${from} to ${to} needs a reason (what is wrong, what to do).`,
      reason: 'status-needs-reason',
      params: { from, to },
    };
  if (reason && reason.length > MAX_REASON_LENGTH)
    return { message: `A reason holds at most ${MAX_REASON_LENGTH} characters.` };
  return null;
}

/**
 * THE way a status changes: checks the move, writes it and returns its edits, which the caller
 * records in its own change (a status move alone, a correction, a re-read), so that one undo
 * takes back the move with what caused it. Nothing else writes a status column.
 */
export function moveStatus(
  db: WritableDB,
  entity: StatusEntity,
  id: number,
  to: string,
  reason: string | undefined,
  precondition?: (from: string) => string | null,
): { from: string; edits: Edit[] } {
  const order = entity === 'page' ? PAGE_STATUSES : ARTICLE_STATUSES;
  const row = readStatus(db, entity, id);
  if (!row) throw new BackfileError('not-found', `No ${entity} ${id}.`);
  const refusal = refuseMove(order, row.status, to, reason) ?? asRefusal(precondition?.(row.status) ?? null);
  if (refusal)
    throw new BackfileError('invalid-input', `${entity} ${id}: ${refusal.message}`, {
      reason: refusal.reason,
      params: refusal.params,
    });
  const nextReason = reason?.trim() || null;
  if (row.status === to && row.reason === nextReason) return { from: row.status, edits: [] };
  writeStatus(db, entity, id, to, nextReason);
  return {
    from: row.status,
    edits: [
      { entity, entityId: id, field: 'status', before: row.status, after: to },
      { entity, entityId: id, field: 'status_reason', before: row.reason, after: nextReason },
    ],
  };
}

function move(
  db: WritableDB,
  entity: StatusEntity,
  id: number,
  to: string,
  reason: string | undefined,
  user: string,
  precondition?: (from: string) => string | null,
): StatusMove {
  return db
    .transaction((): StatusMove => {
      const { from, edits } = moveStatus(db, entity, id, to, reason, precondition);
      if (edits.length === 0) return { from, to, changeId: null };
      const changeId = recordChange(db, `${entity} ${from} → ${to}`, user, edits);
      return { from, to, changeId };
    })
    .immediate();
}

export function setPageStatus(
  db: WritableDB,
  pageId: number,
  to: PageStatus,
  reason: string | undefined,
  user: string,
): StatusMove {
  return move(db, 'page', pageId, to, reason, user, () => {
    if (to === 'imported') return null;
    return pageLineCount(db, pageId) === 0
      ? 'the page has no text yet: run OCR or import its text first.'
      : null;
  });
}

export function setArticleStatus(
  db: WritableDB,
  articleId: number,
  to: ArticleStatus,
  reason: string | undefined,
  user: string,
): StatusMove {
  return move(db, 'article', articleId, to, reason, user);
}

/** Undo of a status edit: the status (or reason) as it was. */
export function revertStatusEdit(db: WritableDB, edit: Edit): void {
  writeStatusField(
    db,
    edit.entity as StatusEntity,
    edit.entityId,
    edit.field === 'status' ? 'status' : 'status_reason',
    edit.before,
  );
}

export const STATUS_FIELDS: readonly string[] = ['status', 'status_reason'];

// Full-text search over the archive's lines, with filters (title, date range, page status,
// region role), ranking (bm25) and the hits marked in each line. Traditional and simplified forms
// are one unless the search asks for the form typed only (`variants: false`).

import type { ReadableDB } from './db-handles.ts';
import type { SearchHit } from '../../shared/search.ts';
import type { PageStatus, RegionRole } from '../../shared/model.ts';
import { markHits, parseQuery } from '../search/query.ts';

export type { SearchHit };

/** How many matches are ranked at most when a query matches very many lines. */
export const RANK_CAP = 500;

export interface SearchFilters {
  title?: string;
  from?: string; // YYYY-MM-DD, inclusive
  to?: string;
  status?: PageStatus;
  role?: RegionRole;
  limit?: number;
  /** Traditional and simplified forms count as one (the default); false: the form typed only. */
  variants?: boolean;
}

interface HitRow {
  line_id: number;
  page_id: number;
  title: string;
  date: string;
  sequence: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const FILTER_CLAUSES: readonly [Exclude<keyof SearchFilters, 'limit' | 'variants'>, string][] = [
  ['title', 't.name = @title'],
  ['from', "i.issue_date <> '' AND i.issue_date >= @from"],
  ['to', "i.issue_date <> '' AND i.issue_date <= @to"],
  ['status', 'p.status = @status'],
  ['role', 'r.role = @role'],
];

export function searchLines(db: ReadableDB, query: string, filters: SearchFilters = {}): SearchHit[] {
  const parsed = parseQuery(query);
  const table = `line_${parsed.index}`;
  const where: string[] = [`${table} MATCH @match`];
  const params: Record<string, unknown> = {
    match: parsed.match,
    limit: Math.min(Math.max(filters.limit ?? 50, 1), 1000),
  };
  for (const [key, clause] of FILTER_CLAUSES) {
    if (!filters[key]) continue;
    where.push(clause);
    params[key] = filters[key];
  }
  const variants = filters.variants ?? true;
  if (!variants) {
    // The indexes find every form; the line itself must hold the form typed.
    where.push('backfile_holds_terms(l.text, @terms) = 1');
    params.terms = JSON.stringify(parsed.terms);
  }
  // A query that matches a great many lines (a common character in a large archive) is ranked
  // among its newest CAP matches only: ranking every match of 的 in a million articles takes
  // seconds (bench/search). FTS5 streams matches newest first cheaply, and scoring them in that
  // same pass is 2.7× faster than a second pass from a rowid floor (18 vs 48 ms for 的 at a
  // million lines). Never fewer candidates than the hits asked for. With filters the whole match
  // set is ranked, so that a filter never hides older hits.
  const unfiltered = where.length === 1;
  params.cap = Math.max(RANK_CAP, params.limit as number);
  const candidates = unfiltered
    ? `(SELECT rowid AS id, bm25(${table}) AS score FROM ${table} WHERE ${table} MATCH @match
        ORDER BY rowid DESC LIMIT @cap)`
    : `(SELECT rowid AS id, bm25(${table}) AS score FROM ${table} WHERE ${table} MATCH @match)`;
  const rows = db
    .prepare(
      `SELECT l.id AS line_id, l.page_id, t.name AS title, i.issue_date AS date, p.sequence, l.text, l.x0, l.y0, l.x1, l.y1
       FROM ${candidates} c
       JOIN lines l ON l.id = c.id
       JOIN pages p ON p.id = l.page_id
       JOIN issues i ON i.id = p.issue_id
       JOIN titles t ON t.id = i.title_id
       LEFT JOIN regions r ON r.id = l.region_id
       WHERE ${['1', ...where.slice(1)].join(' AND ')}
       ORDER BY c.score, i.issue_date, p.sequence, l.position
       LIMIT @limit`,
    )
    .all(params) as HitRow[];
  return rows.map((r) => ({
    lineId: r.line_id,
    pageId: r.page_id,
    title: r.title,
    date: r.date,
    sequence: r.sequence,
    text: r.text,
    marked: markHits(r.text, parsed.terms, { variants }),
    box: { x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1 },
  }));
}

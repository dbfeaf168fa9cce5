// Counts for `backfile status` and the library view.

import type { ReadableDB } from './db-handles.ts';
import { ARTICLE_STATUSES, PAGE_STATUSES, type ArticleStatus, type PageStatus } from '../../shared/model.ts';
import type { StatusSummary } from '../../shared/api/contract.ts';

export type ArchiveStatus = StatusSummary;

export function archiveStatus(db: ReadableDB): ArchiveStatus {
  const titles = db
    .prepare(
      `SELECT t.name, COUNT(DISTINCT i.id) AS issues, COUNT(p.id) AS pages
       FROM titles t LEFT JOIN issues i ON i.title_id = t.id LEFT JOIN pages p ON p.issue_id = i.id
       GROUP BY t.id ORDER BY t.name`,
    )
    .all() as ArchiveStatus['titles'];
  const pagesByStatus = Object.fromEntries(PAGE_STATUSES.map((s) => [s, 0])) as Record<PageStatus, number>;
  for (const row of db.prepare('SELECT status, COUNT(*) AS n FROM pages GROUP BY status').all() as {
    status: PageStatus;
    n: number;
  }[]) {
    pagesByStatus[row.status] = row.n;
  }
  const articlesByStatus = Object.fromEntries(ARTICLE_STATUSES.map((s) => [s, 0])) as Record<
    ArticleStatus,
    number
  >;
  for (const row of db.prepare('SELECT status, COUNT(*) AS n FROM articles GROUP BY status').all() as {
    status: ArticleStatus;
    n: number;
  }[]) {
    articlesByStatus[row.status] = row.n;
  }
  // A failure stays listed until the same path is imported (or found a duplicate) later.
  const failures = db
    .prepare(
      `SELECT l.path, l.error_code AS code, l.message, l.at FROM import_log l
       WHERE l.outcome = 'failed' AND l.id = (SELECT MAX(id) FROM import_log WHERE path = l.path)
       ORDER BY l.id`,
    )
    .all() as ArchiveStatus['failures'];
  return {
    titles,
    issues: (db.prepare('SELECT COUNT(*) AS n FROM issues').get() as { n: number }).n,
    pages: (db.prepare('SELECT COUNT(*) AS n FROM pages').get() as { n: number }).n,
    pagesByStatus,
    articlesByStatus,
    failures,
  };
}

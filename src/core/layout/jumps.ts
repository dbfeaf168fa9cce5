// Links the parts of a story that jumps: "（下转第2版）" at the end of a part on page 1 and
// "（上接第1版）" under the repeated headline on page 2 (or "Continued on page 2" / "Continued from
// page 1") make one article. Only suggestions are linked: an article a person made or accepted
// is theirs, and linking it is theirs to do.

import type { Archive } from '../archive/archive.ts';
import { joinSuggestedArticles } from '../articles/articles.ts';
import { bagOfCharactersF1 } from '../../shared/text/error-rate.ts';
import { readJumpLine } from './jump-lines.ts';
import { suggestedJumpRegions } from '../archive/article-rows.ts';
import { regionLines } from '../archive/line-rows.ts';

export { readJumpLine };

export interface JumpPart {
  article: number;
  /** Printed page number of the part. */
  page: number;
  /** The page it continues on, and the page it is continued from, as the jump lines say. */
  to: number | null;
  from: number | null;
  headline: string;
}

/**
 * Pairs each part that continues elsewhere with the part that says where it came from, on the
 * page it names; where several could be the one, the repeated headline decides.
 */
export function matchJumps(parts: readonly JumpPart[]): [number, number][] {
  const pairs: [number, number][] = [];
  const taken = new Set<number>();
  for (const part of parts) {
    if (part.to === null) continue;
    const candidates = parts.filter(
      (p) => p !== part && p.page === part.to && p.from === part.page && !taken.has(p.article),
    );
    const best = candidates
      .map((c) => ({ c, score: bagOfCharactersF1(c.headline, part.headline).f1 }))
      .sort((a, b) => b.score - a.score)[0];
    if (!best) continue;
    taken.add(best.c.article);
    pairs.push([part.article, best.c.article]);
  }
  return pairs;
}

/** Links the issue's suggested article parts that jump between its pages. */
export function linkIssueJumps(archive: Archive, issueId: number, user = 'backfile segment'): number {
  const rows = suggestedJumpRegions(archive.db, issueId);
  const parts = new Map<number, JumpPart>();
  for (const row of rows) {
    const part = parts.get(row.article) ?? {
      article: row.article,
      page: row.page,
      to: null,
      from: null,
      headline: '',
    };
    // A headline or jump line set over two lines reads as one.
    const text = regionLines(archive.db, row.region)
      .map((l) => l.text)
      .join('');
    if (row.role === 'headline') part.headline += text;
    else {
      const jump = readJumpLine(text);
      part.to ??= jump.to ?? null;
      part.from ??= jump.from ?? null;
    }
    parts.set(row.article, part);
  }
  const pairs = matchJumps([...parts.values()]);
  // A story may jump twice (1 → 2 → 3): follow each chain from its start.
  const next = new Map(pairs);
  const continued = new Set(pairs.map(([, b]) => b));
  let linked = 0;
  for (const [start] of pairs) {
    if (continued.has(start)) continue;
    for (let b = next.get(start); b !== undefined; b = next.get(b)) {
      joinSuggestedArticles(archive.db, start, b, user);
      linked++;
    }
  }
  return linked;
}

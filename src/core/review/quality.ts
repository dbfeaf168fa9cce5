// Quality figures: how good the original OCR was, measured against what people corrected it to
// (character and word error rate of each line's original text against its current text), and
// which pages still need attention. Error rates only mean something on text someone has checked,
// so summaries count verified pages (corrected, reviewed, approved) only.

import type { ReadableDB, WritableDB } from '../archive/db-handles.ts';
import { LOW_CONFIDENCE, VERIFIED_STATUSES } from '../../shared/model.ts';
import { editDistance } from '../../shared/text/error-rate.ts';
import { qualityLines, qualityPages, type QualityLineRow } from '../archive/quality-rows.ts';
import type { PageQuality, QualityFigures, QualityReport, QualitySummary } from '../../shared/quality.ts';

/** Running sums from which the figures are derived. */
interface Tally {
  lines: number;
  correctedLines: number;
  characters: number;
  charErrors: number;
  words: number;
  wordErrors: number;
  scored: number;
  confidenceSum: number;
  low: number;
}

const emptyTally = (): Tally => ({
  lines: 0,
  correctedLines: 0,
  characters: 0,
  charErrors: 0,
  words: 0,
  wordErrors: 0,
  scored: 0,
  confidenceSum: 0,
  low: 0,
});

function add(into: Tally, t: Tally): void {
  for (const k of Object.keys(into) as (keyof Tally)[]) into[k] += t[k];
}

function figures(t: Tally): QualityFigures {
  return {
    lines: t.lines,
    correctedLines: t.correctedLines,
    characters: t.characters,
    cer: t.characters ? t.charErrors / t.characters : 0,
    wer: t.words ? t.wordErrors / t.words : 0,
    meanConfidence: t.scored ? t.confidenceSum / t.scored : null,
    lowConfidenceShare: t.scored ? t.low / t.scored : null,
  };
}

const chars = (s: string) => [...s.replace(/\s+/gu, '')];
const words = (s: string) => s.split(/\s+/u).filter(Boolean);

/** One line's contribution: edit distances of its original against its current text. */
export function lineTally(original: string, current: string, scores: readonly number[]): Tally {
  const changed = original !== current;
  const cur = chars(current);
  const curWords = words(current);
  return {
    lines: 1,
    correctedLines: changed ? 1 : 0,
    characters: cur.length,
    charErrors: changed ? editDistance(chars(original), cur) : 0,
    words: curWords.length,
    wordErrors: changed ? editDistance(words(original), curWords) : 0,
    scored: scores.length,
    confidenceSum: scores.reduce((a, b) => a + b, 0),
    low: scores.filter((c) => c < LOW_CONFIDENCE).length,
  };
}

/**
 * A page needs attention when nobody has checked it yet and the engine was unsure of it (more
 * than one word in ten below LOW_CONFIDENCE), or when someone sent it back with a reason.
 */
export function needsAttention(
  page: { verified: boolean; statusReason: string | null },
  f: QualityFigures,
): boolean {
  return !page.verified && (page.statusReason !== null || (f.lowConfidenceShare ?? 0) > 0.1);
}

function tallyLines(rows: readonly QualityLineRow[]): Map<number, Tally> {
  const byPage = new Map<number, Tally>();
  for (const r of rows) {
    const t = byPage.get(r.pageId) ?? emptyTally();
    add(t, lineTally(r.original, r.text, r.scores));
    byPage.set(r.pageId, t);
  }
  return byPage;
}

export function qualityReport(db: ReadableDB, filter: { title?: string } = {}): QualityReport {
  const title = filter.title ?? null;
  const pageRows = qualityPages(db, title);
  const tallies = tallyLines(qualityLines(db, { title }));
  const pages: PageQuality[] = [];
  const issues = new Map<string, { s: QualitySummary; t: Tally }>();
  const titles = new Map<string, { s: QualitySummary; t: Tally }>();
  const summary = (map: typeof issues, name: string) => {
    let entry = map.get(name);
    if (!entry) {
      entry = {
        s: { name, pages: 0, verifiedPages: 0, pagesNeedingAttention: [], ...figures(emptyTally()) },
        t: emptyTally(),
      };
      map.set(name, entry);
    }
    return entry;
  };
  for (const p of pageRows) {
    const tally = tallies.get(p.pageId) ?? emptyTally();
    const f = figures(tally);
    const verified = VERIFIED_STATUSES.includes(p.status);
    const page: PageQuality = {
      pageId: p.pageId,
      title: p.title,
      date: p.issueDate,
      sequence: p.sequence,
      status: p.status,
      statusReason: p.statusReason,
      verified,
      needsAttention: false,
      ...f,
    };
    page.needsAttention = needsAttention(page, f);
    pages.push(page);
    const issueName = [p.title, p.issueDate || '(no date)', p.edition].filter(Boolean).join(' ');
    for (const entry of [summary(issues, issueName), summary(titles, p.title)]) {
      entry.s.pages++;
      if (verified) {
        entry.s.verifiedPages++;
        add(entry.t, tally);
      }
      if (page.needsAttention) entry.s.pagesNeedingAttention.push(p.pageId);
    }
  }
  const finish = (map: typeof issues) => [...map.values()].map(({ s, t }) => ({ ...s, ...figures(t) }));
  return { pages, issues: finish(issues), titles: finish(titles) };
}

/** The same figures for one article: the lines of its regions, on whatever pages they are. */
export function articleQuality(db: WritableDB, articleId: number): QualityFigures {
  const rows = qualityLines(db, { articleId });
  const total = emptyTally();
  for (const t of tallyLines(rows).values()) add(total, t);
  return figures(total);
}

// backfile merge: shard archives folded into one archive. Pages are matched by their original
// (sha256 and page index), titles by name, issues by title, date and edition; files are copied
// once, ids are never carried over but mapped. A person's work is never replaced by machine
// text, in either direction: a page that has text in both archives keeps the target's unless the
// target's is untouched machine text and the shard's has corrections. Each shard is one
// transaction: a merge killed halfway leaves the shards before it merged and the rest not, and
// running it again completes it (what is merged already counts as a duplicate).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { openArchive, type Archive } from '../archive/archive.ts';
import { findOrCreateIssue, findOrCreateTitle } from '../archive/catalogue.ts';
import { pageFolder, placeFrom } from '../archive/file-store.ts';
import { sweepLeftovers } from '../import/importer.ts';
import { fileIsStored, insertFile } from '../archive/file-rows.ts';
import { pageLineCount } from '../archive/line-rows.ts';
import {
  articlesWithRegions,
  copyArticle,
  copyRegions,
  humanWorkOnPage,
  pageBySource,
  pageLineTexts,
  regionCount,
  setMergedPageState,
  shardPages,
  shardState,
  type ShardPage,
} from '../archive/merge-rows.ts';
import { clearPageText, insertStoredText, storedText } from '../archive/page-text.ts';
import { getPage, insertPage, nextSequence } from '../archive/pages.ts';
import { archiveShard } from '../archive/provenance.ts';
import { BackfileError } from '../../shared/errors.ts';

export interface MergeConflict {
  /** The shard archive's name (its shard) or folder. */
  shard: string;
  /** The original page: file name and page index. */
  page: string;
  targetPageId: number | null;
  reason: string;
}

/** What a merge did, for one shard and in total. */
export interface MergeCounts {
  /** Pages new to the target, with their text. */
  added: number;
  /** Pages the target had without text, now with the shard's. */
  filled: number;
  /** The target's untouched machine text replaced by the shard's corrected text. */
  corrected: number;
  duplicates: number;
  articles: number;
  conflicts: MergeConflict[];
}
type Count = Exclude<keyof MergeCounts, 'conflicts'>;

export interface ShardMergeReport extends MergeCounts {
  archive: string;
  shard: string | null;
  /** Pages the shard had not read yet (its OCR queue), and files it failed to import. */
  unread: number;
  failedFiles: { path: string; message: string }[];
}

export interface MergeReport extends MergeCounts {
  shards: ShardMergeReport[];
}

type Step = 'add' | 'fill' | 'correct' | 'duplicate' | { conflict: string };

/** What to do with one shard page, from both archives as they are now. */
function decide(target: Archive, source: Archive, page: ShardPage, targetPageId: number | undefined): Step {
  if (targetPageId === undefined) return 'add';
  if (pageLineCount(source.db, page.id) === 0) return 'duplicate';
  if (pageLineCount(target.db, targetPageId) === 0) return 'fill';
  const ours = pageLineTexts(target.db, targetPageId);
  const theirs = pageLineTexts(source.db, page.id);
  if (ours.length === theirs.length && ours.every((t, i) => t === theirs[i])) return 'duplicate';
  const targetWork = humanWorkOnPage(target.db, targetPageId);
  const shardWork = humanWorkOnPage(source.db, page.id);
  const untouched = targetWork.corrected === 0 && targetWork.regions === 0 && targetWork.articles === 0;
  if (shardWork.corrected > 0 && untouched) return 'correct';
  return {
    conflict:
      targetWork.corrected > 0 || !untouched
        ? `both have text and the target's has people's work (${targetWork.corrected} corrected lines, ${targetWork.regions} regions, ${targetWork.articles} articles): the target's is kept`
        : "both have machine text, and they differ: the target's is kept",
  };
}

const describePage = (page: ShardPage) =>
  `${page.file.originalName}${page.file.pageCount > 1 ? ` page ${page.sourceIndex + 1}` : ''}`;

/** Puts the page's original and derived images into the same places in the target, where missing. */
async function copyFilesOf(target: Archive, source: Archive, page: ShardPage): Promise<number> {
  let copied = 0;
  const original = target.resolve(page.file.storedPath);
  if (!existsSync(original)) {
    await placeFrom(source.resolve(page.file.storedPath), original);
    copied++;
  }
  const folder = pageFolder(page.sourceSha256, page.sourceIndex);
  const into = target.resolve(folder);
  if (!existsSync(into) && existsSync(source.resolve(folder))) {
    await placeFrom(source.resolve(folder), into);
    copied++;
  }
  // Paths outside the page's folder (an original that is its own raster) are the original's.
  for (const derived of [page.rasterPath, page.thumbnailPath, page.tilesPath])
    if (!existsSync(target.resolve(derived)) && derived !== page.file.storedPath)
      throw new BackfileError(
        'file-not-found',
        `${source.dir}: ${derived} is missing from the shard's archive.`,
      );
  return copied;
}

async function mergeShard(
  target: Archive,
  dir: string,
  options: { signal?: AbortSignal | undefined; onPage?: ((done: number, total: number) => void) | undefined },
): Promise<ShardMergeReport> {
  const source = openArchive(dir, { create: false, command: 'backfile merge (shard being read)' });
  try {
    if (path.resolve(source.dir) === path.resolve(target.dir))
      throw new BackfileError('invalid-input', `${dir} is the archive being merged into.`);
    const name = archiveShard(source.db) ?? path.basename(source.dir);
    const pages = shardPages(source.db);
    const report: ShardMergeReport = {
      archive: source.dir,
      shard: archiveShard(source.db),
      added: 0,
      filled: 0,
      corrected: 0,
      duplicates: 0,
      articles: 0,
      conflicts: [],
      ...shardState(source.db),
    };
    // Files first, outside the transaction (they are named by content, so copying one twice
    // writes the same bytes); a merge killed before its transaction leaves files no row names,
    // which the next import or "backfile check --repair" sweeps, or the next merge uses.
    for (const page of pages)
      if (pageBySource(target.db, page.sourceSha256, page.sourceIndex) === undefined)
        await copyFilesOf(target, source, page);
    const regionMap = new Map<number, number>();
    const issueMap = new Map<number, number>();
    const db = target.db;
    db.transaction(() => {
      pages.forEach((page, done) => {
        if (options.signal?.aborted)
          throw new BackfileError('cancelled', 'The merge was stopped; nothing of this shard was merged.');
        const targetPageId = pageBySource(db, page.sourceSha256, page.sourceIndex);
        const step = decide(target, source, page, targetPageId);
        if (typeof step === 'object') {
          report.conflicts.push({
            shard: name,
            page: describePage(page),
            targetPageId: targetPageId ?? null,
            reason: step.conflict,
          });
        } else if (step === 'duplicate') report.duplicates++;
        else {
          let pageId = targetPageId;
          if (step === 'add') {
            const title = findOrCreateTitle(db, page.title);
            const issue = findOrCreateIssue(db, title.id, page.date, page.edition, {
              volume: page.volume ?? undefined,
              number: page.number ?? undefined,
            });
            if (!fileIsStored(db, page.sourceSha256)) insertFile(db, page.file);
            pageId = insertPage(db, { ...page, issueId: issue.id, sequence: nextSequence(db, issue.id) });
            issueMap.set(page.issueId, issue.id);
            report.added++;
          } else if (step === 'fill') report.filled++;
          else {
            clearPageText(db, pageId!);
            report.corrected++;
          }
          // Regions come with the text only where the target has none of its own.
          if (regionCount(db, pageId!) === 0) {
            for (const [from, to] of copyRegions(source.db, db, page.id, pageId!)) regionMap.set(from, to);
            if (step !== 'add') issueMap.set(page.issueId, getPage(db, pageId!)!.issueId);
          }
          const text = storedText(source.db, page.id);
          if (text.lines.length > 0) insertStoredText(db, pageId!, text);
          setMergedPageState(db, pageId!, page);
        }
        options.onPage?.(done + 1, pages.length);
      });
      // An article comes when every region it is made of came; one that lost a part stays behind.
      for (const article of articlesWithRegions(source.db, [...regionMap.keys()])) {
        if (article.parts.every((r) => regionMap.has(r)) && issueMap.has(article.issueId)) {
          copyArticle(source.db, db, article.id, issueMap.get(article.issueId)!, regionMap);
          report.articles++;
        } else
          report.conflicts.push({
            shard: name,
            page: `article ${article.id}`,
            targetPageId: null,
            reason: 'some of its regions are on pages whose target text was kept: the article is not merged',
          });
      }
    }).immediate();
    return report;
  } finally {
    source.close();
  }
}

/** Merges the shard archives into `target`, one transaction each, in the order given. */
export async function mergeArchives(
  target: Archive,
  shardDirs: readonly string[],
  options: {
    signal?: AbortSignal;
    onShard?: (report: ShardMergeReport) => void;
    onPage?: (done: number, total: number) => void;
  } = {},
): Promise<MergeReport> {
  // What a merge killed while it copied left behind (a *.partial, files no row names) goes first,
  // as an import sweeps: a merge run again then leaves the archive as a whole run would.
  await sweepLeftovers(target);
  const shards: ShardMergeReport[] = [];
  for (const dir of shardDirs) {
    const report = await mergeShard(target, dir, options);
    shards.push(report);
    options.onShard?.(report);
  }
  const sum = (key: Count) => shards.reduce((n, s) => n + s[key], 0);
  return {
    shards,
    added: sum('added'),
    filled: sum('filled'),
    corrected: sum('corrected'),
    duplicates: sum('duplicates'),
    articles: sum('articles'),
    conflicts: shards.flatMap((s) => s.conflicts),
  };
}

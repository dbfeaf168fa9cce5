// backfile import: scans into the archive, with a progress bar or one JSON line per file.

import { escapeForTerminal } from '../../shared/text/terminal.ts';
import { z } from 'zod';
import { openArchive } from '../../core/archive/archive.ts';
import { importScans, type FileOutcome } from '../../core/import/importer.ts';
import { parsePattern } from '../../core/import/pattern.ts';
import { BackfileError } from '../../shared/errors.ts';
import {
  ARCHIVE_OPTION,
  JSON_OPTION,
  archiveFolder,
  check,
  dpiOption,
  parse,
  workersOption,
} from '../args.ts';
import { isoDate } from '../../shared/date.ts';
import { TerminalProgress, progressLine } from '../progress.ts';
import { importShard } from '../../core/scale/shard-worker.ts';
import { defaultWorkerCount } from '../../core/jobs/ocr-runner.ts';
import { readQueue } from '../read-queue.ts';

const OPTIONS = {
  ...ARCHIVE_OPTION,
  ...JSON_OPTION,
  title: { type: 'string' },
  date: { type: 'string' },
  edition: { type: 'string' },
  pattern: { type: 'string' },
  dpi: { type: 'string' },
  'max-megapixels': { type: 'string' },
  'ocr-from': { type: 'string' },
  shard: { type: 'string' },
  ocr: { type: 'boolean', default: false },
  jobs: { type: 'string' },
} as const;

/** One line per file; names and messages escaped, since a file name may hold ESC or a newline. */
function describe(outcome: FileOutcome): string {
  const file = escapeForTerminal(outcome.path);
  if (outcome.outcome === 'imported') return `imported  ${file} → page ${outcome.pageIds.join(', ')}`;
  if (outcome.outcome === 'duplicate')
    return `duplicate ${file} (already page ${outcome.pageIds.join(', ')})`;
  return `FAILED    ${escapeForTerminal(outcome.error?.message ?? '')} [${outcome.error?.code}]`;
}

/**
 * One shard of a batch (backfile shard): its files into its own archive, then, with --ocr, its
 * unread pages read. Run again after a crash or a kill, it completes the shard.
 */
async function importShardCommand(
  manifest: string,
  values: { ocr: boolean; jobs?: string; json: boolean },
): Promise<number> {
  const workers = workersOption(values.jobs, defaultWorkerCount);
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let shard;
  try {
    shard = await importShard(manifest, { ocr: values.ocr, signal: controller.signal });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const { archive, imported, failures, queued, alreadyRead } = shard;
  try {
    for (const f of failures)
      console.error(`FAILED    ${escapeForTerminal(f.path)}: ${escapeForTerminal(f.message)}`);
    console.error(
      `${imported.imported} imported (${imported.pages} pages), ${imported.duplicates} already in the shard's archive, ${imported.failed} failed` +
        (values.ocr ? `; ${queued} pages to read, ${alreadyRead} read before` : ''),
    );
    let read = { done: 0, failed: 0 };
    let interrupted = controller.signal.aborted;
    if (values.ocr && !interrupted) {
      const result = await readQueue(archive, { workers, json: values.json });
      read = result.summary;
      interrupted = result.interrupted;
      console.error(`${read.done} pages read, ${read.failed} failed${interrupted ? ' (paused)' : ''}.`);
    }
    if (values.json)
      console.log(
        JSON.stringify({
          shard: { archive: archive.dir, ...imported, queued, read: read.done, readFailed: read.failed },
        }),
      );
    // A paused or partly failed shard is not done: the scheduler sees it and can run it again.
    return interrupted ? 130 : imported.failed > 0 || read.failed > 0 ? 1 : 0;
  } finally {
    archive.close();
  }
}

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (values.shard !== undefined) {
    if (positionals.length > 0 || values.archive !== undefined)
      throw new BackfileError(
        'invalid-input',
        '--shard imports the files its manifest names into the archive it names; give no paths or --archive with it.',
      );
    return importShardCommand(values.shard, values);
  }
  if (values.ocr)
    throw new BackfileError(
      'invalid-input',
      '--ocr goes with --shard; for other imports run "backfile ocr" after the import.',
    );
  if (positionals.length === 0)
    throw new BackfileError('invalid-input', 'Name at least one file or folder to import.');
  const date = values.date === undefined ? undefined : check(isoDate, values.date, '--date');
  const dpi = dpiOption(values.dpi);
  const maxMp =
    values['max-megapixels'] === undefined
      ? undefined
      : check(z.coerce.number().positive().max(10_000), values['max-megapixels'], '--max-megapixels');
  if (values.pattern) parsePattern(values.pattern); // a bad pattern stops the run before any file is touched
  const archive = openArchive(archiveFolder(values.archive));
  const progress = new TerminalProgress();
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    let reported = 0;
    const summary = await importScans(
      archive,
      positionals,
      {
        title: values.title,
        date,
        edition: values.edition,
        pattern: values.pattern,
        dpi,
        maxPixels: maxMp === undefined ? undefined : maxMp * 1e6,
        ocrFrom: values['ocr-from'],
        signal: controller.signal,
      },
      (p) => {
        if (p.last && p.done > reported) {
          reported = p.done;
          progress.done();
          if (values.json) console.log(JSON.stringify(p.last));
          else console.error(describe(p.last));
        }
        progress.update(progressLine(p.done, p.total, escapeForTerminal(p.current), p.etaSeconds));
      },
    );
    progress.done();
    const line =
      `${summary.imported} imported (${summary.pages} pages), ${summary.duplicates} already in the archive, ${summary.failed} failed` +
      (summary.articles > 0 ? `; ${summary.articles} articles from METS` : '');
    if (values.json) console.log(JSON.stringify({ summary: { ...summary, files: undefined } }));
    else console.error(line);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    archive.close();
  }
}

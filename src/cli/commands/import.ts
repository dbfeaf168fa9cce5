// backfile import: scans into the archive, with a progress bar or one JSON line per file.

import { escapeForTerminal } from '../../shared/text/terminal.ts';
import { z } from 'zod';
import { openArchive } from '../../core/archive/archive.ts';
import { importScans, type FileOutcome } from '../../core/import/importer.ts';
import { parsePattern } from '../../core/import/pattern.ts';
import { BackfileError } from '../../shared/errors.ts';
import { ARCHIVE_OPTION, JSON_OPTION, archiveFolder, check, parse } from '../args.ts';
import { isoDate } from '../../shared/date.ts';
import { TerminalProgress, progressLine } from '../progress.ts';

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
} as const;

/** One line per file; names and messages escaped, since a file name may hold ESC or a newline. */
function describe(outcome: FileOutcome): string {
  const file = escapeForTerminal(outcome.path);
  if (outcome.outcome === 'imported') return `imported  ${file} → page ${outcome.pageIds.join(', ')}`;
  if (outcome.outcome === 'duplicate')
    return `duplicate ${file} (already page ${outcome.pageIds.join(', ')})`;
  return `FAILED    ${escapeForTerminal(outcome.error?.message ?? '')} [${outcome.error?.code}]`;
}

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (positionals.length === 0)
    throw new BackfileError('invalid-input', 'Name at least one file or folder to import.');
  const date = values.date === undefined ? undefined : check(isoDate, values.date, '--date');
  const dpi =
    values.dpi === undefined
      ? undefined
      : check(z.coerce.number().int().min(50).max(1200), values.dpi, '--dpi');
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

// backfile merge: fold shard archives into one archive, with a report.

import { openArchive } from '../../core/archive/archive.ts';
import { mergeArchives, type ShardMergeReport } from '../../core/scale/merge.ts';
import { BackfileError } from '../../shared/errors.ts';
import { escapeForTerminal } from '../../shared/text/terminal.ts';
import { JSON_OPTION, parse } from '../args.ts';
import { TerminalProgress, progressLine } from '../progress.ts';

const OPTIONS = { ...JSON_OPTION, into: { type: 'string' } } as const;

function describe(s: ShardMergeReport): string {
  const lines = [
    `${escapeForTerminal(s.shard ?? s.archive)}: ${s.added} pages added, ${s.filled} filled, ${s.corrected} corrected text brought in, ${s.duplicates} duplicates, ${s.articles} articles, ${s.conflicts.length} conflicts`,
  ];
  if (s.unread > 0)
    lines.push(`  ${s.unread} pages of it were not read yet: run its worker again, then merge again`);
  for (const f of s.failedFiles)
    lines.push(`  failed in the shard: ${escapeForTerminal(f.path)}: ${escapeForTerminal(f.message)}`);
  for (const c of s.conflicts) lines.push(`  conflict: ${escapeForTerminal(c.page)}: ${c.reason}`);
  return lines.join('\n');
}

export async function mergeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (values.into === undefined)
    throw new BackfileError('invalid-input', 'Give --into ARCHIVE, the archive to merge into.');
  if (positionals.length === 0)
    throw new BackfileError('invalid-input', 'Name at least one shard archive to merge.');
  const archive = openArchive(values.into, { command: 'backfile merge' });
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = new TerminalProgress();
  try {
    const report = await mergeArchives(archive, positionals, {
      signal: controller.signal,
      onPage: (done, total) => progress.update(progressLine(done, total, 'pages', null)),
      onShard: (s) => {
        progress.done();
        if (!values.json) console.error(describe(s));
      },
    });
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else
      console.error(
        `merged ${report.shards.length} shards: ${report.added} pages added, ${report.filled} filled, ${report.corrected} corrected, ${report.duplicates} duplicates, ${report.articles} articles, ${report.conflicts.length} conflicts`,
      );
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.done();
    archive.close();
  }
}

// Reading an archive's OCR queue from the command line, with a progress bar: `backfile ocr`, and
// `backfile import --shard … --ocr` after its import. Ctrl+C or SIGTERM (a scheduler cancelling
// the task) pauses: pages under way go back to the queue, and the next run resumes.

import type { Archive } from '../core/archive/archive.ts';
import { OcrRunner, type OcrRunSummary } from '../core/jobs/ocr-runner.ts';
import { engineFactory } from '../core/ocr/engines.ts';
import { TerminalProgress, progressLine } from './progress.ts';

export async function readQueue(
  archive: Archive,
  options: { workers: number; timeoutMs?: number | undefined; json: boolean },
): Promise<{ summary: OcrRunSummary; interrupted: boolean }> {
  const progress = new TerminalProgress();
  const runner = new OcrRunner(archive, (name) => engineFactory(archive, name), {
    workers: options.workers,
    timeoutMs: options.timeoutMs,
    onJob: (e) => {
      if (e.status === 'progress' || e.status === 'running') return;
      progress.done();
      if (options.json) console.log(JSON.stringify(e));
      else if (e.status === 'done') console.error(`page ${e.pageId}: done`);
      else console.error(`page ${e.pageId}: ${e.status}${e.error ? ` (${e.error})` : ''}`);
    },
    onProgress: (p) =>
      progress.update(
        progressLine(
          p.done,
          p.total,
          p.pagesPerMinute === null ? '' : `${p.pagesPerMinute} pages/min`,
          p.etaSeconds,
        ),
      ),
  });
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    progress.done();
    console.error('Pausing: pages under way go back to the queue; run the command again to resume.');
    void runner.stop('pause');
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const summary = await runner.run();
    progress.done();
    return { summary, interrupted };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

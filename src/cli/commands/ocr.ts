// backfile ocr: queue pages and read them in the background, with a progress bar.

import { z } from 'zod';
import { openArchive } from '../../core/archive/archive.ts';
import { cancelJobs } from '../../core/archive/job-queue.ts';
import { OCR_JOB, defaultWorkerCount } from '../../core/jobs/ocr-runner.ts';
import { ENGINE_CHOICES, archiveLanguages } from '../../core/ocr/engines.ts';
import { checkLanguages } from '../../core/ocr/language-data.ts';
import { queueOcr, type PageScope } from '../../core/ocr/queue-ocr.ts';
import { BackfileError } from '../../shared/errors.ts';
import { ARCHIVE_OPTION, JSON_OPTION, archiveFolder, check, parse, workersOption } from '../args.ts';
import { readQueue } from '../read-queue.ts';

const OPTIONS = {
  ...ARCHIVE_OPTION,
  ...JSON_OPTION,
  lang: { type: 'string' },
  pages: { type: 'string' },
  issue: { type: 'string' },
  title: { type: 'string' },
  all: { type: 'boolean', default: false },
  jobs: { type: 'string' },
  force: { type: 'boolean', default: false },
  engine: { type: 'string' },
  timeout: { type: 'string' },
  'no-deskew': { type: 'boolean', default: false },
  binarise: { type: 'boolean', default: false },
  cancel: { type: 'boolean', default: false },
} as const;

const id = z.coerce.number().int().positive();

function scopeFrom(values: {
  pages?: string;
  issue?: string;
  title?: string;
  all?: boolean;
}): PageScope | null {
  const given = [
    values.pages !== undefined,
    values.issue !== undefined,
    values.title !== undefined,
    values.all === true,
  ].filter(Boolean).length;
  if (given > 1) throw new BackfileError('invalid-input', 'Give one of --pages, --issue, --title or --all.');
  if (values.title !== undefined) return { title: check(id, values.title, '--title') };
  if (values.pages !== undefined)
    return { pages: check(z.array(id).min(1), values.pages.split(','), '--pages') };
  if (values.issue !== undefined) return { issue: check(id, values.issue, '--issue') };
  if (values.all) return { all: true };
  return null;
}

export async function ocrCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, OPTIONS);
  const scope = scopeFrom(values);
  const workers = workersOption(values.jobs, defaultWorkerCount);
  const timeoutMs =
    values.timeout === undefined
      ? undefined
      : check(z.coerce.number().positive(), values.timeout, '--timeout') * 1000;
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    if (values.cancel) {
      const n = cancelJobs(archive.db, OCR_JOB);
      console.error(`${n} waiting OCR jobs cancelled.`);
      return 0;
    }
    const engine =
      values.engine === undefined ? undefined : check(z.enum(ENGINE_CHOICES), values.engine, '--engine');
    if (values.lang) checkLanguages(values.lang, (await archiveLanguages(archive)).available);
    if (scope) {
      // --force is the user's word that pages with corrections may be read again; say what
      // that does to each before it is done.
      const { queued, skipped, warnings } = queueOcr(archive, {
        scope,
        languages: values.lang,
        engine,
        force: values.force,
        confirmed: values.force,
        deskew: !values['no-deskew'],
        binarise: values.binarise,
      });
      for (const w of warnings) console.error(w);
      console.error(
        `${queued.length} pages queued for OCR${skipped.length ? `, ${skipped.length} skipped (already have text; --force reads them again)` : ''}.`,
      );
    }
    const { summary, interrupted } = await readQueue(archive, { workers, timeoutMs, json: values.json });
    console.error(`${summary.done} pages read, ${summary.failed} failed${interrupted ? ' (paused)' : ''}.`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    archive.close();
  }
}

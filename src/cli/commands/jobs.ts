// backfile jobs: the job queue.

import { openArchive } from '../../core/archive/archive.ts';
import { listJobs } from '../../core/archive/job-queue.ts';
import { ARCHIVE_OPTION, JSON_OPTION, archiveFolder, parse } from '../args.ts';

export async function jobsCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...ARCHIVE_OPTION, ...JSON_OPTION });
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const jobs = listJobs(archive.db);
    if (values.json) console.log(JSON.stringify(jobs, null, 2));
    else {
      for (const j of jobs) {
        console.log(
          [
            j.id,
            j.kind,
            `page ${j.pageId}`,
            j.status,
            `attempt ${j.attempts}/${j.maxAttempts}`,
            j.error ?? '',
          ].join('\t'),
        );
      }
    }
    return 0;
  } finally {
    archive.close();
  }
}

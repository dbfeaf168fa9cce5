// backfile status: titles, issues, pages by status, and the files that failed to import.

import { escapeForTerminal } from '../../shared/text/terminal.ts';
import { openArchive } from '../../core/archive/archive.ts';
import { archiveStatus } from '../../core/archive/status.ts';
import { ARCHIVE_OPTION, JSON_OPTION, archiveFolder, parse } from '../args.ts';

export async function statusCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...ARCHIVE_OPTION, ...JSON_OPTION });
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const status = archiveStatus(archive.db);
    if (values.json) {
      console.log(JSON.stringify(status, null, 2));
      return 0;
    }
    console.log(`Archive ${archive.dir}`);
    console.log(`${status.titles.length} titles, ${status.issues} issues, ${status.pages} pages`);
    for (const t of status.titles)
      console.log(`  ${escapeForTerminal(t.name)}: ${t.issues} issues, ${t.pages} pages`);
    console.log('Pages by status:');
    for (const [s, n] of Object.entries(status.pagesByStatus)) console.log(`  ${s}: ${n}`);
    if (status.failures.length > 0) {
      console.log(`Import failures (${status.failures.length}):`);
      for (const f of status.failures)
        console.log(`  ${escapeForTerminal(f.path)}: ${escapeForTerminal(f.message ?? '')} [${f.code}]`);
    }
    return 0;
  } finally {
    archive.close();
  }
}

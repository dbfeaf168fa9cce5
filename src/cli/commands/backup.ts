// backfile backup / restore / check: the archive's safety net.

import path from 'node:path';
import { openArchive } from '../../core/archive/archive.ts';
import { backupArchive, restoreArchive } from '../../core/archive/backup.ts';
import { escapeForTerminal } from '../../shared/text/terminal.ts';
import { checkArchive } from '../../core/archive/check.ts';
import { BackfileError } from '../../shared/errors.ts';
import { ARCHIVE_OPTION, JSON_OPTION, archiveFolder, parse } from '../args.ts';

export async function backupCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...ARCHIVE_OPTION, out: { type: 'string' } });
  if (!values.out) throw new BackfileError('invalid-input', 'Give the backup file with --out FILE.');
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const summary = await backupArchive(archive, path.resolve(values.out));
    console.error(
      `Backed up ${summary.files} files (${(summary.bytes / 2 ** 20).toFixed(1)} MB) to ${summary.file}.`,
    );
    return 0;
  } finally {
    archive.close();
  }
}

export async function restoreCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...ARCHIVE_OPTION, from: { type: 'string' } });
  const from = values.from ?? positionals[0];
  if (!from)
    throw new BackfileError(
      'invalid-input',
      'Give the backup file: backfile restore --from FILE --archive DIR.',
    );
  const target = archiveFolder(values.archive);
  const { files } = await restoreArchive(path.resolve(from), target);
  const archive = openArchive(target, { create: false });
  try {
    const report = await checkArchive(archive);
    console.error(
      `Restored ${files} files into ${archive.dir}; check: ${report.ok ? 'ok' : 'problems found (run backfile check)'}.`,
    );
    return report.ok ? 0 : 1;
  } finally {
    archive.close();
  }
}

export async function checkCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...ARCHIVE_OPTION,
    ...JSON_OPTION,
    repair: { type: 'boolean', default: false },
  });
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const report = await checkArchive(archive, { repair: values.repair });
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(
        `database: ${report.integrity}${report.foreignKeyProblems ? `, ${report.foreignKeyProblems} broken references` : ''}`,
      );
      console.log(
        `originals: ${report.originals.checked} checked, ${report.originals.missing.length} missing, ${report.originals.changed.length} changed`,
      );
      for (const f of [...report.originals.missing, ...report.originals.changed]) console.log(`  ${f}`);
      console.log(
        `derived images: ${report.derived.missing.length} missing, ${report.derived.rebuilt.length} rebuilt`,
      );
      console.log(
        `leftovers of interrupted work: ${report.leftovers.length}${values.repair ? ' (removed)' : ''}`,
      );
      if (report.inUseBy)
        console.log(`also open by: ${escapeForTerminal(report.inUseBy)} (its work under way is left alone)`);
      console.log(report.ok ? 'OK' : 'PROBLEMS FOUND');
    }
    return report.ok ? 0 : 1;
  } finally {
    archive.close();
  }
}

import { openArchive } from '../../core/archive/archive.ts';
import { ARCHIVE_OPTION, archiveFolder, parse } from '../args.ts';

export async function initCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...ARCHIVE_OPTION });
  const archive = openArchive(archiveFolder(values.archive));
  const version = archive.db.pragma('user_version', { simple: true });
  console.log(`Archive ready at ${archive.dir} (archive version ${version}).`);
  archive.close();
  return 0;
}

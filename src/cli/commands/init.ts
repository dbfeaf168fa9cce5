import { openArchive } from '../../core/archive/archive.ts';
import { schemaVersion } from '../../core/archive/migrate.ts';
import { ARCHIVE_OPTION, archiveFolder, parse } from '../args.ts';

export async function initCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...ARCHIVE_OPTION });
  const archive = openArchive(archiveFolder(values.archive));
  const version = schemaVersion(archive.db);
  console.log(`Archive ready at ${archive.dir} (archive version ${version}).`);
  archive.close();
  return 0;
}

// backfile replace: find and replace across the collection (preview with --dry-run); one undo.
// backfile undo: take back a recorded change.

import { z } from 'zod';
import { openArchive } from '../../core/archive/archive.ts';
import { localUser } from '../../core/archive/local-user.ts';
import { lastChange } from '../../core/archive/history.ts';
import { undo } from '../../core/review/undo.ts';
import { applyReplacements, findReplacements } from '../../core/text/replace.ts';
import { BackfileError } from '../../shared/errors.ts';
import { ARCHIVE_OPTION, JSON_OPTION, archiveFolder, check, parse } from '../args.ts';

export async function replaceCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...ARCHIVE_OPTION,
    ...JSON_OPTION,
    regex: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    pages: { type: 'string' },
  });
  if (positionals.length !== 2)
    throw new BackfileError(
      'invalid-input',
      'Usage: backfile replace [--regex] [--dry-run] FIND REPLACEMENT',
    );
  const pageIds =
    values.pages === undefined
      ? undefined
      : check(z.array(z.coerce.number().int().positive()).min(1), values.pages.split(','), '--pages');
  const spec = { find: positionals[0]!, replacement: positionals[1]!, regex: values.regex, pageIds };
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const matches = findReplacements(archive.db, spec);
    if (values.json) console.log(JSON.stringify({ matches }, null, 2));
    else
      for (const m of matches) console.log(`page ${m.pageId}, line ${m.lineId}: ${m.before}\n  → ${m.after}`);
    if (values['dry-run']) {
      console.error(`${matches.length} lines would change (dry run, nothing written).`);
      return 0;
    }
    const { changeId, lines } = applyReplacements(archive.db, spec, localUser(archive.db));
    console.error(
      changeId === null
        ? 'Nothing to replace.'
        : `${lines} lines changed as change ${changeId}; "backfile undo --change ${changeId}" takes it back.`,
    );
    return 0;
  } finally {
    archive.close();
  }
}

export async function undoCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...ARCHIVE_OPTION, change: { type: 'string' } });
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const changeId =
      values.change === undefined
        ? lastChange(archive.db)
        : check(z.coerce.number().int().positive(), values.change, '--change');
    if (changeId === null) throw new BackfileError('not-found', 'Nothing to undo.');
    undo(archive.db, changeId, localUser(archive.db));
    console.error(`Change ${changeId} undone.`);
    return 0;
  } finally {
    archive.close();
  }
}

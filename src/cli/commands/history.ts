// backfile history: the versions of a line or an article, with character-level diffs;
// backfile revert: go back to one of them (as a new, undoable change).

import { openArchive } from '../../core/archive/archive.ts';
import { localUser } from '../../core/archive/local-user.ts';
import { articleHistory, lineHistory, revertArticle, revertLine } from '../../core/review/versions.ts';
import type { Version } from '../../shared/history.ts';
import { BackfileError } from '../../shared/errors.ts';
import type { DiffSegment } from '../../shared/text/diff.ts';
import { ARCHIVE_OPTION, ID, JSON_OPTION, archiveFolder, check, parse } from '../args.ts';
import { z } from 'zod';

const TARGET = { line: { type: 'string' }, article: { type: 'string' } } as const;

function target(values: { line?: string; article?: string }): { kind: 'line' | 'article'; id: number } {
  if ((values.line === undefined) === (values.article === undefined))
    throw new BackfileError('invalid-input', 'Name either --line ID or --article ID.');
  return values.line !== undefined
    ? { kind: 'line', id: check(ID, values.line, '--line') }
    : { kind: 'article', id: check(ID, values.article, '--article') };
}

/** A diff as text: deletions in [-…-], insertions in {+…+}. */
export function showDiff(diff: readonly DiffSegment[]): string {
  return diff
    .map((d) => (d.op === 'equal' ? d.text : d.op === 'delete' ? `[-${d.text}-]` : `{+${d.text}+}`))
    .join('');
}

function printVersions(versions: readonly Version[]): void {
  for (const v of versions) {
    const undone = v.undone
      ? `  (undone${v.undoneBy ? ` by ${v.undoneBy}` : ''}${v.undoneAt ? ` ${v.undoneAt}` : ''})`
      : '';
    console.log(`change ${v.changeId}  ${v.at}  ${v.user}  ${v.label}${undone}`);
    for (const e of v.edits) console.log(`  ${e.entity} ${e.entityId} ${e.field}: ${showDiff(e.diff)}`);
  }
}

export async function historyCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...ARCHIVE_OPTION, ...JSON_OPTION, ...TARGET });
  const { kind, id } = target(values);
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const history = kind === 'line' ? lineHistory(archive.db, id) : articleHistory(archive.db, id);
    if (values.json) console.log(JSON.stringify(history, null, 2));
    else {
      if ('original' in history) console.log(`original (${history.source}): ${history.original}`);
      printVersions(history.versions);
      if ('current' in history) console.log(`current: ${history.current}`);
    }
    return 0;
  } finally {
    archive.close();
  }
}

export async function revertCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...ARCHIVE_OPTION, ...TARGET, to: { type: 'string' } });
  const { kind, id } = target(values);
  if (values.to === undefined)
    throw new BackfileError(
      'invalid-input',
      '--to CHANGE (the version to go back to; 0 = the original line).',
    );
  const to = check(z.coerce.number().int().min(0), values.to, '--to');
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const user = localUser(archive.db);
    const { changeId } =
      kind === 'line' ? revertLine(archive.db, id, to, user) : revertArticle(archive.db, id, to, user);
    console.error(changeId === null ? 'Already at that version.' : `Reverted as change ${changeId}.`);
    return 0;
  } finally {
    archive.close();
  }
}

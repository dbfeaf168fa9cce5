// backfile shard: split scan files, or an archive's unread pages, into N shard manifests.

import { z } from 'zod';
import { openArchive } from '../../core/archive/archive.ts';
import { shardFiles, shardUnreadPages, writeManifests } from '../../core/scale/shard.ts';
import { parsePattern } from '../../core/import/pattern.ts';
import { AUTO_LANGUAGES } from '../../core/ocr/language-data.ts';
import { BackfileError } from '../../shared/errors.ts';
import { ENGINE_CHOICES } from '../../shared/ocr.ts';
import { isoDate } from '../../shared/date.ts';
import { ARCHIVE_OPTION, JSON_OPTION, archiveFolder, check, dpiOption, parse } from '../args.ts';
import { escapeForTerminal } from '../../shared/text/terminal.ts';

const OPTIONS = {
  ...ARCHIVE_OPTION,
  ...JSON_OPTION,
  shards: { type: 'string' },
  out: { type: 'string' },
  unread: { type: 'boolean', default: false },
  title: { type: 'string' },
  date: { type: 'string' },
  edition: { type: 'string' },
  pattern: { type: 'string' },
  dpi: { type: 'string' },
  lang: { type: 'string' },
  engine: { type: 'string' },
} as const;

export async function shardCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (values.out === undefined)
    throw new BackfileError('invalid-input', 'Give --out DIR, the folder for the manifests.');
  const count = check(z.coerce.number().int().min(1).max(100_000), values.shards ?? '', '--shards');
  const settings = {
    count,
    languages: values.lang ?? AUTO_LANGUAGES,
    engine:
      values.engine === undefined
        ? ('auto' as const)
        : check(z.enum(ENGINE_CHOICES), values.engine, '--engine'),
    pattern: values.pattern,
    dpi: dpiOption(values.dpi),
  };
  if (values.pattern) parsePattern(values.pattern);
  let shards;
  if (values.unread) {
    if (positionals.length > 0)
      throw new BackfileError(
        'invalid-input',
        "--unread splits the archive's unread pages; give no files with it.",
      );
    const archive = openArchive(archiveFolder(values.archive), { create: false });
    try {
      shards = shardUnreadPages(archive, settings);
    } finally {
      archive.close();
    }
  } else {
    if (positionals.length === 0)
      throw new BackfileError(
        'invalid-input',
        "Name the files or folders to split, or give --unread for an archive's unread pages.",
      );
    shards = shardFiles(
      positionals,
      {
        title: values.title,
        date: values.date === undefined ? undefined : check(isoDate, values.date, '--date'),
        edition: values.edition,
      },
      settings,
    );
  }
  const files = await writeManifests(values.out, shards);
  if (values.json)
    console.log(JSON.stringify({ manifests: files, files: shards.map((s) => s.files.length) }));
  else
    shards.forEach((s, i) =>
      console.error(
        `${escapeForTerminal(files[i]!)}: ${s.files.length} files → ${escapeForTerminal(s.archive)}`,
      ),
    );
  return 0;
}

// backfile review: move pages or articles through the review workflow; backfile user: the name
// the history records.

import { openArchive } from '../../core/archive/archive.ts';
import { localUser, setLocalUser } from '../../core/archive/local-user.ts';
import { setArticleStatus, setPageStatus } from '../../core/review/status.ts';
import { BackfileError } from '../../shared/errors.ts';
import { ARTICLE_STATUSES, PAGE_STATUSES, type ArticleStatus, type PageStatus } from '../../shared/model.ts';
import { ARCHIVE_OPTION, JSON_OPTION, archiveFolder, idList, parse } from '../args.ts';

export async function reviewCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...ARCHIVE_OPTION,
    ...JSON_OPTION,
    pages: { type: 'string' },
    articles: { type: 'string' },
    status: { type: 'string' },
    reason: { type: 'string' },
  });
  if (!values.status) throw new BackfileError('invalid-input', 'Give the new status with --status.');
  if ((values.pages === undefined) === (values.articles === undefined))
    throw new BackfileError('invalid-input', 'Name either --pages IDS or --articles IDS.');
  const onPages = values.pages !== undefined;
  const order: readonly string[] = onPages ? PAGE_STATUSES : ARTICLE_STATUSES;
  if (!order.includes(values.status))
    throw new BackfileError('invalid-input', `--status: one of ${order.join(', ')}.`);
  const ids = onPages ? idList(values.pages!, '--pages') : idList(values.articles!, '--articles');
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const user = localUser(archive.db);
    const moves = ids.map((id) => ({
      id,
      ...(onPages
        ? setPageStatus(archive.db, id, values.status as PageStatus, values.reason, user)
        : setArticleStatus(archive.db, id, values.status as ArticleStatus, values.reason, user)),
    }));
    if (values.json) console.log(JSON.stringify(moves, null, 2));
    else
      for (const m of moves)
        console.log(
          `${onPages ? 'page' : 'article'} ${m.id}: ${m.from} → ${m.to}${m.changeId ? ` (change ${m.changeId})` : ''}`,
        );
    return 0;
  } finally {
    archive.close();
  }
}

export async function userCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...ARCHIVE_OPTION });
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    console.log(positionals.length ? setLocalUser(archive.db, positionals.join(' ')) : localUser(archive.db));
    return 0;
  } finally {
    archive.close();
  }
}

// The backfile command: batch work on an archive, and (later) the local server.

import { toErrorInfo } from '../shared/errors.ts';
import { importCommand } from './commands/import.ts';
import { initCommand } from './commands/init.ts';
import { pagesCommand } from './commands/pages.ts';
import { statusCommand } from './commands/status.ts';
import { ocrCommand } from './commands/ocr.ts';
import { jobsCommand } from './commands/jobs.ts';
import { exportCommand } from './commands/export.ts';
import { serveCommand } from './commands/serve.ts';
import { editPageCommand } from './commands/edit-page.ts';
import { articlesCommand } from './commands/articles.ts';
import { segmentCommand } from './commands/segment.ts';
import { searchCommand } from './commands/search.ts';
import { replaceCommand, undoCommand } from './commands/replace.ts';
import { evalCommand } from './commands/eval.ts';
import { backupCommand, checkCommand, restoreCommand } from './commands/backup.ts';
import { reviewCommand, userCommand } from './commands/review.ts';
import { historyCommand, revertCommand } from './commands/history.ts';
import { qualityCommand } from './commands/quality.ts';

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  init: initCommand,
  import: importCommand,
  status: statusCommand,
  pages: pagesCommand,
  ocr: ocrCommand,
  jobs: jobsCommand,
  export: exportCommand,
  serve: serveCommand,
  'edit-page': editPageCommand,
  articles: articlesCommand,
  segment: segmentCommand,
  search: searchCommand,
  replace: replaceCommand,
  undo: undoCommand,
  eval: evalCommand,
  backup: backupCommand,
  restore: restoreCommand,
  check: checkCommand,
  review: reviewCommand,
  user: userCommand,
  history: historyCommand,
  revert: revertCommand,
  quality: qualityCommand,
};

const USAGE = `Usage: backfile <command> [options]

  init    [--archive DIR]                      create an archive (default: the user-data folder)
  import  [--archive DIR] [--title NAME] [--date YYYY-MM-DD] [--edition E]
          [--pattern PATTERN] [--dpi N] [--max-megapixels N] [--ocr-from FILE|DIR] [--json] PATH...
                                               import PDF, TIFF, JPEG, PNG and JPEG 2000 scans
  status  [--archive DIR] [--json]             titles, issues, pages by status, failures
  pages   [--archive DIR] [--json]             one entry per page
  edit-page [--archive DIR] --page ID [--title NAME] [--date YYYY-MM-DD] [--edition E] [--number N]
                                               correct a page's metadata (recorded in the history)
  ocr     [--archive DIR] [--lang L] [--engine auto|tesseract|ppocr] [--pages IDS | --issue ID | --title ID | --all] [--jobs N] [--force]
          [--timeout SECONDS] [--no-deskew] [--binarise] [--json] [--cancel]
                                               read pages with OCR in the background (resumable)
  jobs    [--archive DIR] [--json]             the job queue
  export  [--archive DIR] --format txt|alto|page|hocr|md|json|csv|photos|mets|iiif|pdf --out PATH
          [--pages IDS | --issue IDS | --title IDS | --articles IDS]
          [--images] [--zip] [--base-url URL]
                                               pages, articles or issues (METS, IIIF, searchable PDF)
  segment [--archive DIR] [--pages IDS] [--json]
                                               suggest regions and articles from text and images
  articles [--archive DIR] [--json]            the articles, assembled from their regions
  search  [--archive DIR] [--json] [--title T] [--from DATE] [--to DATE] [--limit N] QUERY
                                               find words and "phrases" (Chinese from one character)
  replace [--archive DIR] [--regex] [--dry-run] [--pages IDS] [--json] FIND REPLACEMENT
                                               find and replace across the collection, one undo
  undo    [--archive DIR] [--change ID]        take back a change (the last one by default)
  review  [--archive DIR] (--pages IDS | --articles IDS) --status S [--reason TEXT] [--json]
                                               move through the review workflow (back needs a reason)
  history [--archive DIR] (--line ID | --article ID) [--json]
                                               every version: who, when, before, after, diff
  revert  [--archive DIR] (--line ID | --article ID) --to CHANGE
                                               go back to a version (0: the original line)
  quality [--archive DIR] [--title T] [--json] OCR error rates against corrections; pages to check
  user    [--archive DIR] [NAME]               the name recorded in the history (set once)
  eval    [--archive DIR] --ground-truth DIR [--json]
                                               character and word error rates against ground truth
  backup  [--archive DIR] --out FILE           consistent backup, also while the archive is in use
  restore --from FILE --archive DIR            restore a backup into a new or empty folder
  check   [--archive DIR] [--repair] [--json]  verify the database and every file's sha256
  serve   [--archive DIR] [--port N] [--open]  the app in a browser (127.0.0.1 only, per-run token)

Patterns name metadata in file names, e.g. {title}_{date:YYYY-MM-DD}_p{page}.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`backfile: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (error) {
    const info = toErrorInfo(error);
    console.error(`backfile ${name}: ${info.message}${info.code === 'internal' ? '' : ` [${info.code}]`}`);
    if (info.code === 'internal' && error instanceof Error && process.env.BACKFILE_DEBUG)
      console.error(error.stack);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));

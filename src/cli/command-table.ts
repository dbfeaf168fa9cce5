// Every `backfile` command, once: its synopsis, what it does, and the function that runs it.
// The usage text (`backfile --help`) and the README's command table are both printed from this
// list (scripts/readme-commands.ts writes the table; a test checks the README is current).

import { ENGINE_CHOICES } from '../shared/ocr.ts';
import { EXPORT_FORMATS } from '../shared/export.ts';
import { articlesCommand } from './commands/articles.ts';
import { backupCommand, checkCommand, restoreCommand } from './commands/backup.ts';
import { editPageCommand } from './commands/edit-page.ts';
import { evalCommand } from './commands/eval.ts';
import { exportCommand } from './commands/export.ts';
import { historyCommand, revertCommand } from './commands/history.ts';
import { importCommand } from './commands/import.ts';
import { initCommand } from './commands/init.ts';
import { jobsCommand } from './commands/jobs.ts';
import { ocrCommand } from './commands/ocr.ts';
import { pagesCommand } from './commands/pages.ts';
import { qualityCommand } from './commands/quality.ts';
import { replaceCommand, undoCommand } from './commands/replace.ts';
import { reviewCommand, userCommand } from './commands/review.ts';
import { searchCommand } from './commands/search.ts';
import { segmentCommand } from './commands/segment.ts';
import { serveCommand } from './commands/serve.ts';
import { shardCommand } from './commands/shard.ts';
import { mergeCommand } from './commands/merge.ts';
import { statusCommand } from './commands/status.ts';

export interface CommandEntry {
  name: string;
  /** Options and arguments after the name, as the usage text shows them. */
  synopsis: string;
  /** What it does, in the archivist's words (Markdown: `code` is shown as is in the usage). */
  does: string;
  run(argv: string[]): Promise<number>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'init',
    synopsis: '[--archive DIR]',
    does: 'create an archive (default: `~/.config/Backfile/Archive` on Linux, the user-data folder elsewhere; `BACKFILE_ARCHIVE` overrides)',
    run: initCommand,
  },
  {
    name: 'import',
    synopsis:
      '[--archive DIR] [--title NAME] [--date YYYY-MM-DD] [--edition E] [--pattern PATTERN] [--dpi N] [--max-megapixels N] [--ocr-from FILE|DIR] [--json] PATH... | --shard MANIFEST [--ocr] [--jobs N]',
    does: "import PDF, TIFF, JPEG, PNG and JPEG 2000 files and folders (recursively, natural order); `--ocr-from` attaches existing ALTO, PAGE XML or hOCR (one file, or a folder of files named like the scans) as the text to proofread, or a METS file (its pages' ALTO and its articles); a folder holding a `mets.xml` (an exported issue) comes in whole: pages in its order, its ALTO, issue metadata and articles; `--shard` imports one shard of a batch (`backfile shard`) into the shard's own archive and, with `--ocr`, reads its unread pages: run again after a kill, it completes the shard",
    run: importCommand,
  },
  {
    name: 'status',
    synopsis: '[--archive DIR] [--json]',
    does: 'titles, issues, pages by status, import failures',
    run: statusCommand,
  },
  {
    name: 'pages',
    synopsis: '[--archive DIR] [--json]',
    does: 'one entry per page: id, title, date, page number, pixel size, source file, sha256, text source',
    run: pagesCommand,
  },
  {
    name: 'edit-page',
    synopsis: '[--archive DIR] --page ID [--title NAME] [--date YYYY-MM-DD] [--edition E] [--number N]',
    does: "correct a page's metadata after import; the change is kept in the edit history",
    run: editPageCommand,
  },
  {
    name: 'ocr',
    synopsis: `[--archive DIR] [--lang L] [--engine ${ENGINE_CHOICES.join('|')}] [--pages IDS | --issue ID | --title ID | --all] [--jobs N] [--force] [--timeout SECONDS] [--no-deskew] [--binarise] [--json] [--cancel]`,
    does: "read pages with OCR in the background; Ctrl-C pauses, running it again resumes, `--cancel` calls the queue off. `--engine` is remembered for the scope (pages, issue, title, or everything); `auto` reads simplified Chinese, and traditional Chinese under 150 dpi, with PP-OCRv4 and everything else with tesseract (`docs/decisions/008-default-engine.md`). `--lang` (remembered the same way) is a tesseract list such as `chi_tra` or `deu+eng`, or `auto` (the default): each page's script found from the page (simplified or traditional Chinese, Fraktur, English or German Antiqua) and read with its model, and a page set in vertical columns read column by column, right to left (`chi_tra_vert`, `chi_sim_vert`; `docs/decisions/010-vertical-chinese.md`); the languages used are the page's text source",
    run: ocrCommand,
  },
  { name: 'jobs', synopsis: '[--archive DIR] [--json]', does: 'the job queue', run: jobsCommand },
  {
    name: 'export',
    synopsis: `[--archive DIR] --format ${EXPORT_FORMATS.join('|')} --out PATH [--pages IDS | --issue IDS | --title IDS | --articles IDS] [--images] [--zip] [--base-url URL]`,
    does: 'pages: `txt` (reading order), `alto` (ALTO 4.4), `page` (PAGE XML 2019-07-15), `hocr`; articles: `txt`, `md`, `json` (`docs/export-json.md`), `csv` index, `photos` with captions; issues: `mets` (METS + MODS with ALTO and images, articles as logical divisions), `iiif` (Presentation 3 manifest, text as W3C annotations, articles as ranges), `pdf` (searchable PDF). `--zip` writes one ZIP file',
    run: exportCommand,
  },
  {
    name: 'segment',
    synopsis: '[--archive DIR] [--pages IDS] [--json]',
    does: 'suggest regions (headline, kicker, subhead, byline, body columns, jump lines, photos, captions) and articles for pages with text, and link the parts of stories that jump; suggestions stay marked until accepted or edited',
    run: segmentCommand,
  },
  {
    name: 'articles',
    synopsis: '[--archive DIR] [--json]',
    does: 'the articles, assembled from their regions: headline, byline, pages, length, photos',
    run: articlesCommand,
  },
  {
    name: 'search',
    synopsis:
      '[--archive DIR] [--json] [--title T] [--from DATE] [--to DATE] [--limit N] [--typed-form] QUERY',
    does: 'full-text search over every line: words and "quoted phrases" must all occur; Chinese from one character up, traditional and simplified forms as one (發展 finds 发展 and back; `--typed-form`: only the form typed); Latin case- and diacritic-insensitive, long s and ligatures folded (Wasser finds Waſſer); hits marked with [ ] in the form printed',
    run: searchCommand,
  },
  {
    name: 'replace',
    synopsis: '[--archive DIR] [--regex] [--dry-run] [--pages IDS] [--json] FIND REPLACEMENT',
    does: 'find and replace across the collection: preview every hit with `--dry-run`, apply as one recorded change',
    run: replaceCommand,
  },
  {
    name: 'undo',
    synopsis: '[--archive DIR] [--change ID]',
    does: 'take back a recorded change (the newest by default): a whole replace-all, a region edit, a correction',
    run: undoCommand,
  },
  {
    name: 'review',
    synopsis: '[--archive DIR] (--pages IDS | --articles IDS) --status S [--reason TEXT] [--json]',
    does: "move pages or articles through new → OCR'd → in correction → corrected → reviewed → approved; moving back needs a reason",
    run: reviewCommand,
  },
  {
    name: 'history',
    synopsis: '[--archive DIR] (--line ID | --article ID) [--json]',
    does: 'every version of a line or an article: who, when, before, after, a character diff',
    run: historyCommand,
  },
  {
    name: 'revert',
    synopsis: '[--archive DIR] (--line ID | --article ID) --to CHANGE',
    does: 'go back to one version of a line or an article (0: the original line)',
    run: revertCommand,
  },
  {
    name: 'quality',
    synopsis: '[--archive DIR] [--title T] [--json]',
    does: 'CER and WER of the original OCR against the corrected text, per page, issue and title (verified pages), and the pages that need attention',
    run: qualityCommand,
  },
  {
    name: 'user',
    synopsis: '[--archive DIR] [NAME]',
    does: 'the name the history records for your changes (set once per archive)',
    run: userCommand,
  },
  {
    name: 'eval',
    synopsis: '[--archive DIR] --ground-truth DIR [--json]',
    does: "character and word error rates of each page's text against a ground-truth file named like its source (`scan.tif` → `scan.txt` or `scan.gt.txt`), and in total",
    run: evalCommand,
  },
  {
    name: 'backup',
    synopsis: '[--archive DIR] --out FILE',
    does: 'a consistent backup (SQLite online backup + the files it refers to, one tar file), also while the app is running',
    run: backupCommand,
  },
  {
    name: 'restore',
    synopsis: '--from FILE --archive DIR',
    does: 'restore a backup into a new or empty folder, then check it',
    run: restoreCommand,
  },
  {
    name: 'check',
    synopsis: '[--archive DIR] [--repair] [--json]',
    does: 'verify the database, every original against its sha256 and every derived image; `--repair` rebuilds thumbnails and tiles and removes leftovers of interrupted work',
    run: checkCommand,
  },
  {
    name: 'shard',
    synopsis:
      '--shards N --out DIR [--title NAME] [--date YYYY-MM-DD] [--edition E] [--pattern PATTERN] [--dpi N] [--lang L] [--engine E] PATH... | --unread [--archive DIR] --shards N --out DIR',
    does: "split scan files, or an archive's unread pages (`--unread`), into N shard manifests for a cluster: each worker runs `backfile import --shard MANIFEST --ocr` (docs/scale.md)",
    run: shardCommand,
  },
  {
    name: 'merge',
    synopsis: '--into ARCHIVE [--json] SHARD_ARCHIVE...',
    does: 'fold shard archives into one: titles and issues matched, pages de-duplicated by sha256, files copied once, corrections never replaced by machine text; one transaction per shard, so a killed merge is run again; reports pages added, duplicates and conflicts',
    run: mergeCommand,
  },
  {
    name: 'serve',
    synopsis: '[--archive DIR] [--port N] [--open]',
    does: 'the app in a browser (127.0.0.1 only, per-run token)',
    run: serveCommand,
  },
];

const WIDTH = 100;

/** Words, or for a synopsis whole [option] groups, wrapped at WIDTH. */
function wrap(words: string[], first: string, rest: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const indent = lines.length ? rest : first;
    if (line && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push((lines.length ? rest : first) + line);
  return lines.join('\n');
}

/** "[--a X] (--b | --c) ARG" → its groups; a group is never cut across lines. */
const groups = (synopsis: string) => synopsis.split(/\s+(?![^[(]*[\])])/);

/** `backfile --help`. */
export function usageText(): string {
  const entries = COMMANDS.map(
    (c) =>
      `${wrap([c.name, ...groups(c.synopsis)], '  ', '      ')}\n` +
      wrap(c.does.replaceAll('`', '').split(/\s+/), '          ', '          '),
  );
  return `Usage: backfile <command> [options]\n\n${entries.join('\n')}\n\nPatterns name metadata in file names, e.g. {title}_{date:YYYY-MM-DD}_p{page}.`;
}

/** The README's command table (Markdown). */
export function readmeTable(): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  return [
    '| command | what it does |',
    '| --- | --- |',
    ...COMMANDS.map((c) => `| \`${cell(`backfile ${c.name} ${c.synopsis}`)}\` | ${cell(c.does)} |`),
  ].join('\n');
}

// backfile pages: one entry per page.

import { escapeForTerminal } from '../../shared/text/terminal.ts';
import { openArchive } from '../../core/archive/archive.ts';
import { listPages } from '../../core/archive/pages.ts';
import { pageReading } from '../../core/ocr/queue-ocr.ts';
import { pageProvenance } from '../../core/archive/provenance.ts';
import { ARCHIVE_OPTION, JSON_OPTION, archiveFolder, parse } from '../args.ts';

export async function pagesCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...ARCHIVE_OPTION, ...JSON_OPTION });
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const pages = listPages(archive.db).map((p) => {
      return {
        id: p.id,
        title: p.title,
        date: p.date,
        edition: p.edition,
        sequence: p.sequence,
        page: p.printedNumber,
        width: p.width,
        height: p.height,
        dpi: p.dpi,
        source: p.sourceName,
        sourceIndex: p.sourceIndex,
        sha256: p.sourceSha256,
        textSource: p.textSource,
        ...pageReading(archive.db, p.id),
        readBy: pageProvenance(archive.db, p.id),
        status: p.status,
      };
    });
    if (values.json) console.log(JSON.stringify(pages, null, 2));
    else {
      for (const p of pages) {
        console.log(
          [
            p.id,
            p.title,
            p.date || '(no date)',
            `p${p.page ?? p.sequence}`,
            `${p.width}×${p.height}`,
            p.source + (p.sourceIndex ? `#${p.sourceIndex + 1}` : ''),
            p.sha256.slice(0, 12),
            p.textSource ?? '-',
            p.language + (p.readWith ? ` → ${p.readWith}` : ''),
            p.status,
          ]
            .map((field) => escapeForTerminal(String(field)))
            .join('\t'),
        );
      }
    }
    return 0;
  } finally {
    archive.close();
  }
}

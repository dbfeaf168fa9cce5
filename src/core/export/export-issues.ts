// Issue-level exports: METS (with the ALTO files and page images it points at), a IIIF manifest
// (with the page images), or a searchable PDF; one per issue, into a folder.

import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Archive } from '../archive/archive.ts';
import { pageIssues } from '../archive/pages.ts';
import { safeFileName } from './file-names.ts';
import { pageToAlto } from './formats/alto.ts';
import { issueToIiif } from './formats/iiif.ts';
import { issueToMets } from './formats/mets.ts';
import { writeIssuePdf, type IssuePdfPage } from './formats/issue-pdf.ts';
import { storedFile } from '../archive/file-rows.ts';
import { correctedLineCount } from '../archive/line-rows.ts';
import { mainLanguage } from '../../shared/language.ts';
import { loadIssueExport, type IssueExport } from './issue-model.ts';
import { publicationUrlProblem, type IssueFormat } from '../../shared/export.ts';
import { BackfileError } from '../../shared/errors.ts';

function issueStem(issue: IssueExport): string {
  return `${safeFileName(issue.title)}_${issue.date || 'undated'}${issue.edition ? `_${safeFileName(issue.edition)}` : ''}_issue${issue.issueId}`;
}

/** Refuses a IIIF export that does not say where it will be published, before anything is written. */
export function checkPublicationUrl(baseUrl: string | undefined): asserts baseUrl is string {
  if (baseUrl === undefined)
    throw new BackfileError(
      'invalid-input',
      'A IIIF manifest names every file by the URL it is published at: give the URL of the export folder ' +
        '(--base-url https://…). To look at an issue in a IIIF viewer without publishing it, `backfile serve` ' +
        'serves its manifest.',
    );
  const problem = publicationUrlProblem(baseUrl);
  if (problem) throw new BackfileError('invalid-input', problem);
}

export async function exportIssues(
  archive: Archive,
  format: IssueFormat,
  outDir: string,
  options: {
    issueIds?: readonly number[];
    /** The searchable PDF holds these pages only; METS and IIIF describe their whole issues. */
    pageIds?: readonly number[];
    baseUrl?: string;
  } = {},
): Promise<string[]> {
  const baseUrl = options.baseUrl;
  if (format === 'iiif') checkPublicationUrl(baseUrl);
  mkdirSync(outDir, { recursive: true });
  const wanted = options.pageIds ? new Set(options.pageIds) : null;
  // The issues in the archive, or those that hold the wanted pages.
  const ids = options.issueIds ?? [
    ...new Set(
      pageIssues(archive.db)
        .filter((p) => !wanted || wanted.has(p.pageId))
        .map((p) => p.issueId),
    ),
  ];
  const written: string[] = [];
  for (const issueId of ids) {
    const issue = loadIssueExport(archive, issueId, (p) => path.extname(p.rasterPath).toLowerCase());
    const stem = issueStem(issue);
    if (format === 'pdf') {
      const originals = new Map<string, Buffer>();
      const pages = issue.pages
        .filter((p) => !wanted || wanted.has(p.listing.id))
        .map((p): IssuePdfPage => {
          const scan = {
            jpeg: () =>
              sharp(archive.resolve(p.listing.rasterPath), { limitInputPixels: false })
                .flatten({ background: '#ffffff' })
                .toColourspace('srgb')
                .jpeg({ quality: 85 })
                .toBuffer(),
            widthPx: p.model.width,
            heightPx: p.model.height,
            dpi: p.model.dpi ?? 300,
            lines: p.model.regions.flatMap((r) => r.lines),
          };
          // A born-digital page nobody corrected is kept as printed; a corrected one is written
          // as image and text layer, so that what searches find is the corrected text.
          const file = storedFile(archive.db, p.listing.sourceSha256);
          const asPrinted =
            file?.format === 'pdf' &&
            p.listing.textSource === 'pdf' &&
            correctedLineCount(archive.db, p.listing.id) === 0;
          if (!asPrinted) return { scan };
          if (!originals.has(p.listing.sourceSha256))
            originals.set(p.listing.sourceSha256, readFileSync(archive.resolve(file.storedPath)));
          return {
            original: { pdf: originals.get(p.listing.sourceSha256)!, index: p.listing.sourceIndex },
            scan,
          };
        });
      const file = path.join(outDir, `${stem}.pdf`);
      written.push(file);
      await writeIssuePdf(
        pages,
        {
          title: `${issue.title} ${issue.date}`.trim(),
          date: issue.date,
          language: mainLanguage(issue.pages[0]?.model.languages ?? null)?.bcp47 ?? null,
        },
        file,
      );
      continue;
    }
    const folder = path.join(outDir, stem);
    mkdirSync(folder, { recursive: true });
    for (const p of issue.pages) {
      copyFileSync(archive.resolve(p.listing.rasterPath), path.join(folder, p.imageFile));
      written.push(path.join(folder, p.imageFile));
    }
    if (format === 'mets') {
      for (const p of issue.pages) {
        writeFileSync(path.join(folder, `${p.stem}.alto.xml`), pageToAlto(p.model));
        written.push(path.join(folder, `${p.stem}.alto.xml`));
      }
      writeFileSync(
        path.join(folder, 'mets.xml'),
        issueToMets(
          issue,
          (s) => `${s}.alto.xml`,
          (name) => {
            const file = path.join(folder, name);
            const bytes = readFileSync(file);
            return { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
          },
        ),
      );
      written.push(path.join(folder, 'mets.xml'));
    } else {
      // The base URL names the export folder; each issue's files are in its own folder below it.
      const manifest = issueToIiif(issue, `${baseUrl!.replace(/\/$/, '')}/${encodeURIComponent(stem)}`);
      writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
      written.push(path.join(folder, 'manifest.json'));
    }
  }
  return written;
}

// Issue-level exports: METS (with the ALTO files and page images it points at), a IIIF manifest
// (with the page images), or a searchable PDF; one per issue, into a folder.

import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import type { Archive } from '../archive/archive.ts';
import { pageIssues } from '../archive/pages.ts';
import { safeFileName } from './file-names.ts';
import { pageToAlto } from './formats/alto.ts';
import { issueToIiif } from './formats/iiif.ts';
import { issueToMets } from './formats/mets.ts';
import { writeSearchablePdf } from './formats/searchable-pdf.ts';
import { mainLanguage } from '../../shared/language.ts';
import { loadIssueExport, type IssueExport } from './issue-model.ts';
import type { IssueFormat } from '../../shared/export.ts';

function issueStem(issue: IssueExport): string {
  return `${safeFileName(issue.title)}_${issue.date || 'undated'}${issue.edition ? `_${safeFileName(issue.edition)}` : ''}_issue${issue.issueId}`;
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
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(outDir, name);
    writeFileSync(file, content);
    written.push(file);
  };
  for (const issueId of ids) {
    const issue = loadIssueExport(archive, issueId, (p) => path.extname(p.rasterPath).toLowerCase());
    const stem = issueStem(issue);
    if (format === 'pdf') {
      const pages = await Promise.all(
        issue.pages
          .filter((p) => !wanted || wanted.has(p.listing.id))
          .map(async (p) => ({
            jpeg: await sharp(archive.resolve(p.listing.rasterPath), { limitInputPixels: false })
              .flatten({ background: '#ffffff' })
              .toColourspace('srgb')
              .jpeg({ quality: 85 })
              .toBuffer(),
            widthPx: p.model.width,
            heightPx: p.model.height,
            dpi: p.model.dpi ?? 300,
            lines: p.model.regions.flatMap((r) => r.lines),
          })),
      );
      write(
        `${stem}.pdf`,
        writeSearchablePdf(pages, {
          title: `${issue.title} ${issue.date}`.trim(),
          date: issue.date,
          language: mainLanguage(issue.pages[0]?.model.languages ?? null)?.bcp47 ?? null,
        }),
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
      // Without a base URL the manifest points at the files where they were written.
      // A base URL names the export folder; each issue's files are in its own folder below it.
      const manifest = issueToIiif(
        issue,
        options.baseUrl
          ? `${options.baseUrl.replace(/\/$/, '')}/${encodeURIComponent(stem)}`
          : pathToFileURL(folder).href,
      );
      writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
      written.push(path.join(folder, 'manifest.json'));
    }
  }
  return written;
}

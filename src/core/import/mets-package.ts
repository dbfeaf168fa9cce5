// METS in an import: an exported issue (a folder whose mets.xml sits beside its page images and
// ALTO files), or a METS file given with --ocr-from beside scans named like its images. The pages
// come in with their OCR files, the issue with the METS's title, date, edition and number, and
// the METS's articles are made again from the regions those OCR files gave.

import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WritableDB } from '../archive/db-handles.ts';
import { setArticleField } from '../archive/article-rows.ts';
import { createArticle } from '../articles/articles.ts';
import { assembleArticle } from '../articles/assemble.ts';
import { BackfileError } from '../../shared/errors.ts';
import { looksLikeMets, readMets, type ImportedMets } from './existing-ocr/mets-reader.ts';
import { MAX_OCR_XML_BYTES } from './existing-ocr/safe-xml.ts';
import type { NameMetadata } from './pattern.ts';

export interface MetsPackage {
  file: string;
  dir: string;
  mets: ImportedMets;
}

/** A page of a METS package: which one, and the OCR file that holds its text. */
export interface MetsPlacement {
  pkg: MetsPackage;
  page: number;
}

/** Whether a file is METS: an .xml file whose root element is mets. */
export function isMetsFile(file: string): boolean {
  if (!/\.xml$/i.test(file)) return false;
  try {
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(4096);
      return looksLikeMets(head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8'));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

export function openMetsPackage(file: string): MetsPackage {
  const size = statSync(file).size;
  if (size > MAX_OCR_XML_BYTES)
    throw new BackfileError(
      'ocr-file-invalid',
      `${file}: ${Math.round(size / 2 ** 20)} MB is over the limit for a METS file.`,
    );
  return { file, dir: path.dirname(path.resolve(file)), mets: readMets(readFileSync(file, 'utf8'), file) };
}

/**
 * A file the METS names, as a path in the METS's own folder. A URL elsewhere, or a path that
 * leaves the folder, is refused: an import reads nothing from the network, and a METS from
 * outside does not get to pull arbitrary files of this machine into the archive.
 */
export function packageFile(pkg: MetsPackage, href: string): string {
  const isUrl = /^[a-z][a-z0-9+.-]*:/i.test(href) && !/^[a-z]:[\\/]/i.test(href);
  if (isUrl && !href.startsWith('file:'))
    throw new BackfileError(
      'ocr-file-invalid',
      `${pkg.file}: names "${href}", not a file beside it (an import reads nothing from the network).`,
    );
  const given = href.startsWith('file:') ? fileURLToPath(href) : href;
  // Relative URLs may be percent-encoded; Backfile's own export writes the names as they are.
  const candidates = [given, safeDecode(given)].map((p) => path.resolve(pkg.dir, p));
  const resolved = candidates.find((c) => existsSync(c)) ?? candidates[0]!;
  const relative = path.relative(pkg.dir, resolved);
  if (relative.startsWith('..') || path.isAbsolute(relative))
    throw new BackfileError(
      'ocr-file-invalid',
      `${pkg.file}: names "${href}", which is outside the METS file's folder; refused.`,
    );
  return resolved;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The scan for each page of a package, in the METS's physical order (or why a page has none). */
export function packagePages(
  pkg: MetsPackage,
): ({ path: string; placement: MetsPlacement } | { error: BackfileError })[] {
  return pkg.mets.pages.map((page, index) => {
    if (!page.image)
      return {
        error: new BackfileError('ocr-file-invalid', `${pkg.file}: page ${index + 1} names no image file.`),
      };
    try {
      return { path: packageFile(pkg, page.image), placement: { pkg, page: index } };
    } catch (error) {
      return { error: error as BackfileError };
    }
  });
}

/** The METS page whose image has the scan's name (the name with or without extension). */
export function placeScan(pkg: MetsPackage, scanPath: string): MetsPlacement | null {
  const name = path.basename(scanPath);
  const stem = path.basename(scanPath, path.extname(scanPath));
  const images = pkg.mets.pages.map((p) => (p.image ? path.basename(safeDecode(p.image)) : null));
  let page = images.findIndex((image) => image === name);
  if (page < 0)
    page = images.findIndex((image) => image !== null && path.basename(image, path.extname(image)) === stem);
  return page < 0 ? null : { pkg, page };
}

/** The OCR file of a placed page, or null when the METS gives its page none. */
export function placedOcrFile(placement: MetsPlacement): string | null {
  const href = placement.pkg.mets.pages[placement.page]!.ocr;
  return href ? packageFile(placement.pkg, href) : null;
}

/** What the METS says of the issue and of the page: the name metadata an import files it under. */
export function placedMetadata({ pkg, page }: MetsPlacement): NameMetadata {
  const { title, date, edition, volume, number } = pkg.mets;
  const label = pkg.mets.pages[page]!.label;
  const meta: NameMetadata = {};
  if (title) meta.title = title;
  if (date) meta.date = date;
  if (edition) meta.edition = edition;
  if (volume) meta.volume = volume;
  if (number) meta.number = number;
  // A page number as printed, when the label is one (ORDERLABEL="3"); other labels say nothing.
  if (label && /^[1-9]\d{0,4}$/.test(label)) meta.page = Number(label);
  return meta;
}

/**
 * The METS's articles, made again from the regions this import created: `blocks` maps each page
 * of the package to its OCR file's block IDs and the regions made of them. Parts on pages that
 * were not imported now (already in the archive, or failed) are not there to join; an article
 * with none of its parts here is not made, so running the same import again makes nothing twice.
 * The headline and byline come from the regions; the METS's own are kept only where they differ.
 */
export function restoreArticles(
  db: WritableDB,
  pkg: MetsPackage,
  blocks: ReadonlyMap<number, ReadonlyMap<string, number>>,
): number {
  let made = 0;
  for (const article of pkg.mets.articles) {
    const regionIds = [
      ...new Set(
        article.areas
          .map((a) => blocks.get(a.page)?.get(a.block))
          .filter((id): id is number => id !== undefined),
      ),
    ];
    if (regionIds.length === 0) continue;
    db.transaction(() => {
      const id = createArticle(db, regionIds, {}, 'import', 'user');
      const assembled = assembleArticle(db, id);
      if (article.title && article.title !== assembled.headline)
        setArticleField(db, id, 'headline', article.title);
      if (article.byline && article.byline !== assembled.byline)
        setArticleField(db, id, 'byline', article.byline);
    }).immediate();
    made++;
  }
  return made;
}

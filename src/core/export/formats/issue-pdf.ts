// The searchable PDF of an issue as a whole: a born-digital page goes in as it was printed (its
// own vector text, fonts and images, copied page for page from the original PDF, nothing added),
// a scanned page as its image with the invisible text layer (searchable-pdf.ts). The document's
// title, date and language are set once for all pages.

import { PDFDocument, PDFName } from 'pdf-lib';
import { writeFileSync } from 'node:fs';
import {
  searchablePdfBuffer,
  writeSearchablePdfFile,
  xmpPacket,
  type PdfMetadata,
  type PdfPage,
} from './searchable-pdf.ts';

export type IssuePdfPage =
  /** A page of a born-digital PDF, kept as it is; `scan` is used when the original cannot be copied. */
  { original: { pdf: Buffer; index: number }; scan: PdfPage } | { original?: undefined; scan: PdfPage };

async function loadOriginal(pdf: Buffer): Promise<PDFDocument | null> {
  try {
    return await PDFDocument.load(pdf, { updateMetadata: false });
  } catch {
    // Encrypted or damaged: its pages go in as image and text layer instead.
    return null;
  }
}

/**
 * Writes the issue's PDF to `file`. An issue of scans only is streamed, a page at a time; one
 * with pages kept as printed goes through pdf-lib, which holds the document whole.
 */
export async function writeIssuePdf(
  pages: readonly IssuePdfPage[],
  meta: PdfMetadata,
  file: string,
): Promise<void> {
  if (pages.every((p) => !p.original)) {
    await writeSearchablePdfFile(
      pages.map((p) => p.scan),
      meta,
      file,
    );
    return;
  }
  const originals = new Map<Buffer, Promise<PDFDocument | null>>();
  const sourceOf = async (page: IssuePdfPage) => {
    if (!page.original) return null;
    if (!originals.has(page.original.pdf)) originals.set(page.original.pdf, loadOriginal(page.original.pdf));
    const doc = await originals.get(page.original.pdf)!;
    return doc && page.original.index < doc.getPageCount() ? doc : null;
  };
  const sources = await Promise.all(pages.map(sourceOf));
  const scanned = pages.filter((_, i) => !sources[i]).map((p) => p.scan);
  // Scans only after all (no original could be copied): streamed like any issue of scans.
  if (scanned.length === pages.length) return writeSearchablePdfFile(scanned, meta, file);
  const out = await PDFDocument.create({ updateMetadata: false });
  const layered =
    scanned.length > 0 ? await PDFDocument.load(await searchablePdfBuffer(scanned, meta)) : null;
  let nextScan = 0;
  for (const [i, page] of pages.entries()) {
    const source = sources[i];
    const [copied] = source
      ? await out.copyPages(source, [page.original!.index])
      : await out.copyPages(layered!, [nextScan++]);
    out.addPage(copied!);
  }
  out.setTitle(meta.title);
  out.setProducer('Backfile');
  if (meta.language) out.setLanguage(meta.language);
  if (meta.date) out.setCreationDate(new Date(`${meta.date}T00:00:00Z`));
  const xmp = out.context.stream(xmpPacket(meta), { Type: 'Metadata', Subtype: 'XML' });
  out.catalog.set(PDFName.of('Metadata'), out.context.register(xmp));
  writeFileSync(file, await out.save());
}

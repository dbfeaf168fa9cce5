// PDF scans and born-digital PDFs: every page becomes a page, rasterised at the chosen dpi with
// pdfjs-dist + @napi-rs/canvas; a text layer, when there is one, comes along as words and lines
// in the raster's pixels with source 'pdf'.

import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { PDFDocumentProxy, PDFPageProxy, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { PageViewport } from 'pdfjs-dist/types/src/display/page_viewport.js';
import { BackfileError } from '../../shared/errors.ts';
import type { PageText } from '../../shared/model.ts';
import { unionBoxes, type Box, type Point } from '../../shared/geometry.ts';
import { checkPixels } from '../import/image-source.ts';
import type { ReadOptions, ScanSource } from '../import/source.ts';
import { loadPdf, pdfjsVersion, pdfUtil, type LoadedPdf } from './pdfjs.ts';
import { runsToPageText, type TextRun } from './text-layer.ts';

function pdfError(file: string, error: unknown): BackfileError {
  const name = (error as { name?: string })?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return new BackfileError(
      'pdf-encrypted',
      `${file}: the PDF is password-protected; remove the password and import again.`,
    );
  }
  return new BackfileError('pdf-corrupt', `${file}: the PDF cannot be read (${message}).`, { cause: error });
}

/** pdfjs's text items as runs in the pixels of `viewport`. */
function textRuns(items: readonly TextItem[], viewport: PageViewport): TextRun[] {
  return items.map((textItem) => {
    const [a, b, c, d, e, f] = pdfUtil.transform(viewport.transform, textItem.transform) as number[];
    const fontSize = Math.hypot(c!, d!);
    const scale =
      Math.hypot(a!, b!) / Math.max(Math.hypot(textItem.transform[0]!, textItem.transform[1]!), 1e-9);
    return {
      text: textItem.str,
      x: e!,
      baseline: f!,
      width: textItem.width * scale,
      fontSize,
      endsLine: textItem.hasEOL,
    };
  });
}

/** How many items run left to right, upright, in `viewport`. */
function uprightItems(items: readonly TextItem[], viewport: PageViewport): number {
  return items.filter((item) => {
    const [a, b] = pdfUtil.transform(viewport.transform, item.transform) as number[];
    return a! > 0 && Math.abs(b!) < a!;
  }).length;
}

/** A box in the pixels of `from` as a box in the pixels of `to` (two views of one page). */
function mapBox(box: Box, from: PageViewport, to: PageViewport): Box {
  const corners = [
    [box.x0, box.y0],
    [box.x1, box.y0],
    [box.x1, box.y1],
    [box.x0, box.y1],
  ].map(([x, y]) => {
    const [px, py] = from.convertToPdfPoint(x!, y!) as [number, number];
    const [vx, vy] = to.convertToViewportPoint(px, py) as [number, number];
    return { x0: vx, y0: vy, x1: vx, y1: vy };
  });
  return unionBoxes(corners);
}

/**
 * The page's text in the pixels of `viewport` (the raster's). Lines are laid out where the text
 * runs left to right: on most pages that is the page as shown; on a page whose text is turned
 * against its /Rotate (a landscape scan stored sideways, a table set across the page) it is the
 * page turned by a quarter, a half or three quarters. The boxes are then mapped back onto the
 * raster, so they cover the printed glyphs whichever way the page is turned.
 */
export async function readTextLayer(page: PDFPageProxy, viewport: PageViewport): Promise<PageText | null> {
  const content = await page.getTextContent();
  const items = content.items.filter((item): item is TextItem => 'str' in item);
  const views = [0, 90, 180, 270].map((turn) =>
    turn === 0
      ? viewport
      : page.getViewport({ scale: viewport.scale, rotation: (viewport.rotation + turn) % 360 }),
  );
  const counts = views.map((v) => uprightItems(items, v));
  const upright = views[counts.indexOf(Math.max(...counts))]!;
  const source = { kind: 'pdf' as const, engine: 'pdfjs-dist', version: pdfjsVersion(), model: '' };
  const text = runsToPageText(textRuns(items, upright), source);
  if (!text || upright === viewport) return text;
  const onRaster = (box: Box) => mapBox(box, upright, viewport);
  const onRasterPoint = ([x, y]: Point): Point => {
    const b = onRaster({ x0: x, y0: y, x1: x, y1: y });
    return [b.x0, b.y0];
  };
  return {
    ...text,
    blocks: text.blocks.map((block) => ({
      box: onRaster(block.box),
      lines: block.lines.map((line) => ({
        ...line,
        box: onRaster(line.box),
        ...(line.baseline ? { baseline: line.baseline.map((p) => onRasterPoint(p)) } : {}),
        words: line.words.map((w) => ({ ...w, box: onRaster(w.box) })),
      })),
    })),
  };
}

async function renderPage(
  page: PDFPageProxy,
  doc: PDFDocumentProxy,
  viewport: PageViewport,
  dpi: number,
): Promise<Buffer> {
  const width = Math.round(viewport.width);
  const height = Math.round(viewport.height);
  const factory = doc.canvasFactory as {
    create(
      w: number,
      h: number,
    ): {
      canvas: { data(): Buffer };
      context: { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void };
    };
    destroy(c: unknown): void;
  };
  const entry = factory.create(width, height);
  try {
    entry.context.fillStyle = '#ffffff';
    entry.context.fillRect(0, 0, width, height);
    await page.render({ canvasContext: entry.context as never, canvas: entry.canvas as never, viewport })
      .promise;
    const rgba = entry.canvas.data();
    return await sharp(rgba, { raw: { width, height, channels: 4 } })
      .removeAlpha()
      .withMetadata({ density: dpi })
      .png({ compressionLevel: 6 })
      .toBuffer();
  } finally {
    factory.destroy(entry);
  }
}

/**
 * The PDF reader keeps every object it has parsed (about a megabyte a newspaper page) for as long
 * as the document is open: a long PDF is opened afresh after this many pages, so that reading
 * page 500 holds no more than reading page 50.
 */
const PAGES_PER_OPENING = 25;

export async function openPdfSource(file: string, options: ReadOptions): Promise<ScanSource> {
  let loaded: LoadedPdf;
  try {
    loaded = await loadPdf(new Uint8Array(await readFile(file)));
  } catch (error) {
    throw pdfError(file, error);
  }
  let { doc } = loaded;
  let readSinceOpening = 0;
  if (doc.numPages < 1) {
    await loaded.destroy();
    throw new BackfileError('pdf-no-pages', `${file}: the PDF has no pages.`);
  }
  return {
    format: 'pdf',
    pageCount: doc.numPages,
    async readPage(index) {
      try {
        if (++readSinceOpening > PAGES_PER_OPENING) {
          await loaded.destroy();
          loaded = await loadPdf(new Uint8Array(await readFile(file)));
          doc = loaded.doc;
          readSinceOpening = 1;
        }
        const page = await doc.getPage(index + 1);
        const viewport = page.getViewport({ scale: options.dpi / 72 });
        checkPixels(
          `${file} (page ${index + 1} at ${options.dpi} dpi)`,
          Math.round(viewport.width),
          Math.round(viewport.height),
          options,
        );
        const text = await readTextLayer(page, viewport);
        const data = await renderPage(page, doc, viewport, options.dpi);
        page.cleanup();
        // The document keeps every page's fonts (a newspaper page embeds its own, as Type 3
        // glyphs) until told: without this a long PDF's import grows by its fonts page by page.
        await doc.cleanup();
        return {
          index,
          width: Math.round(viewport.width),
          height: Math.round(viewport.height),
          dpi: options.dpi,
          raster: { data, extension: 'png' },
          text,
        };
      } catch (error) {
        if (error instanceof BackfileError) throw error;
        throw pdfError(`${file} (page ${index + 1})`, error);
      }
    },
    async close() {
      await loaded.destroy();
    },
  };
}

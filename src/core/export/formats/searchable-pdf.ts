// A searchable PDF for an issue: each page image with an invisible text layer (render mode 3)
// laid over its lines, so the text selects and searches in Chinese as in Latin script. The text
// is set in Type 3 fonts with empty glyphs and a ToUnicode map, 256 characters a font: no CJK
// font has to be embedded, and any character the archive holds can be written.

import { closeSync, openSync, writeSync } from 'node:fs';

export interface PdfPage {
  /** JPEG bytes of the page image, made when the page is written and let go after it. */
  jpeg: () => Promise<Buffer>;
  widthPx: number;
  heightPx: number;
  dpi: number;
  lines: { text: string; box: { x0: number; y0: number; x1: number; y1: number } }[];
}

/**
 * Writes numbered objects one after another to `out`, keeping only their offsets: the document
 * is never held whole, only the object being written.
 */
class PdfBuilder {
  private length = 0;
  private readonly offsets: number[] = [];

  private readonly out: (chunk: Buffer) => void;

  constructor(out: (chunk: Buffer) => void) {
    this.out = out;
    this.emit(Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1'));
  }

  private emit(chunk: Buffer): void {
    this.out(chunk);
    this.length += chunk.length;
  }

  reserve(): number {
    this.offsets.push(0);
    return this.offsets.length;
  }

  write(id: number, body: string | Buffer, stream?: Buffer): void {
    this.offsets[id - 1] = this.length;
    this.emit(Buffer.from(`${id} 0 obj\n`, 'latin1'));
    this.emit(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    if (stream) {
      this.emit(Buffer.from('\nstream\n', 'latin1'));
      this.emit(stream);
      this.emit(Buffer.from('\nendstream', 'latin1'));
    }
    this.emit(Buffer.from('\nendobj\n', 'latin1'));
  }

  finish(rootId: number, infoId: number): void {
    const xref = this.length;
    const rows = this.offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
    const tail = `xref\n0 ${this.offsets.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${this.offsets.length + 1} /Root ${rootId} 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    this.emit(Buffer.from(tail, 'latin1'));
  }
}

function utf16Hex(ch: string): string {
  let hex = '';
  for (let i = 0; i < ch.length; i++) hex += ch.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return hex;
}

function pdfString(text: string): string {
  // PDF text strings in UTF-16BE with a byte order mark, as a hex string.
  return `<FEFF${[...text].map(utf16Hex).join('')}>`;
}

function toUnicodeCMap(chars: readonly string[]): Buffer {
  const entries = chars.map(
    (ch, code) => `<${code.toString(16).padStart(2, '0').toUpperCase()}> <${utf16Hex(ch)}>`,
  );
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const slice = entries.slice(i, i + 100);
    blocks.push(`${slice.length} beginbfchar\n${slice.join('\n')}\nendbfchar`);
  }
  return Buffer.from(
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
      '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n' +
      blocks.join('\n') +
      '\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n',
    'latin1',
  );
}

const n = (x: number) => (Math.round(x * 1000) / 1000).toString();

export interface PdfMetadata {
  title: string;
  /** The issue date, YYYY-MM-DD, or '' when unknown. */
  date: string;
  /** BCP 47 language of the text (the catalog's /Lang, which screen readers and search use). */
  language: string | null;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** XMP: Dublin Core title, date and language, as archives and PDF/A readers take them. */
export function xmpPacket(meta: PdfMetadata): Buffer {
  const date = meta.date ? `<dc:date><rdf:Seq><rdf:li>${meta.date}</rdf:li></rdf:Seq></dc:date>` : '';
  const language = meta.language
    ? `<dc:language><rdf:Bag><rdf:li>${meta.language}</rdf:li></rdf:Bag></dc:language>`
    : '';
  return Buffer.from(
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>` +
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
      `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">` +
      `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(meta.title)}</rdf:li></rdf:Alt></dc:title>` +
      `${date}${language}<pdf:Producer>Backfile</pdf:Producer>` +
      `</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`,
    'utf8',
  );
}

/**
 * Writes the document to `out` page by page: the text of every page first (the fonts need all
 * its characters), then each page's image, made, written and let go before the next.
 */
export async function writeSearchablePdf(
  pages: readonly PdfPage[],
  meta: PdfMetadata,
  out: (chunk: Buffer) => void,
): Promise<void> {
  // One code (font number, byte) per distinct character of the issue.
  const characters: string[] = [];
  const codeOf = new Map<string, { font: number; code: number }>();
  for (const page of pages) {
    for (const line of page.lines) {
      for (const ch of line.text) {
        if (codeOf.has(ch)) continue;
        codeOf.set(ch, { font: Math.floor(characters.length / 256), code: characters.length % 256 });
        characters.push(ch);
      }
    }
  }
  const pdf = new PdfBuilder(out);
  const catalog = pdf.reserve();
  const pagesId = pdf.reserve();
  const info = pdf.reserve();
  const glyph = pdf.reserve();
  // Every glyph is the same empty procedure one em wide: the text is never painted (mode 3).
  const glyphBytes = Buffer.from('1000 0 d0\n', 'latin1');
  pdf.write(glyph, `<< /Length ${glyphBytes.length} >>`, glyphBytes);
  const fontIds: number[] = [];
  for (let f = 0; f * 256 < characters.length; f++) {
    const chars = characters.slice(f * 256, f * 256 + 256);
    const font = pdf.reserve();
    const cmap = pdf.reserve();
    const cmapBytes = toUnicodeCMap(chars);
    pdf.write(cmap, `<< /Length ${cmapBytes.length} >>`, cmapBytes);
    const names = chars.map((_, i) => `/g${i}`).join(' ');
    const procs = chars.map((_, i) => `/g${i} ${glyph} 0 R`).join(' ');
    pdf.write(
      font,
      `<< /Type /Font /Subtype /Type3 /Name /F${f} /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] ` +
        `/CharProcs << ${procs} >> /Encoding << /Type /Encoding /Differences [0 ${names}] >> ` +
        `/FirstChar 0 /LastChar ${chars.length - 1} /Widths [${chars.map(() => '1000').join(' ')}] /Resources << >> /ToUnicode ${cmap} 0 R >>`,
    );
    fontIds.push(font);
  }
  const fontResources = fontIds.map((id, f) => `/F${f} ${id} 0 R`).join(' ');
  const pageIds: number[] = [];
  for (const page of pages) {
    const scale = 72 / page.dpi;
    const w = page.widthPx * scale;
    const h = page.heightPx * scale;
    const image = pdf.reserve();
    const jpeg = await page.jpeg();
    pdf.write(
      image,
      `<< /Type /XObject /Subtype /Image /Width ${page.widthPx} /Height ${page.heightPx} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>`,
      jpeg,
    );
    let content = `q ${n(w)} 0 0 ${n(h)} 0 0 cm /Im0 Do Q\nBT 3 Tr\n`;
    for (const line of page.lines) {
      const chars = [...line.text];
      if (chars.length === 0) continue;
      const size = Math.max(1, (line.box.y1 - line.box.y0) * scale);
      const width = (line.box.x1 - line.box.x0) * scale;
      const stretch = Math.max(1, (100 * width) / (chars.length * size));
      content += `${n(stretch)} Tz 1 0 0 1 ${n(line.box.x0 * scale)} ${n(h - line.box.y1 * scale + size * 0.12)} Tm\n`;
      let font = -1;
      let run = '';
      const flush = () => {
        if (run) content += `<${run}> Tj\n`;
        run = '';
      };
      for (const ch of chars) {
        const c = codeOf.get(ch)!;
        if (c.font !== font) {
          flush();
          font = c.font;
          content += `/F${font} ${n(size)} Tf\n`;
        }
        run += c.code.toString(16).padStart(2, '0');
      }
      flush();
    }
    content += 'ET\n';
    const contentBytes = Buffer.from(content, 'latin1');
    const contentId = pdf.reserve();
    pdf.write(contentId, `<< /Length ${contentBytes.length} >>`, contentBytes);
    const pageId = pdf.reserve();
    pdf.write(
      pageId,
      `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${n(w)} ${n(h)}] /Contents ${contentId} 0 R ` +
        `/Resources << /XObject << /Im0 ${image} 0 R >> /Font << ${fontResources} >> >> >>`,
    );
    pageIds.push(pageId);
  }
  pdf.write(
    pagesId,
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`,
  );
  const xmp = xmpPacket(meta);
  const metadata = pdf.reserve();
  pdf.write(metadata, `<< /Type /Metadata /Subtype /XML /Length ${xmp.length} >>`, xmp);
  const lang = meta.language ? ` /Lang ${pdfString(meta.language)}` : '';
  pdf.write(catalog, `<< /Type /Catalog /Pages ${pagesId} 0 R /Metadata ${metadata} 0 R${lang} >>`);
  const created = meta.date ? ` /CreationDate (D:${meta.date.replace(/-/g, '')})` : '';
  pdf.write(info, `<< /Title ${pdfString(meta.title)} /Producer (Backfile)${created} >>`);
  pdf.finish(catalog, info);
}

/** The document written straight to a file, one object at a time. */
export async function writeSearchablePdfFile(
  pages: readonly PdfPage[],
  meta: PdfMetadata,
  file: string,
): Promise<void> {
  const fd = openSync(file, 'w');
  try {
    await writeSearchablePdf(pages, meta, (chunk) => writeAll(fd, chunk));
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, chunk: Buffer): void {
  for (let done = 0; done < chunk.length;) done += writeSync(fd, chunk, done);
}

/** The document in memory, for a writer that must load it whole (pdf-lib, in issue-pdf.ts). */
export async function searchablePdfBuffer(pages: readonly PdfPage[], meta: PdfMetadata): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await writeSearchablePdf(pages, meta, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

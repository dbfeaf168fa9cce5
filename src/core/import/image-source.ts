// PNG, JPEG and TIFF (multi-page, LZW, G4, 8/16-bit, grey and colour) through sharp; a page
// whose EXIF orientation says it is turned is stored upright.

import sharp, { type Metadata, type SharpOptions } from 'sharp';
import { BackfileError } from '../../shared/errors.ts';
import type { ScanFormat } from './detect.ts';
import type { ReadOptions, ScanSource, SourcePage } from './source.ts';

export function sharpOptions(options: ReadOptions, extra: SharpOptions = {}): SharpOptions {
  // 'truncated' rejects cut-off files but tolerates the harmless warnings old scanners leave.
  return { limitInputPixels: options.maxPixels, failOn: 'truncated', sequentialRead: true, ...extra };
}

export function imageError(file: string, error: unknown): BackfileError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new BackfileError(
      'image-too-large',
      `${file}: the image is larger than the pixel limit (${message}).`,
    );
  }
  return new BackfileError('image-corrupt', `${file}: the image cannot be decoded (${message.trim()}).`, {
    cause: error,
  });
}

export function checkPixels(file: string, width: number, height: number, options: ReadOptions): void {
  if (width * height > options.maxPixels) {
    throw new BackfileError(
      'image-too-large',
      `${file}: ${width}×${height} pixels (${Math.round((width * height) / 1e6)} MP) is over the limit of ` +
        `${Math.round(options.maxPixels / 1e6)} MP; such a size usually means a damaged or hostile file.`,
    );
  }
}

export async function openImageSource(
  file: string,
  format: ScanFormat,
  options: ReadOptions,
): Promise<ScanSource> {
  let meta: Metadata;
  try {
    // Reading the header decodes no pixels, so it runs without the limit; the limit is checked
    // right after with the declared size, which gives the archivist a precise message.
    meta = await sharp(file, { ...sharpOptions(options), limitInputPixels: false }).metadata();
  } catch (error) {
    throw imageError(file, error);
  }
  const pageCount = format === 'tiff' ? (meta.pages ?? 1) : 1;
  checkPixels(file, meta.width ?? 0, meta.pageHeight ?? meta.height ?? 0, options);
  return {
    format,
    pageCount,
    async readPage(index: number): Promise<SourcePage> {
      try {
        const image = sharp(file, sharpOptions(options, format === 'tiff' ? { page: index } : {}));
        const pageMeta = format === 'tiff' ? await image.metadata() : meta;
        const width = pageMeta.width ?? 0;
        const height = pageMeta.height ?? 0;
        checkPixels(file, width, height, options);
        const dpi = pageMeta.density ?? null;
        const orientation = pageMeta.orientation ?? 1;
        if (orientation > 1) {
          // EXIF says the camera or scanner held the page turned (6: a quarter turn): the master
          // is the page upright, so that OCR, boxes and the viewer all see what a reader sees.
          const { data, info } = await image
            .rotate()
            .png({ compressionLevel: 6 })
            .toBuffer({ resolveWithObject: true });
          return {
            index,
            width: info.width,
            height: info.height,
            dpi,
            raster: { data, extension: 'png' },
            text: null,
          };
        }
        if (format !== 'tiff') {
          // The original PNG or JPEG is the master; decode it once fully so a cut-off file fails here.
          await image.clone().raw().toBuffer();
          return { index, width, height, dpi, raster: null, text: null };
        }
        let pipeline = image;
        if (pageMeta.depth === 'ushort') {
          pipeline = pipeline.toColourspace((pageMeta.channels ?? 1) <= 2 ? 'b-w' : 'srgb');
        }
        const data = await pipeline.png({ compressionLevel: 6 }).toBuffer();
        return { index, width, height, dpi, raster: { data, extension: 'png' }, text: null };
      } catch (error) {
        if (error instanceof BackfileError) throw error;
        throw imageError(`${file} (page ${index + 1})`, error);
      }
    },
    async close() {},
  };
}

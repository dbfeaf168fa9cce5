// JPEG 2000 (.jp2 / .j2k): sharp cannot read it here, so pdfjs-dist's OpenJPEG (WebAssembly,
// shipped inside the package) decodes it, and sharp writes the master PNG.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { JpxImage } from 'pdfjs-dist/image_decoders/pdf.image_decoders.mjs';
import { BackfileError } from '../../shared/errors.ts';
import { pdfjsAssetUrl } from '../pdf/pdfjs.ts';
import { checkPixels } from './image-source.ts';
import type { ReadOptions, ScanSource } from './source.ts';

let configured = false;

function configure(): void {
  if (configured) return;
  // Node's fetch cannot read file: URLs, so the WebAssembly module is handed over from disk.
  JpxImage.setOptions({
    useWasm: true,
    useWorkerFetch: false,
    wasmUrl: pdfjsAssetUrl('wasm'),
    getHandler: () => ({
      sendWithPromise: async (_action: string, { filename }: { filename: string }) =>
        new Uint8Array(await readFile(path.join(pdfjsAssetUrl('wasm'), path.basename(filename)))),
    }),
  });
  configured = true;
}

export async function openJp2Source(file: string, options: ReadOptions): Promise<ScanSource> {
  configure();
  const bytes = new Uint8Array(await readFile(file));
  let props: { width: number; height: number; componentsCount: number };
  try {
    props = JpxImage.parseImageProperties(bytes);
  } catch (error) {
    throw new BackfileError('image-corrupt', `${file}: not a readable JPEG 2000 file (${String(error)}).`);
  }
  checkPixels(file, props.width, props.height, options);
  return {
    format: 'jp2',
    pageCount: 1,
    async readPage(index) {
      const channels = props.componentsCount >= 3 ? 3 : 1;
      let pixels: Uint8Array;
      try {
        pixels = await JpxImage.instance.decode(bytes, { numComponents: channels });
      } catch (error) {
        throw new BackfileError(
          'image-corrupt',
          `${file}: the JPEG 2000 image cannot be decoded (${String(error)}).`,
        );
      }
      const data = await sharp(Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength), {
        raw: { width: props.width, height: props.height, channels },
      })
        .png()
        .toBuffer();
      return {
        index,
        width: props.width,
        height: props.height,
        dpi: null,
        raster: { data, extension: 'png' },
        text: null,
      };
    },
    async close() {},
  };
}

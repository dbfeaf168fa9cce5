// The page image as 8-bit grey pixels: what both PP-OCR models read (the page is grey anyway;
// the three colour channels the models take are the same grey).

import sharp, { type Sharp } from 'sharp';
import { fromPgm } from '../preprocess.ts';

export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export async function toGrey(image: Buffer): Promise<GreyImage> {
  if (image.subarray(0, 3).toString('latin1') === 'P5\n') return fromPgm(image);
  return greyOf(sharp(image, { limitInputPixels: false }));
}

/** The grey pixels of an image as sharp has it (decoded, cropped, …). */
export async function greyOf(image: Sharp): Promise<GreyImage> {
  const { data, info } = await image.greyscale().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
  };
}

/** Bilinear resize of a grey image (or a part of it) to the given size. */
export function resizeGrey(
  src: GreyImage,
  crop: { x: number; y: number; width: number; height: number },
  width: number,
  height: number,
): Float32Array {
  const out = new Float32Array(width * height);
  const sx = crop.width / width;
  const sy = crop.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(crop.y + (y + 0.5) * sy - 0.5, src.height - 1);
    const y0 = Math.max(0, Math.floor(fy));
    const y1 = Math.min(src.height - 1, y0 + 1);
    const wy = Math.max(0, fy - y0);
    for (let x = 0; x < width; x++) {
      const fx = Math.min(crop.x + (x + 0.5) * sx - 0.5, src.width - 1);
      const x0 = Math.max(0, Math.floor(fx));
      const x1 = Math.min(src.width - 1, x0 + 1);
      const wx = Math.max(0, fx - x0);
      const a = src.data[y0 * src.width + x0]!;
      const b = src.data[y0 * src.width + x1]!;
      const c = src.data[y1 * src.width + x0]!;
      const d = src.data[y1 * src.width + x1]!;
      out[y * width + x] = (a * (1 - wx) + b * wx) * (1 - wy) + (c * (1 - wx) + d * wx) * wy;
    }
  }
  return out;
}

// A page image scaled down for layout analysis: one grey byte per pixel, and the paper's
// brightness (the bright end of the page; ink lies well below it, even on yellowed scans).

import sharp from 'sharp';

export interface SmallPage {
  data: Buffer;
  width: number;
  height: number;
  /** Width of the full-size page, to scale results back. */
  fullWidth: number;
  fullHeight: number;
  paper: number;
}

export async function smallPage(
  raster: string | Buffer,
  scale: number,
  maxPixels: number,
): Promise<SmallPage> {
  const meta = await sharp(raster, { limitInputPixels: maxPixels }).metadata();
  const width = Math.max(1, Math.round((meta.width ?? 0) / scale));
  const { data, info } = await sharp(raster, { limitInputPixels: maxPixels })
    .greyscale()
    .resize({ width })
    .toColourspace('b-w')
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const sorted = Uint8Array.from(data).sort();
  return {
    data,
    width: info.width,
    height: info.height,
    fullWidth: meta.width ?? 0,
    fullHeight: meta.height ?? 0,
    paper: sorted[Math.floor(sorted.length * 0.9)]!,
  };
}

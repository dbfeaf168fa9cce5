// Reading order on real pages with human ground truth (the NZZ front pages, PAGE XML): the
// ground truth's lines, with its own text, go through Backfile's layout with the regions thrown
// away, as an engine's lines would. What is measured is the layout alone, not recognition.
// Used by bench/layout-real.ts and test/layout/real-pages.samples.test.ts.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { readPageXml } from '../../src/core/import/existing-ocr/page-xml-reader.ts';
import { layOutPage } from '../../src/core/layout/page-layout.ts';
import { characterErrorRate } from '../../src/shared/text/error-rate.ts';
import type { Line } from '../../src/shared/model.ts';
import { SAMPLE_ROOT } from './truth.ts';

export const NZZ = path.join(SAMPLE_ROOT, 'real', 'nzz');

export interface RealLayoutScore {
  name: string;
  lines: number;
  /** The page text in our order against the ground truth's (white space ignored). */
  cer: number;
  /** Of the ground truth's consecutive line pairs inside a region, those we read one after the other. */
  kept: number;
  pairs: number;
  seconds: number;
}

/** The NZZ ground-truth files, oldest first. */
export function nzzPages(): string[] {
  return readdirSync(NZZ)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => path.join(NZZ, f));
}

export async function scoreRealLayout(xmlFile: string): Promise<RealLayoutScore> {
  const imported = readPageXml(readFileSync(xmlFile, 'utf8'), path.basename(xmlFile));
  const truthOrder: Line[] = imported.regions.flatMap((r) => r.lines);
  const image = xmlFile.replace(/\.xml$/u, '.tif');
  const meta = await sharp(image).metadata();
  const started = performance.now();
  const laid = await layOutPage(
    image,
    { width: meta.width, height: meta.height, dpi: meta.density ?? null },
    truthOrder,
    250_000_000,
  );
  const seconds = (performance.now() - started) / 1000;
  const placed = laid.layout.order.flatMap((k) => laid.layout.blocks[k]!.lines);
  const loose = laid.lines.map((_, i) => i).filter((i) => !placed.includes(i));
  const ours = [...placed, ...loose].map((i) => laid.lines[i]!);
  // The layout may cut a line where a rule runs through it: a piece keeps its line's place.
  const origin = (l: Line) =>
    truthOrder.findIndex(
      (t) => t.box.y0 <= l.box.y0 && t.box.y1 >= l.box.y1 && t.box.x0 <= l.box.x0 && t.box.x1 >= l.box.x1,
    );
  const position = new Map<number, number>();
  ours.forEach((l, k) => {
    const o = origin(l);
    if (o >= 0 && !position.has(o)) position.set(o, k);
  });
  let pairs = 0;
  let kept = 0;
  for (const region of imported.regions) {
    const first = truthOrder.indexOf(region.lines[0]!);
    for (let k = 1; k < region.lines.length; k++) {
      pairs++;
      const a = position.get(first + k - 1);
      const b = position.get(first + k);
      if (a !== undefined && b !== undefined && b > a && b - a <= 2) kept++;
    }
  }
  return {
    name: path.basename(xmlFile, '.xml'),
    lines: truthOrder.length,
    cer: characterErrorRate(ours.map((l) => l.text).join('\n'), truthOrder.map((l) => l.text).join('\n')),
    kept,
    pairs,
    seconds,
  };
}

// bench/layout-real: reading order on real newspaper pages nobody here made. The NZZ front
// pages (../shared/samples/real/nzz, German, mostly Fraktur, 1800–1943) come with PAGE ground
// truth made by people: lines, regions and the regions' reading order. Their lines, with the
// ground truth's own text, go through Backfile's layout with the regions thrown away, so what
// is measured is the layout alone (bench/lib/real-layout.ts):
// - ordered CER: the page text in our order against the ground truth's (white space ignored;
//   every line in the wrong place counts), as bench/accuracy measures it;
// - successions kept: of the ground truth's consecutive line pairs inside a region, the share
//   our order also reads one after the other.
// No rule was chosen on these pages before they were first measured (docs/decisions/009).
// Run: node bench/layout-real.ts

import { existsSync } from 'node:fs';
import { NZZ, nzzPages, scoreRealLayout } from './lib/real-layout.ts';

if (!existsSync(NZZ)) throw new Error(`No real pages found at ${NZZ}.`);
const files = nzzPages();
console.log(`bench/layout-real — ${files.length} real NZZ pages, ground-truth lines through the layout`);
console.log('\n| page | lines | ordered CER | successions kept | layout s |');
console.log('|---|---|---|---|---|');
const cers: number[] = [];
for (const file of files) {
  const s = await scoreRealLayout(file);
  cers.push(s.cer);
  console.log(
    `| ${s.name} | ${s.lines} | ${(s.cer * 100).toFixed(1)} % | ${s.kept}/${s.pairs} (${((100 * s.kept) / Math.max(1, s.pairs)).toFixed(1)} %) | ${s.seconds.toFixed(1)} |`,
  );
}
const mean = cers.reduce((n, c) => n + c, 0) / cers.length;
console.log(
  `\nmean ordered CER ${(mean * 100).toFixed(1)} %, worst ${(Math.max(...cers) * 100).toFixed(1)} %`,
);

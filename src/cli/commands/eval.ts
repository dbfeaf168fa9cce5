// backfile eval: error rates of the archive's text against ground-truth text files.

import path from 'node:path';
import { openArchive } from '../../core/archive/archive.ts';
import { evaluateArchive } from '../../core/text/evaluate.ts';
import { BackfileError } from '../../shared/errors.ts';
import { ARCHIVE_OPTION, JSON_OPTION, archiveFolder, parse } from '../args.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export async function evalCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...ARCHIVE_OPTION, ...JSON_OPTION, 'ground-truth': { type: 'string' } });
  if (!values['ground-truth'])
    throw new BackfileError(
      'invalid-input',
      'Give the folder of ground-truth text files with --ground-truth DIR.',
    );
  const archive = openArchive(archiveFolder(values.archive), { create: false });
  try {
    const result = evaluateArchive(archive, path.resolve(values['ground-truth']));
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log('page\tsource\tcharacters\tCER\tWER');
      for (const p of result.pages)
        console.log(`${p.pageId}\t${p.source}\t${p.characters}\t${pct(p.cer)}\t${pct(p.wer)}`);
      console.log(
        `total\t${result.pages.length} pages\t${result.pages.reduce((n, p) => n + p.characters, 0)}\t${pct(result.cer)}\t${pct(result.wer)}`,
      );
      if (result.unmatched.length)
        console.error(
          `${result.unmatched.length} pages have no ground-truth file: ${result.unmatched.join(', ')}`,
        );
    }
    return 0;
  } finally {
    archive.close();
  }
}

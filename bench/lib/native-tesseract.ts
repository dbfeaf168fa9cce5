// Native tesseract 5, the benches' reference: the inputs read one per core, each single-threaded
// (its fastest on 2 cores), and its text's paragraphs joined as Backfile joins lines.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { defaultWorkerCount } from '../../src/core/jobs/ocr-runner.ts';
import { normaliseParagraph } from '../../src/shared/text/normalise.ts';

const run = promisify(execFile);

/** The text of each of `count` inputs (`input(i)` gives the file) read with these tesseract options. */
export async function nativeTesseractTexts(
  count: number,
  input: (i: number) => string | Promise<string>,
  options: readonly string[],
): Promise<string[]> {
  const queue = Array.from({ length: count }, (_, i) => i);
  const texts: string[] = [];
  await Promise.all(
    Array.from({ length: defaultWorkerCount() }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const { stdout } = await run('tesseract', [await input(i), 'stdout', ...options], {
          env: { ...process.env, OMP_THREAD_LIMIT: '1' },
          maxBuffer: 64 * 2 ** 20,
        });
        texts[i] = stdout
          .split(/\n\s*\n/)
          .map((p) => normaliseParagraph(p.split('\n')))
          .join('\n');
      }
    }),
  );
  return texts;
}

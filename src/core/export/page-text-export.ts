// Plain text per page, in reading order: each block's wrapped lines joined into paragraphs, one
// paragraph a line, blocks separated by a blank line. A paragraph that runs on from the foot of one column to
// the head of the next is one paragraph: the column ends on a full line and the next begins
// flush, in the same body type (a new paragraph would begin indented).

import type { Block } from '../../shared/model.ts';
import { joinLines } from '../../shared/text/normalise.ts';
import { blockParagraphs } from '../../shared/text/paragraphs.ts';

/** Same body type: line heights within a sixth of each other. */
const sameType = (a: number, b: number) => a > 0 && b > 0 && Math.abs(a - b) <= Math.max(a, b) / 6;

export function pageToPlainText(blocks: readonly Block[]): string {
  // Runs of blocks one text flows through, each a list of paragraphs.
  const flows: string[][] = [];
  let previous: ReturnType<typeof blockParagraphs> | null = null;
  for (const block of blocks) {
    const current = blockParagraphs(block.lines);
    if (current.paragraphs.length === 0) continue;
    const runsOn =
      previous !== null &&
      previous.endsFull &&
      current.opensFlush &&
      sameType(previous.lineHeight, current.lineHeight);
    if (runsOn) {
      const flow = flows.at(-1)!;
      const [first, ...rest] = current.paragraphs;
      flow[flow.length - 1] = joinLines([flow.at(-1)!, first!]);
      flow.push(...rest);
    } else flows.push([...current.paragraphs]);
    previous = current;
  }
  return flows.length > 0 ? flows.map((f) => f.join('\n')).join('\n\n') + '\n' : '';
}

// An engine reading a whole page may run a line on across a vertical rule into the next
// article (two headlines side by side read as one line). No printed line crosses a rule: such
// a line is cut between the words the rule runs between. Pure.

import { unionBoxes } from '../../shared/geometry.ts';
import type { Line } from '../../shared/model.ts';
import { lineTextFromWords } from '../ocr/line-text.ts';
import type { Rule } from './separators.ts';
import { baselineBetween } from '../../shared/line-baseline.ts';

/** `lines` with each cut at the vertical rules between its words (boxes in one frame as the rules). */
export function splitAtRules(
  lines: readonly Line[],
  rules: readonly Rule[],
  upright: (l: Line) => Line,
): Line[] {
  const vertical = rules.filter((r) => r.axis === 'v');
  if (vertical.length === 0) return [...lines];
  return lines.flatMap((line) => {
    if (line.words.length < 2) return [line];
    const up = upright(line);
    const middle = (up.box.y0 + up.box.y1) / 2;
    const original: Line['words'][] = [[line.words[0]!]];
    for (let i = 1; i < up.words.length; i++) {
      const left = up.words[i - 1]!.box;
      const right = up.words[i]!.box;
      const cut = vertical.some(
        (r) => r.from <= middle && middle <= r.to && r.at > left.x1 - 1 && r.at < right.x0 + 1,
      );
      if (cut) original.push([]);
      original.at(-1)!.push(line.words[i]!);
    }
    if (original.length === 1) return [line];
    return original.map((words) => lineOfWords(words, line));
  });
}

/**
 * An engine may also run a line on across a white column gutter. A gap between two words of a
 * line is a gutter when, in the lines around it, several end at its left and several start at
 * its right while few run through it (the whitespace between columns, which the other lines
 * of both columns show); there the line is cut.
 */
export function splitAtGutters(lines: readonly Line[], body: number, upright: (l: Line) => Line): Line[] {
  const up = lines.map(upright);
  return lines.flatMap((line, k) => {
    const u = up[k]!;
    if (u.words.length < 2) return [line];
    const near = up.filter(
      (o, j) => j !== k && o.box.y1 > u.box.y0 - 8 * body && o.box.y0 < u.box.y1 + 8 * body,
    );
    const pieces: Line['words'][] = [[line.words[0]!]];
    for (let i = 1; i < u.words.length; i++) {
      const g0 = u.words[i - 1]!.box.x1;
      const g1 = u.words[i]!.box.x0;
      if (g1 - g0 >= 0.3 * body) {
        const c = (g0 + g1) / 2;
        const ends = near.filter((o) => Math.abs(o.box.x1 - g0) < body).length;
        const starts = near.filter((o) => Math.abs(o.box.x0 - g1) < body).length;
        const through = near.filter((o) => o.box.x0 < c - 0.1 * body && o.box.x1 > c + 0.1 * body).length;
        if (ends >= 3 && starts >= 3 && through <= (ends + starts) / 4) pieces.push([]);
      }
      pieces.at(-1)!.push(line.words[i]!);
    }
    if (pieces.length === 1) return [line];
    return pieces.map((words) => lineOfWords(words, line));
  });
}

/** A piece of a cut line: its words, their box and text, the line's confidence and baseline. */
function lineOfWords(words: Line['words'], line: Line): Line {
  const text = lineTextFromWords(words);
  const box = unionBoxes(words.map((w) => w.box));
  return {
    box,
    rawText: text,
    text,
    confidence: line.confidence,
    words,
    ...(line.baseline ? { baseline: baselineBetween(line.baseline, box.x0, box.x1) } : {}),
  };
}

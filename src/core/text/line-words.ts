// The words of a corrected line. The words table keeps what the engine read (text, box,
// confidence); once a person corrects the line, exports must carry the corrected text, word by
// word, with boxes that still say where each word is. The corrected text is split into tokens
// the way the engines split (each Chinese character or punctuation mark a word; Latin words at
// spaces), aligned to the engine's words: a token the engine read keeps its box and confidence,
// replaced or inserted tokens share the box of what they replace (split by length, without an
// engine confidence, since a person wrote them).

import type { Box } from '../../shared/geometry.ts';
import type { Word } from '../../shared/model.ts';
import { diffTokens } from '../../shared/text/diff.ts';
import { isCjkOrCjkPunctuation } from '../../shared/text/script.ts';

export function lineTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const chunk of text.split(/\s+/u).filter(Boolean)) {
    let run = '';
    for (const ch of chunk) {
      if (isCjkOrCjkPunctuation(ch)) {
        if (run) tokens.push(run);
        run = '';
        tokens.push(ch);
      } else run += ch;
    }
    if (run) tokens.push(run);
  }
  return tokens;
}

/**
 * Splits `box` along its line into pieces proportional to the tokens' lengths: left to right,
 * or top to bottom in a line that runs down the page (a vertical column).
 */
export function splitBox(box: Box, tokens: readonly string[], down = false): Box[] {
  const lengths = tokens.map((t) => [...t].length);
  const total = lengths.reduce((a, b) => a + b, 0) || 1;
  const [from, to] = down ? [box.y0, box.y1] : [box.x0, box.x1];
  let at = from;
  return lengths.map((n) => {
    const end = at + ((to - from) * n) / total;
    const piece = down
      ? { x0: box.x0, y0: Math.round(at), x1: box.x1, y1: Math.round(end) }
      : { x0: Math.round(at), y0: box.y0, x1: Math.round(end), y1: box.y1 };
    at = end;
    return piece;
  });
}

export function wordsOfLine(text: string, words: readonly Word[], lineBox: Box): Word[] {
  const tokens = lineTokens(text);
  const read = words.map((w) => w.text.trim());
  if (read.join('') === tokens.join('') && read.every(Boolean)) return [...words];
  const out: Word[] = [];
  let i = 0; // next engine word
  let pendingDeleted: Word[] = [];
  let pendingInserted: string[] = [];
  const flush = () => {
    if (pendingInserted.length === 0) {
      pendingDeleted = [];
      return;
    }
    // Where the new tokens go: over the words they replace, or in the gap between neighbours.
    const previous = out.at(-1)?.box;
    const next = words[i]?.box;
    const box: Box = pendingDeleted.length
      ? {
          x0: Math.min(...pendingDeleted.map((w) => w.box.x0)),
          y0: Math.min(...pendingDeleted.map((w) => w.box.y0)),
          x1: Math.max(...pendingDeleted.map((w) => w.box.x1)),
          y1: Math.max(...pendingDeleted.map((w) => w.box.y1)),
        }
      : {
          x0: previous?.x1 ?? lineBox.x0,
          y0: lineBox.y0,
          x1: Math.max(next?.x0 ?? lineBox.x1, (previous?.x1 ?? lineBox.x0) + 1),
          y1: lineBox.y1,
        };
    const down = lineBox.y1 - lineBox.y0 > lineBox.x1 - lineBox.x0 && tokens.length > 1;
    splitBox(box, pendingInserted, down).forEach((b, k) =>
      out.push({ box: b, text: pendingInserted[k]!, confidence: null }),
    );
    pendingDeleted = [];
    pendingInserted = [];
  };
  for (const step of diffTokens(read, tokens)) {
    if (step.op === 'equal') {
      flush();
      out.push(words[i++]!);
    } else if (step.op === 'delete') pendingDeleted.push(words[i++]!);
    else pendingInserted.push(step.unit);
  }
  flush();
  return out;
}

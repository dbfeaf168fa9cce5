// A PDF page's text layer as lines and words in page pixels. pdfjs gives runs of text with a
// baseline transform; runs are grouped into lines (pdfjs marks line ends, and a jump of the
// baseline or a step back in x starts a new line too), and each run is cut into words: one word
// per CJK character, Latin words at spaces. pdfjs gives no per-glyph positions, so a run's width
// is shared out with CJK characters a full em wide and the others equally.

import { unionBoxes, type Box } from '../../shared/geometry.ts';
import type { Block, Line, PageText, TextSource, Word } from '../../shared/model.ts';
import { isCjkOrCjkPunctuation } from '../../shared/text/script.ts';
import { normaliseLine } from '../../shared/text/normalise.ts';
import { joinWords } from '../../shared/text/word-spacing.ts';

/** One pdfjs text item already mapped to device pixels. */
export interface TextRun {
  text: string;
  /** Baseline start, in page pixels. */
  x: number;
  baseline: number;
  /** Advance width and font size, in page pixels. */
  width: number;
  fontSize: number;
  endsLine: boolean;
}

// Share of the em above and below the baseline for the ideographic em box (measured on the sample
// PDFs' CJK fonts: the glyph box sits 0.88 em above and 0.12 em below the baseline).
const ASCENT = 0.88;
const DESCENT = 0.12;

function runBox(run: TextRun, x0: number, x1: number): Box {
  return { x0, x1, y0: run.baseline - ASCENT * run.fontSize, y1: run.baseline + DESCENT * run.fontSize };
}

export function runWords(run: TextRun): Word[] {
  const chars = [...run.text];
  const cjk = chars.filter(isCjkOrCjkPunctuation).length;
  const rest = chars.length - cjk;
  // A run of Chinese alone steps by its width shared out (a letter-spaced justified line steps
  // wider than the em; the glyph box stays at most an em); mixed runs give each Chinese
  // character an em and share the rest among the others.
  const cjkAdvance = rest === 0 ? run.width / Math.max(1, cjk) : run.fontSize;
  const cjkWidth = Math.min(run.fontSize, cjkAdvance);
  const restAdvance = rest > 0 ? Math.max(0, run.width - cjk * cjkAdvance) / rest : 0;
  const words: Word[] = [];
  let x = run.x;
  let latin: { text: string; x0: number } | null = null;
  const flushLatin = () => {
    if (latin && latin.text.trim()) {
      words.push({ box: runBox(run, latin.x0, x), text: latin.text, confidence: null });
    }
    latin = null;
  };
  for (const ch of chars) {
    if (isCjkOrCjkPunctuation(ch)) {
      flushLatin();
      words.push({ box: runBox(run, x, x + cjkWidth), text: ch, confidence: null });
      x += cjkAdvance;
    } else if (/\s/u.test(ch)) {
      flushLatin();
      x += restAdvance;
    } else {
      latin ??= { text: '', x0: x };
      latin.text += ch;
      x += restAdvance;
    }
  }
  flushLatin();
  return words;
}

function startsNewLine(previous: TextRun, run: TextRun): boolean {
  if (previous.endsLine) return true;
  const size = Math.max(previous.fontSize, run.fontSize);
  if (Math.abs(previous.baseline - run.baseline) > 0.5 * size) return true;
  // A run that starts well left of where the previous one ended begins another line or column.
  return run.x < previous.x + previous.width - 0.5 * size;
}

/** Groups runs into lines in the order the PDF gives them. */
export function runsToLines(runs: readonly TextRun[]): Line[] {
  const groups: TextRun[][] = [];
  for (const run of runs) {
    if (!run.text) {
      const last = groups.at(-1)?.at(-1);
      if (last && run.endsLine) last.endsLine = true;
      continue;
    }
    const current = groups.at(-1);
    const previous = current?.at(-1);
    if (!current || !previous || startsNewLine(previous, run)) groups.push([{ ...run }]);
    else current.push({ ...run });
  }
  const lines: Line[] = [];
  for (const group of groups) {
    const words = group.flatMap(runWords);
    if (words.length === 0) continue;
    const rawText = group.map((r) => r.text).join('');
    const box = unionBoxes(words.map((w) => w.box));
    lines.push({
      box,
      rawText,
      // The runs' own spaces are no guide (letter-spaced lines put one between every
      // character); where the glyphs stand is.
      text: normaliseLine(joinWords(words, { latinWordsAreSeparate: false, chineseSpacesFromGaps: true }), {
        spacesArePrinted: true,
      }),
      confidence: null,
      words,
      // The runs' own baselines, as the PDF sets them, across the line's glyphs (a run's
      // width may reach past its last glyph, or a run may be blank).
      baseline: [
        [box.x0, group[0]!.baseline],
        [box.x1, group.at(-1)!.baseline],
      ],
    });
  }
  return lines;
}

/**
 * Consecutive lines of the same size whose left edges align and that follow each other closely
 * form a block. Enough to keep paragraphs and columns together; the layout module does better.
 */
export function linesToBlocks(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  for (const line of lines) {
    const block = blocks.at(-1);
    const previous = block?.lines.at(-1);
    const height = line.box.y1 - line.box.y0;
    const follows =
      previous !== undefined &&
      Math.abs(previous.box.y1 - previous.box.y0 - height) < 0.2 * height &&
      line.box.y0 >= previous.box.y0 &&
      line.box.y0 - previous.box.y1 < 1.2 * height &&
      Math.abs(line.box.x0 - block!.box.x0) < 3 * height &&
      line.box.x0 < block!.box.x1 &&
      line.box.x1 > block!.box.x0;
    if (block && follows) {
      block.lines.push(line);
      block.box = unionBoxes([block.box, line.box]);
    } else {
      blocks.push({ box: line.box, lines: [line] });
    }
  }
  return blocks;
}

export function runsToPageText(runs: readonly TextRun[], source: TextSource): PageText | null {
  const lines = runsToLines(runs);
  if (lines.length === 0) return null;
  return { source, blocks: linesToBlocks(lines) };
}

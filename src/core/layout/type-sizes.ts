// Type sizes on a page. Body text is the size most characters are set in; display type
// (headlines, kickers, subheads) is markedly larger. A line's height stands for its type size:
// for a PDF text layer it is the font's em, for OCR the ink of the line, which follows it.

import type { Box } from '../../shared/geometry.ts';

export interface TypeSizes {
  /** Height of a body line, in page pixels. */
  body: number;
}

export type LineClass = 'display' | 'jump' | 'byline' | 'text';

// Newspaper type steps by about a sixth or more (e.g. 9 pt body, 10.5 pt, 12 pt, 14 pt …);
// a bold intertitle in body size is a few per cent taller in ink and stays text.
const DISPLAY = 1.15;

/** "（上接第1版）", "（下转第2版）", "Continued on page 4", "Fortsetzung auf Seite 2". */
export const JUMP_LINE =
  /^[（(]\s*(?:[上下][接转]第?\s*[\d一二三四五六七八九十]{1,4}\s*[版页]|(?:continued|see|from)\b.{0,20}\bpage\s*\d{1,3}|(?:fortsetzung|siehe)\b.{0,20}\bseite\s*\d{1,3})\s*[)）]$|^(?:continued (?:on|from) page \d{1,3}|see \S+,? page \d{1,3})\.?$/iu;
/** "□ 路小飞 张晋" above the body, "（路小飞）" after it. */
const BYLINE = /^□|^[（(][\p{Script=Han}·\s]{2,12}[)）]$/u;

export function typeSizes(lines: readonly { box: Box; text: string }[]): TypeSizes {
  // The median height over characters, not lines: a page has few headline lines but they are
  // short, and a median over lines would still be body; over characters it surely is.
  const weighted = lines
    .map((l) => ({ h: l.box.y1 - l.box.y0, n: [...l.text.replace(/\s+/gu, '')].length }))
    .filter((x) => x.n > 0 && x.h > 0)
    .sort((a, b) => a.h - b.h);
  const total = weighted.reduce((n, x) => n + x.n, 0);
  let seen = 0;
  for (const x of weighted) {
    seen += x.n;
    if (seen >= total / 2) return { body: x.h };
  }
  return { body: 1 };
}

export function classOfLine(line: { box: Box; text: string }, sizes: TypeSizes): LineClass {
  const text = line.text.trim();
  if (JUMP_LINE.test(text.replace(/\s+/gu, ' '))) return 'jump';
  if (BYLINE.test(text)) return 'byline';
  return line.box.y1 - line.box.y0 >= DISPLAY * sizes.body ? 'display' : 'text';
}

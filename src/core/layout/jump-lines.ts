// Jump lines: where a story continues ("（下转第2版）", "Continued on page 2") or comes from
// ("（上接第1版）", "Continued from page 1"). Pure.

const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** A page number as printed: "2", "十二", "二十". */
function pageNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  if (!m[2]) return m[3] ? null : CHINESE_DIGITS[m[1]!]!;
  return (m[1] ? CHINESE_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CHINESE_DIGITS[m[3]]! : 0);
}

/** Where a jump line points: `{ to: 2 }` for "（下转第2版）", `{ from: 1 }` for "（上接第1版）". */
export function readJumpLine(text: string): { to?: number; from?: number } {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const cjk = /[上下]([接转])\s*第?\s*([\d一二三四五六七八九十]{1,4})\s*[版页]/u.exec(flat);
  if (cjk) {
    const n = pageNumber(cjk[2]!);
    if (n === null) return {};
    return cjk[1] === '转' ? { to: n } : { from: n };
  }
  const latin = /\b(?:continued|fortsetzung)\s+(on|from|auf|von)\s+(?:page|seite)\s+(\d{1,3})/iu.exec(flat);
  if (latin) return /^(on|auf)$/iu.test(latin[1]!) ? { to: Number(latin[2]) } : { from: Number(latin[2]) };
  return {};
}

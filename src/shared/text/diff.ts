// A character-level diff between two versions of a text, for the history view. It works on
// grapheme clusters (Intl.Segmenter), so a Chinese character outside the BMP or a letter with a
// combining accent is one unit, never half of one. Myers' O(ND) algorithm: corrections are small,
// so D is small even on long lines.

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffSegment {
  op: DiffOp;
  text: string;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/** Segments that turn `before` into `after`: equal runs, deletions before insertions. */
export function diffText(before: string, after: string): DiffSegment[] {
  const a = splitGraphemes(before);
  const b = splitGraphemes(after);
  // The common head and tail are equal by definition; diffing only the middle keeps the trace
  // (memory O(D·(N+M))) small for a one-character fix in a long article body.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const ops = [
    ...a.slice(0, head).map((unit) => ({ op: 'equal' as const, unit })),
    ...myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...a.slice(a.length - tail).map((unit) => ({ op: 'equal' as const, unit })),
  ];
  const segments: DiffSegment[] = [];
  for (const { op, unit } of ops) {
    const last = segments.at(-1);
    if (last?.op === op) last.text += unit;
    else segments.push({ op, text: unit });
  }
  return segments;
}

/** The edit script between two token lists (words, graphemes): Myers' shortest one. */
export function diffTokens(a: readonly string[], b: readonly string[]): { op: DiffOp; unit: string }[] {
  return myers(a, b);
}

function myers(a: readonly string[], b: readonly string[]): { op: DiffOp; unit: string }[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m) to (0, 0).
  const out: { op: DiffOp; unit: string }[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push({ op: 'equal', unit: a[--x]! });
      y--;
    }
    if (d === 0) break;
    if (down) out.push({ op: 'insert', unit: b[--y]! });
    else out.push({ op: 'delete', unit: a[--x]! });
  }
  return out.reverse();
}

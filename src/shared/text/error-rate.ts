// Character and word error rates: edit distance between what was read and the ground truth,
// divided by the ground truth's length. Order counts (reading order errors are errors).

/** Levenshtein distance over arrays of tokens, in O(n·m) time and O(m) memory. */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** Character error rate, white space ignored (the way CJK text is compared). */
export function characterErrorRate(read: string, truth: string): number {
  const a = [...read.replace(/\s+/gu, '')];
  const b = [...truth.replace(/\s+/gu, '')];
  return b.length === 0 ? (a.length === 0 ? 0 : 1) : editDistance(a, b) / b.length;
}

/** Word error rate over white-space separated words (for Latin-script text). */
export function wordErrorRate(read: string, truth: string): number {
  const a = read.split(/\s+/u).filter(Boolean);
  const b = truth.split(/\s+/u).filter(Boolean);
  return b.length === 0 ? (a.length === 0 ? 0 : 1) : editDistance(a, b) / b.length;
}

/** F1 of two multisets of items: how many of the truth's items were read, whatever the order. */
function bagF1(
  read: Iterable<string>,
  truth: Iterable<string>,
): { precision: number; recall: number; f1: number } {
  const count = (items: Iterable<string>) => {
    const m = new Map<string, number>();
    for (const item of items) m.set(item, (m.get(item) ?? 0) + 1);
    return m;
  };
  const r = count(read);
  const t = count(truth);
  let common = 0;
  for (const [item, n] of r) common += Math.min(n, t.get(item) ?? 0);
  const readTotal = [...r.values()].reduce((a, b) => a + b, 0);
  const truthTotal = [...t.values()].reduce((a, b) => a + b, 0);
  const precision = readTotal ? common / readTotal : 0;
  const recall = truthTotal ? common / truthTotal : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Order-free character F1: how many of the truth's characters were read at all. */
export function bagOfCharactersF1(
  read: string,
  truth: string,
): { precision: number; recall: number; f1: number } {
  return bagF1(read.replace(/\s+/gu, ''), truth.replace(/\s+/gu, ''));
}

/** Order-free word F1 over white-space separated words (for Latin-script text), as written. */
export function bagOfWordsF1(read: string, truth: string): { precision: number; recall: number; f1: number } {
  const words = (s: string) => s.split(/\s+/u).filter(Boolean);
  return bagF1(words(read), words(truth));
}

// The middle value (the upper one of an even count), 0 for none: the typical line height, step
// or gap of a page, robust against the odd headline or photo among them.
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

// The share of the page view's width the page image takes, as the reviewer last left it (kept in
// the browser's storage): read by the split (useSplit.ts) and by the early page image, which is
// placed where the page view will put the image.

const KEY = 'backfile.split';
const DEFAULT = 0.6;

/** Between a fifth and four fifths of the width. */
export const clampShare = (share: number) => Math.min(0.8, Math.max(0.2, share));

export function storedShare(): number {
  const value = Number(window.localStorage.getItem(KEY));
  return Number.isFinite(value) && value > 0 ? clampShare(value) : DEFAULT;
}

export function keepShare(share: number): void {
  window.localStorage.setItem(KEY, String(share));
}

// What the reviewer typed and the archive has not confirmed yet, kept in the browser's storage on
// every keystroke: if the app is killed between typing and saving, the draft comes back on the
// next visit to the page and is saved then. A draft is removed once its save is acknowledged.

const key = (pageId: number) => `backfile.drafts.${pageId}`;

export type Drafts = Record<number, string>;

export function loadDrafts(pageId: number): Drafts {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key(pageId)) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(([id, text]) => /^\d+$/.test(id) && typeof text === 'string'),
    ) as Drafts;
  } catch {
    return {};
  }
}

export function storeDrafts(pageId: number, drafts: Drafts): void {
  if (Object.keys(drafts).length === 0) window.localStorage.removeItem(key(pageId));
  else window.localStorage.setItem(key(pageId), JSON.stringify(drafts));
}

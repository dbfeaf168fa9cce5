// What the reviewer typed and the archive has not confirmed yet, kept in the browser's storage on
// every keystroke: if the app is killed between typing and saving, the draft comes back on the
// next visit to the page and is saved then. A draft is removed once its save is acknowledged.
// Drafts are filed under the archive's id: line ids of two archives overlap, and a draft of one
// must never be replayed into the other.

const key = (archiveId: string, pageId: number) => `backfile.drafts.${archiveId}.${pageId}`;

export type Drafts = Record<number, string>;

export function loadDrafts(storage: Storage, archiveId: string, pageId: number): Drafts {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key(archiveId, pageId)) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(([id, text]) => /^\d+$/.test(id) && typeof text === 'string'),
    ) as Drafts;
  } catch {
    return {};
  }
}

export function storeDrafts(storage: Storage, archiveId: string, pageId: number, drafts: Drafts): void {
  if (Object.keys(drafts).length === 0) storage.removeItem(key(archiveId, pageId));
  else storage.setItem(key(archiveId, pageId), JSON.stringify(drafts));
}

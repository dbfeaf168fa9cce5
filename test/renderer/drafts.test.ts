// Drafts of unsaved lines are filed under the archive they belong to: the same line id in another
// archive never gets them.

import { describe, expect, it } from 'vitest';
import { loadDrafts, storeDrafts } from '../../src/renderer/page/drafts.ts';

// The browser's storage, as a Map (the Storage interface is all the drafts use).
function storage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

describe('drafts', () => {
  it('comes back for the same archive and page, never for another archive', () => {
    const browser = storage();
    storeDrafts(browser, 'archive-a', 3, { 17: 'typed in archive A' });
    expect(loadDrafts(browser, 'archive-a', 3)).toEqual({ 17: 'typed in archive A' });
    expect(loadDrafts(browser, 'archive-b', 3)).toEqual({});
    storeDrafts(browser, 'archive-a', 3, {});
    expect(loadDrafts(browser, 'archive-a', 3)).toEqual({});
    expect(browser.length).toBe(0);
  });
});

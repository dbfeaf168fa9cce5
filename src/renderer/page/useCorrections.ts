// Autosave of line corrections: a draft is stored on every keystroke (drafts.ts), saved to the
// archive after a short pause in typing or at once when the line is left, one save at a time per
// line, and dropped once the archive has it. Drafts left by a killed app are saved on return.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackfileApi, PageLines } from '../../shared/api/contract.ts';
import { loadDrafts, storeDrafts, type Drafts } from './drafts.ts';

/** Pause in typing after which a line is saved (ms): long enough not to save every keystroke. */
const SAVE_AFTER_MS = 600;

export function useCorrections(
  api: BackfileApi,
  archiveId: string,
  pageId: number,
  lines: PageLines['lines'] | undefined,
  onError: (message: string) => void,
) {
  const [drafts, setDrafts] = useState<Drafts>(() => loadDrafts(window.localStorage, archiveId, pageId));
  const draftsRef = useRef(drafts);
  const saved = useRef(new Map<number, string>());
  const queue = useRef(new Map<number, Promise<void>>());
  const timers = useRef(new Map<number, number>());
  const [restored, setRestored] = useState(0);

  const update = useCallback(
    (change: (d: Drafts) => Drafts) => {
      draftsRef.current = change(draftsRef.current);
      storeDrafts(window.localStorage, archiveId, pageId, draftsRef.current);
      setDrafts(draftsRef.current);
    },
    [archiveId, pageId],
  );

  const save = useCallback(
    (lineId: number) => {
      window.clearTimeout(timers.current.get(lineId));
      const previous = queue.current.get(lineId) ?? Promise.resolve();
      const next = previous.then(async () => {
        const text = draftsRef.current[lineId];
        if (text === undefined) return;
        if (text !== saved.current.get(lineId)) {
          try {
            await api.call('correctLine', { lineId, text });
            saved.current.set(lineId, text);
          } catch (e) {
            onError((e as Error).message);
            return; // the draft stays, in storage too, and is tried again on the next edit
          }
        }
        if (draftsRef.current[lineId] === text)
          update((d) => {
            const rest = { ...d };
            delete rest[lineId];
            return rest;
          });
      });
      queue.current.set(lineId, next);
      return next;
    },
    [api, onError, update],
  );

  // What the archive holds, so a draft equal to it is no change.
  useEffect(() => {
    if (!lines) return;
    for (const l of lines) saved.current.set(l.id, l.text);
  }, [lines]);

  // Drafts from an earlier visit that never reached the archive: save them now.
  const restoring = useRef(false);
  useEffect(() => {
    if (!lines || restoring.current) return;
    restoring.current = true;
    const known = new Set(lines.map((l) => l.id));
    const pending = Object.keys(draftsRef.current)
      .map(Number)
      .filter((id) => known.has(id));
    setRestored(pending.filter((id) => draftsRef.current[id] !== saved.current.get(id)).length);
    for (const id of pending) void save(id);
  }, [lines, save]);

  const type = useCallback(
    (lineId: number, text: string) => {
      update((d) => ({ ...d, [lineId]: text }));
      window.clearTimeout(timers.current.get(lineId));
      timers.current.set(
        lineId,
        window.setTimeout(() => void save(lineId), SAVE_AFTER_MS),
      );
    },
    [save, update],
  );

  const flush = useCallback(
    () => Promise.all(Object.keys(draftsRef.current).map((id) => save(Number(id)))),
    [save],
  );

  return { drafts, type, save, flush, restored };
}

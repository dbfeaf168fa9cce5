// What a view shows of the archive: loaded when the view opens and again whenever the archive
// changes (an edit here, OCR finishing, another window), a result that comes after the view has
// gone dropped. `load` is the caller's memoised fetch: a new one loads afresh.

import { useEffect, useState } from 'react';
import type { BackfileApi } from '../shared/api/contract.ts';

export function useArchiveData<T>(api: BackfileApi, load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const run = () =>
      load().then(
        (d) => {
          if (!live) return;
          setData(d);
          setError(null);
        },
        (e: Error) => live && setError(e.message),
      );
    void run();
    const unsubscribe = api.subscribe((event) => {
      if (event.type === 'archive-changed') void run();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, load]);
  return { data, error, setError };
}

// The split between the page image and the text panel: dragged with the divider (or moved with
// the arrow keys when the divider has the focus), kept in the browser's storage so every page
// opens with the split the reviewer chose. The share is the image's, between a fifth and four
// fifths of the width.

import { useCallback, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { clampShare, keepShare, storedShare } from './split-share.ts';

export function useSplit() {
  const [share, setShare] = useState(storedShare);
  const keep = useCallback((next: number) => {
    const value = clampShare(next);
    setShare(value);
    keepShare(value);
  }, []);
  const onPointerDown = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      const container = e.currentTarget.parentElement!.getBoundingClientRect();
      const divider = e.currentTarget;
      divider.setPointerCapture(e.pointerId);
      const move = (ev: globalThis.PointerEvent) => keep((ev.clientX - container.left) / container.width);
      const up = () => {
        divider.removeEventListener('pointermove', move);
        divider.removeEventListener('pointerup', up);
      };
      divider.addEventListener('pointermove', move);
      divider.addEventListener('pointerup', up);
    },
    [keep],
  );
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.key === 'ArrowLeft') keep(share - 0.05);
      else if (e.key === 'ArrowRight') keep(share + 0.05);
    },
    [keep, share],
  );
  return { share, onPointerDown, onKeyDown };
}

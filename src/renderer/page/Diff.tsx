// A character diff shown inline: insertions and deletions marked (history, replace preview).

import type { DiffSegment } from '../../shared/text/diff.ts';

export function Diff({ diff }: { diff: readonly DiffSegment[] }) {
  return (
    <span className="diff" lang="zh-Hans">
      {diff.map((d, i) =>
        d.op === 'equal' ? (
          <span key={i}>{d.text}</span>
        ) : d.op === 'insert' ? (
          <ins key={i}>{d.text}</ins>
        ) : (
          <del key={i}>{d.text}</del>
        ),
      )}
    </span>
  );
}

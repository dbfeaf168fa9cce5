// Line-by-line correction beside the image. Every keystroke is kept as a draft in the browser's
// storage at once and saved to the archive shortly after (and at once on leaving the line), so
// nothing typed is lost. Keys: ↓ / Enter next line, ↑ previous, F2 next low-confidence word,
// Esc back to the saved text, Alt+O the original OCR text of every line. The words the engine was
// unsure of are marked inside the text, on a layer under the (transparent) field that follows
// its scrolling; a word retyped loses its mark at once.

import { memo, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageLines } from '../../shared/api/contract.ts';
import {
  isUncertain,
  markedPieces,
  nextLineIndex,
  nextLowConfidenceWord,
  uncertainStretches,
  wordRanges,
} from './editor-navigation.ts';

type Line = PageLines['lines'][number];

interface Props {
  lines: Line[];
  drafts: Record<number, string>;
  activeIndex: number;
  showOriginal: boolean;
  onActivate(index: number): void;
  onHover(lineId: number | null): void;
  onType(lineId: number, text: string): void;
  onLeave(lineId: number): void;
  onToggleOriginal(): void;
}

export function LineEditor(props: Props) {
  const { t } = useTranslation();
  const inputs = useRef(new Map<number, HTMLInputElement>());
  const pendingSelection = useRef<[number, number] | null>(null);

  // Focus follows the active line (keyboard navigation, a click on the image), once per move: a
  // reload of the page's lines (a save, another window's change) must not pull the focus back
  // from wherever the reviewer has since put it.
  const focusedLine = useRef<number | null>(null);
  useEffect(() => {
    const line = props.lines[props.activeIndex];
    const input = line && inputs.current.get(line.id);
    if (!input || focusedLine.current === line.id) return;
    focusedLine.current = line.id;
    if (document.activeElement !== input) input.focus({ preventScroll: false });
    input.scrollIntoView({ block: 'nearest' });
    if (pendingSelection.current) {
      input.setSelectionRange(...pendingSelection.current);
      pendingSelection.current = null;
    }
  }, [props.activeIndex, props.lines]);

  // The handlers read the editor's latest props through a ref, so they stay the same from render
  // to render and a row re-renders only when its own line, text or state changes: on a 300-line
  // page, Enter after a correction re-renders two rows, not three hundred.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const handlers = useMemo((): RowHandlers => {
    const move = (index: number, step: 1 | -1) => {
      const p = latest.current;
      p.onLeave(p.lines[index]!.id);
      p.onActivate(nextLineIndex(p.lines.length, index, step));
    };
    const jumpToLowConfidence = (index: number) => {
      const p = latest.current;
      const input = inputs.current.get(p.lines[index]!.id);
      const caret = input?.selectionEnd ?? 0;
      const ranges = wordRanges(p.lines[index]!.text, p.lines[index]!.words);
      const wordAtCaret = ranges.findIndex((r) => r !== null && r[0] >= caret);
      const from = { lineIndex: index, wordIndex: wordAtCaret < 0 ? Infinity : wordAtCaret - 1 };
      const next = nextLowConfidenceWord(p.lines, from);
      if (!next) return;
      const line = p.lines[next.lineIndex]!;
      const range = wordRanges(line.text, line.words)[next.wordIndex];
      if (next.lineIndex === index) {
        if (range) input?.setSelectionRange(...range);
        return;
      }
      pendingSelection.current = range ?? null;
      p.onLeave(p.lines[index]!.id);
      p.onActivate(next.lineIndex);
    };
    return {
      register: (id, el) => {
        if (el) inputs.current.set(id, el);
        else inputs.current.delete(id);
      },
      keyDown: (index, e) => {
        const p = latest.current;
        const line = p.lines[index]!;
        if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) {
          e.preventDefault();
          move(index, 1);
        } else if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) {
          e.preventDefault();
          move(index, -1);
        } else if (e.key === 'F2') {
          e.preventDefault();
          jumpToLowConfidence(index);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          p.onType(line.id, line.text);
        } else if (e.altKey && (e.key === 'o' || e.key === 'ø' || e.code === 'KeyO')) {
          e.preventDefault();
          p.onToggleOriginal();
        }
      },
      focus: (index) => index !== latest.current.activeIndex && latest.current.onActivate(index),
      type: (id, text) => latest.current.onType(id, text),
      leave: (id) => latest.current.onLeave(id),
      hover: (id) => latest.current.onHover(id),
    };
  }, []);

  if (props.lines.length === 0) return <p className="empty">{t('editor.noText')}</p>;
  return (
    <ol className="line-editor" aria-label={t('editor.lines')}>
      {props.lines.map((line, index) => (
        <LineRow
          key={line.id}
          line={line}
          index={index}
          value={props.drafts[line.id] ?? line.text}
          active={index === props.activeIndex}
          unsaved={props.drafts[line.id] !== undefined && props.drafts[line.id] !== line.text}
          showOriginal={props.showOriginal}
          label={t('editor.line', { n: index + 1 })}
          handlers={handlers}
        />
      ))}
    </ol>
  );
}

interface RowHandlers {
  register(lineId: number, input: HTMLInputElement | null): void;
  keyDown(index: number, e: KeyboardEvent<HTMLInputElement>): void;
  focus(index: number): void;
  type(lineId: number, text: string): void;
  leave(lineId: number): void;
  hover(lineId: number | null): void;
}

interface RowProps {
  line: Line;
  index: number;
  value: string;
  active: boolean;
  unsaved: boolean;
  showOriginal: boolean;
  label: string;
  handlers: RowHandlers;
}

// The marks layer scrolls with its field (a long line scrolls inside the input).
const follow = (e: { currentTarget: HTMLInputElement }) => {
  const marks = e.currentTarget.previousElementSibling;
  if (marks) marks.scrollLeft = e.currentTarget.scrollLeft;
};

const LineRow = memo(function LineRow({
  line,
  index,
  value,
  active,
  unsaved,
  showOriginal,
  label,
  handlers,
}: RowProps) {
  const low = line.words.some((w) => isUncertain(line, w));
  return (
    <li
      className={`${active ? 'active' : ''}${low ? ' low' : ''}${line.corrected ? ' corrected' : ''}`}
      onMouseEnter={() => handlers.hover(line.id)}
      onMouseLeave={() => handlers.hover(null)}
    >
      <div className="line-field">
        <div className="line-marks" aria-hidden="true" data-marks-for={line.id}>
          {markedPieces(value, uncertainStretches(value, line)).map((piece, k) =>
            piece.marked ? <mark key={k}>{piece.text}</mark> : piece.text,
          )}
        </div>
        <input
          ref={(el) => handlers.register(line.id, el)}
          onScroll={follow}
          onSelect={follow}
          data-line-id={line.id}
          value={value}
          lang="zh-Hans"
          spellCheck={false}
          aria-label={label}
          className={unsaved ? 'unsaved' : ''}
          onFocus={() => handlers.focus(index)}
          onChange={(e) => handlers.type(line.id, e.target.value)}
          onBlur={() => handlers.leave(line.id)}
          onKeyDown={(e) => handlers.keyDown(index, e)}
        />
      </div>
      {showOriginal && (
        <div className="original" data-testid="original">
          {line.original}
        </div>
      )}
    </li>
  );
});

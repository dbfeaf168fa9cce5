// Line-by-line correction beside the image. Every keystroke is kept as a draft in the browser's
// storage at once and saved to the archive shortly after (and at once on leaving the line), so
// nothing typed is lost. Keys: ↓ / Enter next line, ↑ previous, F2 next low-confidence word,
// Esc back to the saved text, Alt+O the original OCR text of every line. The words the engine was
// unsure of are marked inside the text, on a layer under the (transparent) field that follows
// its scrolling; a word retyped loses its mark at once.

import { useEffect, useRef, type KeyboardEvent } from 'react';
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

  // Focus follows the active line (keyboard navigation, a click on the image).
  useEffect(() => {
    const line = props.lines[props.activeIndex];
    const input = line && inputs.current.get(line.id);
    if (!input) return;
    if (document.activeElement !== input) input.focus({ preventScroll: false });
    input.scrollIntoView({ block: 'nearest' });
    if (pendingSelection.current) {
      input.setSelectionRange(...pendingSelection.current);
      pendingSelection.current = null;
    }
  }, [props.activeIndex, props.lines]);

  const move = (index: number, step: 1 | -1) => {
    props.onLeave(props.lines[index]!.id);
    props.onActivate(nextLineIndex(props.lines.length, index, step));
  };

  const jumpToLowConfidence = (index: number) => {
    const input = inputs.current.get(props.lines[index]!.id);
    const caret = input?.selectionEnd ?? 0;
    const ranges = wordRanges(props.lines[index]!.text, props.lines[index]!.words);
    const wordAtCaret = ranges.findIndex((r) => r !== null && r[0] >= caret);
    const from = { lineIndex: index, wordIndex: wordAtCaret < 0 ? Infinity : wordAtCaret - 1 };
    const next = nextLowConfidenceWord(props.lines, from);
    if (!next) return;
    const line = props.lines[next.lineIndex]!;
    const range = wordRanges(line.text, line.words)[next.wordIndex];
    pendingSelection.current = range ?? null;
    if (next.lineIndex !== index) props.onLeave(props.lines[index]!.id);
    props.onActivate(next.lineIndex);
    if (next.lineIndex === index && range) input?.setSelectionRange(...range);
  };

  const onKeyDown = (index: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    const line = props.lines[index]!;
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
      props.onType(line.id, line.text);
    } else if (e.altKey && (e.key === 'o' || e.key === 'ø' || e.code === 'KeyO')) {
      e.preventDefault();
      props.onToggleOriginal();
    }
  };

  // The marks layer scrolls with its field (a long line scrolls inside the input).
  const follow = (e: { currentTarget: HTMLInputElement }) => {
    const marks = e.currentTarget.previousElementSibling;
    if (marks) marks.scrollLeft = e.currentTarget.scrollLeft;
  };

  if (props.lines.length === 0) return <p className="empty">{t('editor.noText')}</p>;
  return (
    <ol className="line-editor" aria-label={t('editor.lines')}>
      {props.lines.map((line, index) => {
        const value = props.drafts[line.id] ?? line.text;
        const low = line.words.some((w) => isUncertain(line, w));
        return (
          <li
            key={line.id}
            className={`${index === props.activeIndex ? 'active' : ''}${low ? ' low' : ''}${line.corrected ? ' corrected' : ''}`}
            onMouseEnter={() => props.onHover(line.id)}
            onMouseLeave={() => props.onHover(null)}
          >
            <div className="line-field">
              <div className="line-marks" aria-hidden="true" data-marks-for={line.id}>
                {markedPieces(value, uncertainStretches(value, line)).map((piece, k) =>
                  piece.marked ? <mark key={k}>{piece.text}</mark> : piece.text,
                )}
              </div>
              <input
                ref={(el) => {
                  if (el) inputs.current.set(line.id, el);
                  else inputs.current.delete(line.id);
                }}
                onScroll={follow}
                onSelect={follow}
                data-line-id={line.id}
                value={value}
                lang="zh-Hans"
                spellCheck={false}
                aria-label={t('editor.line', { n: index + 1 })}
                className={
                  props.drafts[line.id] !== undefined && props.drafts[line.id] !== line.text ? 'unsaved' : ''
                }
                onFocus={() => index !== props.activeIndex && props.onActivate(index)}
                onChange={(e) => props.onType(line.id, e.target.value)}
                onBlur={() => props.onLeave(line.id)}
                onKeyDown={onKeyDown(index)}
              />
            </div>
            {props.showOriginal && (
              <div className="original" data-testid="original">
                {line.original}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

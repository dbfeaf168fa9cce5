// The page view's logic without a browser: drawing tools, hit tests, keyboard navigation of the
// editor, routes, and where search hits are on the page.

import { describe, expect, it } from 'vitest';
import { rectangleDown, rectangleMove, rectangleUp } from '../../src/renderer/page/tools/rectangle-tool.ts';
import {
  polygonBack,
  polygonClick,
  polygonClose,
  type PolygonState,
} from '../../src/renderer/page/tools/polygon-tool.ts';
import { lineAt, regionAt } from '../../src/renderer/page/hit-test.ts';
import {
  isUncertain,
  nextLineIndex,
  nextLowConfidenceWord,
  wordRanges,
} from '../../src/renderer/page/editor-navigation.ts';
import { parseRoute, routeHash } from '../../src/renderer/routing.ts';
import { hitBoxes } from '../../src/renderer/page/search-highlight.ts';
import type { Point } from '../../src/shared/geometry.ts';
import { editDown, editMove, editUp, isRectangle } from '../../src/renderer/page/tools/edit-tool.ts';
import { moveItem } from '../../src/renderer/page/region-order.ts';

describe('rectangle tool', () => {
  it('makes a rectangle from a drag in any direction, and nothing from a click', () => {
    let s = rectangleDown({ kind: 'idle' }, [100.4, 50]);
    s = rectangleMove(s, [30, 200]);
    const { state, shape } = rectangleUp(s, [30, 200.6]);
    expect(state.kind).toBe('idle');
    expect(shape).toEqual([
      [30, 50],
      [100, 50],
      [100, 201],
      [30, 201],
    ]);
    expect(rectangleUp(rectangleDown({ kind: 'idle' }, [10, 10]), [13, 12]).shape).toBeNull();
    expect(rectangleUp({ kind: 'idle' }, [10, 10]).shape).toBeNull();
  });
});

describe('polygon tool', () => {
  const click = (s: PolygonState, p: Point) => polygonClick(s, p);
  it('closes on the first corner or on Enter, needs three corners, and takes corners back', () => {
    let s: PolygonState = { kind: 'idle' };
    for (const p of [
      [0, 0],
      [100, 0],
      [100, 80],
    ] as Point[])
      s = click(s, p).state;
    const closed = click(s, [5, 4]);
    expect(closed.shape).toEqual([
      [0, 0],
      [100, 0],
      [100, 80],
    ]);
    expect(closed.state.kind).toBe('idle');
    let two: PolygonState = click(click({ kind: 'idle' }, [0, 0]).state, [50, 0]).state;
    expect(polygonClose(two).shape).toBeNull();
    two = polygonBack(polygonBack(two));
    expect(two.kind).toBe('idle');
  });

  it('ignores the second click of a double click', () => {
    let s: PolygonState = click({ kind: 'idle' }, [0, 0]).state;
    s = click(s, [50, 0]).state;
    s = click(s, [50.5, 0.5]).state;
    expect(s.kind === 'creating' && s.points.length).toBe(2);
  });
});

describe('hit tests', () => {
  const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });
  it('finds the line under a point, and the smallest region holding it', () => {
    const lines = [
      { id: 1, box: box(0, 0, 100, 20) },
      { id: 2, box: box(0, 25, 100, 45) },
    ];
    expect(lineAt(lines, [50, 30])?.id).toBe(2);
    expect(lineAt(lines, [50, 22])).toBeNull();
    const outer = {
      id: 1,
      box: box(0, 0, 200, 200),
      polygon: [
        [0, 0],
        [200, 0],
        [200, 200],
        [0, 200],
      ] as Point[],
    };
    const inner = {
      id: 2,
      box: box(50, 50, 100, 100),
      polygon: [
        [50, 50],
        [100, 50],
        [100, 100],
        [50, 100],
      ] as Point[],
    };
    const triangle = {
      id: 3,
      box: box(0, 0, 200, 200),
      polygon: [
        [0, 0],
        [200, 0],
        [0, 200],
      ] as Point[],
    };
    expect(regionAt([outer, inner], [60, 60])?.id).toBe(2);
    expect(regionAt([outer, inner], [150, 150])?.id).toBe(1);
    expect(regionAt([triangle], [150, 150])).toBeNull();
  });
});

describe('editor navigation', () => {
  const lines = [
    {
      id: 10,
      text: '交城县',
      words: [
        { text: '交', confidence: 0.9 },
        { text: '城', confidence: 0.3 },
        { text: '县', confidence: 0.95 },
      ],
    },
    { id: 11, text: 'ok', words: [{ text: 'ok', confidence: 0.99 }] },
    {
      id: 12,
      text: '吕梁',
      words: [
        { text: '吕', confidence: 0.5 },
        { text: '梁', confidence: null },
      ],
    },
  ];
  it('moves between lines within bounds', () => {
    expect(nextLineIndex(3, 0, 1)).toBe(1);
    expect(nextLineIndex(3, 2, 1)).toBe(2);
    expect(nextLineIndex(3, 0, -1)).toBe(0);
    expect(nextLineIndex(0, 0, 1)).toBe(-1);
  });

  it('jumps to the next uncertain word, across lines, wrapping at the end', () => {
    expect(nextLowConfidenceWord(lines, { lineIndex: 0, wordIndex: -1 })).toEqual({
      lineIndex: 0,
      wordIndex: 1,
    });
    expect(nextLowConfidenceWord(lines, { lineIndex: 0, wordIndex: 1 })).toEqual({
      lineIndex: 2,
      wordIndex: 0,
    });
    expect(nextLowConfidenceWord(lines, { lineIndex: 2, wordIndex: 0 })).toEqual({
      lineIndex: 0,
      wordIndex: 1,
    });
    expect(nextLowConfidenceWord([lines[1]!], { lineIndex: 0, wordIndex: -1 })).toBeNull();
  });

  it('takes a corrected line for read: its words are no longer uncertain, and F2 passes it by', () => {
    const corrected = lines.map((l, i) => (i === 0 ? { ...l, corrected: true } : l));
    expect(corrected[0]!.words.some((w) => isUncertain(corrected[0]!, w))).toBe(false);
    expect(lines[0]!.words.some((w) => isUncertain(lines[0]!, w))).toBe(true);
    expect(nextLowConfidenceWord(corrected, { lineIndex: 0, wordIndex: -1 })).toEqual({
      lineIndex: 2,
      wordIndex: 0,
    });
    expect(nextLowConfidenceWord(corrected, { lineIndex: 2, wordIndex: 0 })).toEqual({
      lineIndex: 2,
      wordIndex: 0,
    });
  });

  it("finds each word's place in the line's text, and none for a word corrected away", () => {
    expect(wordRanges('交城县', lines[0]!.words)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(wordRanges('交域县', lines[0]!.words)).toEqual([[0, 1], null, [2, 3]]);
    expect(wordRanges('Neue Zürcher', [{ text: 'Neue' }, { text: 'Zürcher' }])).toEqual([
      [0, 4],
      [5, 12],
    ]);
  });
});

describe('routes and search highlights', () => {
  it('round-trips the page view with its line and query, and falls back to the library', () => {
    const route = { view: 'page' as const, pageId: 12, lineId: 345, query: '交城 "丰收 节"' };
    expect(parseRoute(routeHash(route))).toEqual(route);
    expect(parseRoute(routeHash({ view: 'search', query: '吕梁' }))).toEqual({
      view: 'search',
      query: '吕梁',
    });
    expect(parseRoute('#/nowhere')).toEqual({ view: 'library' });
    expect(parseRoute('')).toEqual({ view: 'library' });
  });

  it('highlights the words holding a hit, or the line where no word matches any more', () => {
    const box = (x0: number) => ({ x0, y0: 0, x1: x0 + 10, y1: 10 });
    const lines = [
      {
        text: '交城县举办',
        box: { x0: 0, y0: 0, x1: 50, y1: 10 },
        words: '交城县举办'.split('').map((t, i) => ({ text: t, box: box(i * 10) })),
      },
      {
        text: 'Zürcher Zeitung',
        box: { x0: 0, y0: 20, x1: 80, y1: 30 },
        words: [
          { text: 'Zurcher', box: box(0) },
          { text: 'Zeitung', box: box(40) },
        ],
      },
      { text: '无关', box: { x0: 0, y0: 40, x1: 20, y1: 50 }, words: [] },
    ];
    expect(hitBoxes(lines, '城县')).toEqual([box(10), box(20)]);
    expect(hitBoxes(lines, 'zeitung')).toEqual([box(40)]);
    // "Zürcher" in the text, "Zurcher" in the words: the hit is on the line.
    expect(hitBoxes(lines, 'Zürcher')).toEqual([lines[1]!.box]);
    expect(hitBoxes(lines, null)).toEqual([]);
  });
});

describe('edit tool', () => {
  const rect = {
    id: 7,
    polygon: [
      [10, 10],
      [110, 10],
      [110, 60],
      [10, 60],
    ] as Point[],
    box: { x0: 10, y0: 10, x1: 110, y1: 60 },
  };
  const tri = {
    id: 8,
    polygon: [
      [200, 200],
      [300, 200],
      [250, 280],
    ] as Point[],
    box: { x0: 200, y0: 200, x1: 300, y1: 280 },
  };
  it('moves a region dragged from inside', () => {
    const s = editMove(editDown([rect, tri], [50, 30], 5), [70, 40]);
    expect(editUp(s, [70, 40]).change).toEqual({
      regionId: 7,
      polygon: [
        [30, 20],
        [130, 20],
        [130, 70],
        [30, 70],
      ],
    });
  });

  it('reshapes a rectangle by a corner and keeps it a rectangle; moves one corner of a polygon', () => {
    const s = editDown([rect], [109, 59], 5);
    // The corner follows the pointer's movement from where it was pressed: +41, +31.
    expect(editUp(s, [150, 90]).change?.polygon).toEqual([
      [10, 10],
      [151, 10],
      [151, 91],
      [10, 91],
    ]);
    expect(
      isRectangle([
        [10, 10],
        [150, 10],
        [150, 90],
        [10, 90],
      ]),
    ).toBe(true);
    const t = editDown([tri], [250, 279], 5);
    expect(editUp(t, [250, 300]).change?.polygon).toEqual([
      [200, 200],
      [300, 200],
      [250, 301],
    ]);
  });

  it('changes nothing on a press that does not move, or outside every region', () => {
    expect(editUp(editDown([rect], [50, 30], 5), [50, 30]).change).toBeNull();
    expect(editDown([rect], [500, 500], 5).kind).toBe('idle');
  });

  it('reorders by moving one item', () => {
    expect(moveItem([1, 2, 3, 4], 0, 2)).toEqual([2, 3, 1, 4]);
    expect(moveItem([1, 2, 3, 4], 3, 0)).toEqual([4, 1, 2, 3]);
  });
});

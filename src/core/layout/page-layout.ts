// The layout of one stored page, from its lines and its image: reads the image features, turns
// the lines upright, and analyses. Used by every text source before its text is stored (so the
// page text, and every export made from it, is in reading order) and by `backfile segment`.

import type { Box } from '../../shared/geometry.ts';
import type { Block, Line, PageText } from '../../shared/model.ts';
import { analysePage, union, type PageLayout } from './analyse.ts';
import {
  isPageInk,
  pageImageFeatures,
  readPageInk,
  uprightFrame,
  type PageImage,
  type PageImageFeatures,
} from './page-image.ts';
import { typeSizes } from './type-sizes.ts';
import { splitAtGutters, splitAtRules } from './split-lines.ts';
import { quarterTurn } from './quarter-turn.ts';
import { mostlyDown } from '../../shared/line-direction.ts';

export interface PageGeometry {
  width: number;
  height: number;
  dpi: number | null;
}

export interface LaidOutPage {
  layout: PageLayout;
  /** The lines laid out: the page's lines, each cut where a vertical rule runs through it. */
  lines: Line[];
  /** Block boxes in page coordinates (the layout's are upright). */
  boxes: Box[];
  /** The lines' boxes as the layout saw them: upright (and turned, for a vertical page). */
  upright: Box[];
  features: PageImageFeatures;
}

/**
 * `image` is the page's scan, or its ink already read (readPageInk: a page laid out twice, as the
 * OCR's column re-reading does, reads its image once).
 */
export async function layOutPage(
  image: PageImage,
  page: PageGeometry,
  pageLines: readonly Line[],
  maxPixels: number,
  knownSkew?: number,
): Promise<LaidOutPage> {
  // A page set in vertical columns (most of its characters in lines that run down; its
  // headlines and advertisements may still run across) is analysed turned a quarter
  // (quarter-turn.ts), where its columns are lines; the image's rules and photos are found on
  // the page as it is and turned.
  const turn = mostlyDown(pageLines) ? quarterTurn(page) : null;
  const view = (b: Box): Box => (turn ? turn.box(b) : b);
  const sizes = typeSizes(pageLines.map((l) => ({ box: view(l.box), text: l.text })));
  // Ink under words is text; a rule may run between the words of a line an engine ran on
  // across it, so the words' boxes are blanked, not the line's.
  const text = pageLines.flatMap((l) => (l.words.length > 0 ? l.words.map((w) => w.box) : [l.box]));
  const ink = isPageInk(image) ? image : await readPageInk(image, page.dpi, maxPixels, knownSkew);
  const features = pageImageFeatures(ink, page, text, sizes.body);
  const frame = uprightFrame(page.width, page.height, features.skew);
  const toView = (b: Box): Box => view(frame.toUpright(b));
  const rules = turn ? features.rules.map(turn.rule) : features.rules;
  const photos = turn ? features.photos.map(turn.box) : features.photos;
  const upright = (l: Line): Line => ({
    ...l,
    box: toView(l.box),
    words: l.words.map((w) => ({ ...w, box: toView(w.box) })),
  });
  const lines = splitAtGutters(splitAtRules(pageLines, rules, upright), sizes.body, upright);
  const uprightBoxes = lines.map((l) => toView(l.box));
  const layout = analysePage({
    width: turn ? turn.width : page.width,
    height: turn ? turn.height : page.height,
    lines: lines.map((l, i) => ({ box: uprightBoxes[i]!, text: l.text })),
    rules,
    photos,
    pageTop: turn ? 'left' : 'top',
  });
  const boxes = layout.blocks.map((b) =>
    b.lines.length > 0
      ? union(b.lines.map((i) => lines[i]!.box))
      : frame.toPage(turn ? turn.back(b.box) : b.box),
  );
  return { layout, lines, boxes, upright: uprightBoxes, features };
}

/** The page text re-blocked by its layout: one block per layout block, in reading order. */
export function arrangeByLayout(text: PageText, laidOut: LaidOutPage): PageText {
  const lines = laidOut.lines;
  const blocks: Block[] = laidOut.layout.order
    .map((k) => laidOut.layout.blocks[k]!)
    .filter((b) => b.lines.length > 0)
    .map((b) => ({ box: union(b.lines.map((i) => lines[i]!.box)), lines: b.lines.map((i) => lines[i]!) }));
  const placed = new Set(laidOut.layout.blocks.flatMap((b) => b.lines));
  // Every line is kept: one the analysis placed nowhere goes at the end in a block of its own.
  const loose = lines.filter((_, i) => !placed.has(i));
  if (loose.length > 0) blocks.push({ box: union(loose.map((l) => l.box)), lines: loose });
  return { ...text, blocks };
}

/** Lays out a page's freshly read text and puts it in reading order. */
export async function arrangePageText(
  image: PageImage,
  page: PageGeometry,
  text: PageText,
  maxPixels: number,
  knownSkew?: number,
): Promise<PageText> {
  const lines = text.blocks.flatMap((b) => b.lines);
  if (lines.length === 0) return text;
  return arrangeByLayout(text, await layOutPage(image, page, lines, maxPixels, knownSkew));
}

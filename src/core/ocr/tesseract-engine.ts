// tesseract.js as an OcrEngine. tesseract.js runs the recogniser in its own worker thread, so
// the thread that owns the database and serves the UI never blocks on OCR. Settings measured in
// DESIGN.md: page segmentation 3 (auto) for whole pages (the default 6 reads a multi-column page
// as one block), preserve_interword_spaces, the 4.0.0_best_int models, no cache written to disk.

import { createRequire } from 'node:module';
import { createWorker, PSM, type Worker } from 'tesseract.js';
import { unionBoxes } from '../../shared/geometry.ts';
import type { Block, Line, TextSource, Word } from '../../shared/model.ts';
import { lineTextFromWords } from './line-text.ts';
import { MODEL_NAME } from './language-data.ts';
import type { OcrEngine, OcrEngineFactory, RecogniseRequest, Segmentation } from './engine.ts';

const require = createRequire(import.meta.url);
const TESSERACT_VERSION: string = require('tesseract.js/package.json').version;

const MODES: Record<Segmentation, PSM> = { page: PSM.AUTO, block: PSM.SINGLE_BLOCK, line: PSM.SINGLE_LINE };

interface TessBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TessWord {
  text: string;
  confidence: number;
  bbox: TessBox;
}
interface TessLine {
  text: string;
  confidence: number;
  bbox: TessBox;
  words: TessWord[];
}
interface TessBlock {
  bbox: TessBox;
  paragraphs: { lines: TessLine[] }[];
}

/** tesseract.js's block tree to Backfile blocks; empty words and lines are dropped. */
export function blocksFromTesseract(blocks: readonly TessBlock[] | null): Block[] {
  const out: Block[] = [];
  for (const block of blocks ?? []) {
    const lines: Line[] = [];
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words: Word[] = line.words
          .filter((w) => w.text.trim())
          .map((w) => ({ box: { ...w.bbox }, text: w.text.trim(), confidence: w.confidence / 100 }));
        if (words.length === 0) continue;
        const rawText = line.text.replace(/\n$/, '');
        lines.push({
          box: unionBoxes(words.map((w) => w.box)),
          rawText,
          text: lineTextFromWords(words),
          confidence: line.confidence / 100,
          words,
        });
      }
    }
    if (lines.length > 0) out.push({ box: unionBoxes(lines.map((l) => l.box)), lines });
  }
  return out;
}

class TesseractEngine implements OcrEngine {
  readonly name = 'tesseract.js';
  private readonly worker: Worker;
  private mode: Segmentation | null = null;
  private progress: ((share: number) => void) | undefined;
  private terminated = false;

  constructor(worker: Worker, progressSink: { current?: (share: number) => void }) {
    this.worker = worker;
    progressSink.current = (share) => this.progress?.(share);
  }

  source(languages: string): TextSource {
    return {
      kind: 'ocr',
      engine: this.name,
      version: TESSERACT_VERSION,
      model: `${languages} ${MODEL_NAME}`,
    };
  }

  /**
   * tesseract.js posts to its worker without checking that it is still alive, and the error of a
   * post after terminate() escapes as an unhandled rejection; so every call into the worker is
   * guarded here, right before it is made.
   */
  private alive(): void {
    if (this.terminated) throw new Error('the OCR engine was stopped');
  }

  async recognise(request: RecogniseRequest): Promise<Block[]> {
    this.alive();
    if (this.mode !== request.segmentation) {
      await this.worker.setParameters({ tessedit_pageseg_mode: MODES[request.segmentation] });
      this.mode = request.segmentation;
    }
    this.alive();
    this.progress = request.onProgress;
    try {
      const result = await this.worker.recognize(request.image, {}, { blocks: true, text: false });
      return blocksFromTesseract(result.data.blocks as unknown as TessBlock[] | null);
    } finally {
      this.progress = undefined;
    }
  }

  async terminate(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    await this.worker.terminate();
  }
}

export function tesseractFactory(langPath: string): OcrEngineFactory {
  return {
    name: 'tesseract.js',
    async create(languages: string): Promise<OcrEngine> {
      const sink: { current?: (share: number) => void } = {};
      const worker = await createWorker(languages, 1, {
        langPath,
        gzip: true,
        cacheMethod: 'none',
        logger: (m: { status: string; progress: number }) => {
          if (m.status === 'recognizing text') sink.current?.(m.progress);
        },
        errorHandler: () => {},
      });
      await worker.setParameters({ preserve_interword_spaces: '1' });
      return new TesseractEngine(worker, sink);
    },
  };
}

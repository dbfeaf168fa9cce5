// tesseract.js as an OcrEngine. tesseract.js runs the recogniser in its own worker thread, so
// the thread that owns the database and serves the UI never blocks on OCR. Settings measured in
// DESIGN.md: page segmentation 3 (auto) for whole pages (the default 6 reads a multi-column page
// as one block), preserve_interword_spaces, the 4.0.0_best_int models, no cache written to disk,
// TSV output (word boxes and confidences) rather than the full block tree.

import { timed } from './stage-times.ts';
import { createRequire } from 'node:module';
import { createWorker, PSM, type Worker } from 'tesseract.js';
import type { Block, TextSource } from '../../shared/model.ts';
import { blocksFromTsv } from './tesseract-tsv.ts';
import { fixFrakturWord, readsFraktur } from './fraktur-confusions.ts';
import { MODEL_NAME } from './language-data.ts';
import { acrossLanguages } from '../../shared/language.ts';
import type { OcrEngine, OcrEngineFactory, RecogniseRequest, Segmentation } from './engine.ts';

const require = createRequire(import.meta.url);
const TESSERACT_VERSION: string = require('tesseract.js/package.json').version;

const MODES: Record<Segmentation, PSM> = {
  page: PSM.AUTO,
  column: PSM.SINGLE_COLUMN,
  block: PSM.SINGLE_BLOCK,
  line: PSM.SINGLE_LINE,
};

class TesseractEngine implements OcrEngine {
  readonly name = 'tesseract.js';
  readonly followsPageLayout = true; // decision 005
  readonly readsEnlargedSmallPrint = true;
  private readonly worker: Worker;
  private mode: Segmentation | null = null;
  private dpi: number | null = null;
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
    const dpi = request.dpi ? Math.round(request.dpi) : null;
    if (this.mode !== request.segmentation || (dpi !== null && dpi !== this.dpi)) {
      await this.worker.setParameters({
        tessedit_pageseg_mode: MODES[request.segmentation],
        ...(dpi !== null ? { user_defined_dpi: String(dpi) } : {}),
      });
      this.mode = request.segmentation;
      if (dpi !== null) this.dpi = dpi;
    }
    this.alive();
    this.progress = request.onProgress;
    try {
      const result = await timed(request.times, 'tesseract.js', () =>
        this.worker.recognize(request.image, {}, { tsv: true, text: false }),
      );
      return blocksFromTsv(
        result.data.tsv ?? '',
        readsFraktur(request.languages) ? fixFrakturWord : undefined,
      );
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
    engine: 'tesseract',
    async create(languages: string): Promise<OcrEngine> {
      const sink: { current?: (share: number) => void } = {};
      // A page set vertically is read column by column, each set across (vertical-reading.ts),
      // so its engine holds the horizontal models.
      const worker = await createWorker(
        acrossLanguages(languages),
        1,
        {
          langPath,
          gzip: true,
          cacheMethod: 'none',
          logger: (m: { status: string; progress: number }) => {
            if (m.status === 'recognizing text') sink.current?.(m.progress);
          },
          errorHandler: () => {},
        },
        // The Chinese models name their vertical model as a sub-language to load; tesseract.js
        // 7, loading it, garbles the name of the language after (`chi_sim+eng` loaded chi_sim
        // alone, decision 006). Pages are read set across, so the vertical sub-model is never
        // wanted: not loading it loads every language given.
        { tessedit_load_sublangs: '' } as never,
      );
      // Inverted-text retries find nothing on newspaper pages and cost about 5 % of the time
      // (measured on the sample pages, same text with and without).
      await worker.setParameters({ preserve_interword_spaces: '1', tessedit_do_invert: '0' } as never);
      return new TesseractEngine(worker, sink);
    },
  };
}

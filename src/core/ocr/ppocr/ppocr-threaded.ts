// PP-OCR as an OcrEngine whose models run in a worker thread of their own (ppocr-thread.ts), so
// that each OCR worker of the pool has a core: onnxruntime-node runs a model on the calling
// thread, and engines sharing the main thread would take turns. Terminating ends the thread at
// once, whatever it was reading.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Block, TextSource } from '../../../shared/model.ts';
import type { OcrEngine, OcrEngineFactory, RecogniseRequest } from '../engine.ts';
import type { ThreadReply, ThreadRequest } from './ppocr-thread-messages.ts';

/** The thread's script: the TypeScript source beside this file, or the bundle's (scripts/build.ts). */
function threadScript(): URL {
  const source = new URL('./ppocr-thread.ts', import.meta.url);
  return existsSync(fileURLToPath(source)) ? source : new URL('./ppocr-thread.mjs', import.meta.url);
}

interface Pending {
  request: RecogniseRequest;
  resolve: (blocks: Block[]) => void;
  reject: (error: Error) => void;
}

class ThreadedPpOcrEngine implements OcrEngine {
  readonly name = 'ppocr';
  readonly followsPageLayout = true;
  readonly readsEnlargedSmallPrint = false;
  private readonly worker: Worker;
  private readonly textSource: TextSource;
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  private ended: Error | null = null;

  constructor(worker: Worker, textSource: TextSource) {
    this.worker = worker;
    this.textSource = textSource;
    worker.on('message', (reply: ThreadReply) => this.answer(reply));
    worker.on('error', (error) => this.end(error));
    worker.on('exit', (code) => this.end(new Error(`the PP-OCR thread stopped (exit code ${code})`)));
  }

  source(): TextSource {
    return this.textSource;
  }

  recognise(request: RecogniseRequest): Promise<Block[]> {
    if (this.ended) return Promise.reject(this.ended);
    const id = this.next++;
    const message: ThreadRequest = {
      id,
      image: request.image,
      languages: request.languages,
      segmentation: request.segmentation,
      dpi: request.dpi,
      timed: request.times !== undefined,
    };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { request, resolve, reject });
      this.worker.postMessage(message);
    });
  }

  async terminate(): Promise<void> {
    this.end(new Error('the PP-OCR engine was stopped'));
    await this.worker.terminate();
  }

  private answer(reply: ThreadReply): void {
    if (reply.kind === 'ready') return;
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.kind === 'progress') {
      pending.request.onProgress?.(reply.share);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.kind === 'failed') {
      pending.reject(new Error(reply.message));
      return;
    }
    for (const t of reply.times) pending.request.times?.add(t.stage, t.ms, t.times);
    pending.resolve(reply.blocks);
  }

  private end(error: Error): void {
    if (this.ended) return;
    this.ended = error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

/** One thread per OCR worker; each gets `threads` CPU threads for the models. */
export function threadedPpOcrFactory(threads = 1, narrowAllowed = true): OcrEngineFactory {
  return {
    name: 'ppocr',
    engine: 'ppocr',
    async create() {
      const worker = new Worker(threadScript(), { workerData: { threads, narrowAllowed } });
      const source = await new Promise<TextSource>((resolve, reject) => {
        const onMessage = (reply: ThreadReply) => {
          if (reply.kind !== 'ready') return;
          worker.off('error', reject);
          resolve(reply.source);
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
        worker.once('exit', (code) =>
          reject(new Error(`the PP-OCR thread did not start (exit code ${code})`)),
        );
      });
      return new ThreadedPpOcrEngine(worker, source);
    },
  };
}

// The PP-OCR engine in a worker thread of its own. onnxruntime-node runs a model synchronously
// on the thread that calls it, so two engines on the main thread take turns and a second core
// stays idle (measured, bench/ocr.ts: two workers read at the pace of one). Each engine here has
// its thread; the main thread only passes images in and blocks out (ppocr-threaded.ts).

import { parentPort, workerData } from 'node:worker_threads';
import type { Segmentation } from '../engine.ts';
import { StageTimes } from '../stage-times.ts';
import { ppOcrFactory } from './ppocr-engine.ts';
import type { ThreadReply, ThreadRequest } from './ppocr-thread-messages.ts';

const { threads, narrowAllowed } = workerData as { threads: number; narrowAllowed: boolean };
const port = parentPort!;
const engine = await ppOcrFactory(threads, narrowAllowed).create('');
const send = (reply: ThreadReply) => port.postMessage(reply);
send({ kind: 'ready', source: engine.source('') });

port.on('message', (request: ThreadRequest) => {
  void (async () => {
    const times = request.timed ? new StageTimes() : undefined;
    try {
      const blocks = await engine.recognise({
        image: Buffer.from(request.image),
        languages: request.languages,
        segmentation: request.segmentation as Segmentation,
        dpi: request.dpi,
        onProgress: (share) => send({ kind: 'progress', id: request.id, share }),
        ...(times ? { times } : {}),
      });
      send({ kind: 'read', id: request.id, blocks, times: times?.totals() ?? [] });
    } catch (error) {
      send({
        kind: 'failed',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  })();
});

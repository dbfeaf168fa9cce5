// How onnxruntime runs the PP-OCR models: the same for detection and recognition.

import type { InferenceSession } from 'onnxruntime-node';

/**
 * The CPU memory arena is on and memory-pattern planning off. Without the arena every inference
 * asks the system for its activations afresh, and the page faults of zeroing them cost more
 * than the arithmetic: a 2560×640 detection tile took 559 ns a pixel, against 202 with the
 * arena (bench/ppocr-sessions.ts). The arena keeps the largest inference's memory for the life
 * of the session, so what bounds it is the tile size (detect.ts). Pattern planning, on top of
 * the arena, kept another 225 MB a detection session for no gain in speed.
 */
export function ppOcrSessionOptions(threads: number): InferenceSession.SessionOptions {
  return {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    enableCpuMemArena: true,
    enableMemPattern: false,
  };
}

// What the main thread and a PP-OCR thread (ppocr-thread.ts) say to each other.

import type { Block, TextSource } from '../../../shared/model.ts';
import type { Stage } from '../stage-times.ts';

export interface ThreadRequest {
  id: number;
  image: Uint8Array;
  languages: string;
  segmentation: string;
  dpi: number | null | undefined;
  /** Whether the stages' times are wanted back. */
  timed: boolean;
}

export type ThreadReply =
  | { kind: 'ready'; source: TextSource }
  | { kind: 'progress'; id: number; share: number }
  | { kind: 'read'; id: number; blocks: Block[]; times: { stage: Stage; ms: number; times: number }[] }
  | { kind: 'failed'; id: number; message: string };

// Text recognition with the PP-OCRv4 model: each detected box is cut from the page, scaled to
// the model's 48-pixel height, and read; CTC decoding (best class per time step, repeats and
// blanks dropped) gives the characters, their confidence, and — from the time steps where they
// were read — where each character sits in the box.

import * as ort from 'onnxruntime-node';
import type { Box } from '../../../shared/geometry.ts';
import { resizeGrey, type GreyImage } from './grey-image.ts';

export const LINE_HEIGHT = 48;
/** The widest crop read at once (model pixels); longer lines are read in pieces. */
const MAX_WIDTH = 48 * 32;
const BATCH = 8;

export interface ReadCharacter {
  text: string;
  confidence: number;
  /** Centre of the character, in page pixels. */
  x: number;
}

export interface ReadLine {
  box: Box;
  characters: ReadCharacter[];
}

export class TextRecogniser {
  private readonly session: ort.InferenceSession;
  private readonly characters: readonly string[];
  private constructor(session: ort.InferenceSession, characters: readonly string[]) {
    this.session = session;
    this.characters = characters;
  }

  static async create(
    modelPath: string,
    characters: readonly string[],
    threads: number,
  ): Promise<TextRecogniser> {
    const session = await ort.InferenceSession.create(modelPath, {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      enableCpuMemArena: false,
    });
    return new TextRecogniser(session, characters);
  }

  /** Reads every box; boxes come back in the order given. */
  async read(
    image: GreyImage,
    boxes: readonly Box[],
    onProgress?: (done: number) => void,
  ): Promise<ReadLine[]> {
    // Pieces: a box wider than MAX_WIDTH at line height is read in consecutive slices.
    const pieces: { line: number; crop: Box; width: number }[] = [];
    boxes.forEach((box, line) => {
      const h = box.y1 - box.y0;
      const scale = LINE_HEIGHT / h;
      const total = Math.max(8, Math.round((box.x1 - box.x0) * scale));
      const count = Math.ceil(total / MAX_WIDTH);
      const sliceWidth = (box.x1 - box.x0) / count;
      for (let k = 0; k < count; k++) {
        const crop = {
          x0: box.x0 + k * sliceWidth,
          y0: box.y0,
          x1: box.x0 + (k + 1) * sliceWidth,
          y1: box.y1,
        };
        pieces.push({ line, crop, width: Math.max(8, Math.round((crop.x1 - crop.x0) * scale)) });
      }
    });
    const results: ReadCharacter[][] = boxes.map(() => []);
    // Similar widths together, so little of a batch is padding.
    const order = pieces.map((_, i) => i).sort((a, b) => pieces[a]!.width - pieces[b]!.width);
    for (let start = 0; start < order.length; start += BATCH) {
      const batch = order.slice(start, start + BATCH).map((i) => pieces[i]!);
      const width = Math.ceil(Math.max(...batch.map((p) => p.width)) / 8) * 8;
      const input = new Float32Array(batch.length * 3 * LINE_HEIGHT * width); // 0 = mid grey after normalising
      batch.forEach((p, b) => {
        const grey = resizeGrey(
          image,
          { x: p.crop.x0, y: p.crop.y0, width: p.crop.x1 - p.crop.x0, height: p.crop.y1 - p.crop.y0 },
          p.width,
          LINE_HEIGHT,
        );
        for (let c = 0; c < 3; c++) {
          const plane = (b * 3 + c) * LINE_HEIGHT * width;
          for (let y = 0; y < LINE_HEIGHT; y++)
            for (let x = 0; x < p.width; x++)
              input[plane + y * width + x] = grey[y * p.width + x]! / 127.5 - 1;
        }
      });
      const output = await this.session.run({
        [this.session.inputNames[0]!]: new ort.Tensor('float32', input, [
          batch.length,
          3,
          LINE_HEIGHT,
          width,
        ]),
      });
      const probs = output[this.session.outputNames[0]!]!;
      const [, steps, classes] = probs.dims as [number, number, number];
      const data = probs.data as Float32Array;
      batch.forEach((p, b) => {
        const stepWidth = width / steps; // model pixels per time step
        const toPage = (p.crop.x1 - p.crop.x0) / p.width;
        let previous = 0;
        for (let t = 0; t < steps; t++) {
          if ((t + 0.5) * stepWidth > p.width + stepWidth) break; // padding
          const offset = (b * steps + t) * classes;
          let best = 0;
          let bestP = -1;
          for (let k = 0; k < classes; k++) {
            const v = data[offset + k]!;
            if (v > bestP) {
              bestP = v;
              best = k;
            }
          }
          if (best !== 0 && best !== previous) {
            const text = this.characters[best - 1] ?? '';
            results[p.line]!.push({ text, confidence: bestP, x: p.crop.x0 + (t + 0.5) * stepWidth * toPage });
          }
          previous = best;
        }
      });
      onProgress?.(Math.min(order.length, start + BATCH) / order.length);
    }
    return boxes.map((box, i) => ({ box, characters: results[i]!.sort((a, b) => a.x - b.x) }));
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

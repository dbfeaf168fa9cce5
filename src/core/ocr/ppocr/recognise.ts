// Text recognition with the PP-OCRv4 model: each detected box is cut from the page, scaled to
// the model's 48-pixel height, and read; CTC decoding (best class per time step, repeats and
// blanks dropped) gives the characters, their confidence, and — from the time steps where they
// were read — where each character sits in the box.

import * as ort from 'onnxruntime-node';
import type { Box } from '../../../shared/geometry.ts';
import { resizeGrey, type GreyImage } from './grey-image.ts';
import { timed, timedSync, type StageTimes } from '../stage-times.ts';
import { ppOcrSessionOptions } from './session-options.ts';

export const LINE_HEIGHT = 48;
/** The widest crop read at once (model pixels); longer lines are read in pieces. */
const MAX_WIDTH = 48 * 32;
/**
 * Crops are narrowed so that a page's characters take about this many CTC time steps each. The
 * model gives one step per 8 input columns and its cost grows with the width; a CJK character at
 * line height is 35–50 columns (4–6 steps), more than CTC needs to tell characters apart (the
 * character and a blank between two alike, and slack for where it falls), so the excess width
 * is paid for nothing. Measured (docs/decisions/007-speed.md): 4 steps keep every character.
 */
export const TARGET_STEPS = 4;
/** Pieces of a page read at full width to measure its characters' steps. */
const SAMPLE = 16;

/** The narrowing a page's crops are read at, from readings of its sample at full width: the
 * median steps per character, over pieces with a few characters, brought to TARGET_STEPS. */
export function pageNarrowing(sample: readonly PieceReading[]): number {
  const perCharacter = sample
    .filter((r) => r.characters.length >= 4)
    .map((r) => r.steps / r.characters.length)
    .sort((a, b) => a - b);
  if (perCharacter.length === 0) return 1;
  return Math.min(1, TARGET_STEPS / perCharacter[Math.floor(perCharacter.length / 2)]!);
}

/** Fewer steps per character than this in a narrowed piece: its characters are narrower than
 * the page's usual (a Latin word among CJK keeps about half the steps), and it is read again at
 * full width. */
const MIN_STEPS = 3;
/** A character read with less probability than this is checked at full width. */
const UNSURE = 0.5;
export interface PieceReading {
  characters: ReadCharacter[];
  steps: number;
}

function narrowed(piece: Piece, narrowing: number): number {
  return Math.max(8, Math.round(piece.width * narrowing));
}

/** A line, or a slice of a long one, with its width at line height. */
interface Piece {
  line: number;
  crop: Box;
  width: number;
}

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
  /** Whether crops may be narrowed (pageNarrowing); off to measure what it costs. */
  private readonly narrowAllowed: boolean;
  private constructor(session: ort.InferenceSession, characters: readonly string[], narrowAllowed: boolean) {
    this.session = session;
    this.characters = characters;
    this.narrowAllowed = narrowAllowed;
  }

  static async create(
    modelPath: string,
    characters: readonly string[],
    threads: number,
    /** False to read every crop at full width (bench/ocr.ts --full-width). */
    narrowAllowed = true,
  ): Promise<TextRecogniser> {
    const session = await ort.InferenceSession.create(modelPath, ppOcrSessionOptions(threads));
    return new TextRecogniser(session, characters, narrowAllowed);
  }

  /** Reads every box; boxes come back in the order given. */
  async read(
    image: GreyImage,
    boxes: readonly Box[],
    onProgress?: (done: number) => void,
    times?: StageTimes,
  ): Promise<ReadLine[]> {
    const allowed = this.narrowAllowed;
    // Pieces: a box wider than MAX_WIDTH at line height is read in consecutive slices.
    const pieces: Piece[] = [];
    boxes.forEach((box, line) => {
      const scale = LINE_HEIGHT / (box.y1 - box.y0);
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
    // A sample of the page's pieces is read at full width first: how many time steps its
    // characters take there says how far the rest may be narrowed.
    const sample = new Map<number, PieceReading>();
    const step = Math.max(1, pieces.length / SAMPLE);
    for (let k = 0; allowed && k < pieces.length; k += step) {
      const n = Math.floor(k);
      sample.set(n, await this.readPiece(image, pieces[n]!, pieces[n]!.width, times));
    }
    const narrowing = allowed ? pageNarrowing([...sample.values()]) : 1;
    // One crop per inference: batches of similar widths (8 or 32 at a time, padded to the widest)
    // measured slower than one at a time (docs/decisions/007-speed.md).
    for (const [n, piece] of pieces.entries()) {
      let read = sample.get(n) ?? (await this.readPiece(image, piece, narrowed(piece, narrowing), times));
      // Characters narrower than the page's usual (Latin letters, figures, small type in a box
      // too tall for it) have too few steps left to be told apart, and a character the model
      // is less sure of than not may be a stroke of the next column's first character, which the
      // box reaches into (read as one more character, it bridges the gutter for the layout):
      // such a piece is read again at full width.
      if (
        !sample.has(n) &&
        narrowing < 1 &&
        (read.characters.length * MIN_STEPS > read.steps ||
          read.characters.some((c) => c.confidence < UNSURE))
      )
        read = await this.readPiece(image, piece, piece.width, times);
      results[piece.line]!.push(...read.characters);
      onProgress?.((n + 1) / pieces.length);
    }
    return boxes.map((box, i) => ({ box, characters: results[i]!.sort((a, b) => a.x - b.x) }));
  }

  private async readPiece(
    image: GreyImage,
    piece: Piece,
    width: number,
    times: StageTimes | undefined,
  ): Promise<PieceReading> {
    const input = timedSync(times, 'recognition crops', () => {
      const grey = resizeGrey(
        image,
        {
          x: piece.crop.x0,
          y: piece.crop.y0,
          width: piece.crop.x1 - piece.crop.x0,
          height: piece.crop.y1 - piece.crop.y0,
        },
        width,
        LINE_HEIGHT,
      );
      const planes = new Float32Array(3 * LINE_HEIGHT * width);
      for (let i = 0; i < grey.length; i++) planes[i] = grey[i]! / 127.5 - 1;
      planes.copyWithin(grey.length, 0, grey.length);
      planes.copyWithin(2 * grey.length, 0, grey.length);
      return planes;
    });
    const output = await timed(times, 'recognition inference', () =>
      this.session.run({
        [this.session.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, LINE_HEIGHT, width]),
      }),
    );
    return timedSync(times, 'recognition decoding', () => {
      const probs = output[this.session.outputNames[0]!]!;
      const [, steps, classes] = probs.dims as [number, number, number];
      return {
        characters: this.decode(probs.data as Float32Array, steps, classes, piece.crop, width),
        steps,
      };
    });
  }

  /** CTC: the best class per time step, repeats and blanks dropped; each character placed at
   * the middle of its time step, in page pixels. */
  private decode(
    data: Float32Array,
    steps: number,
    classes: number,
    crop: Box,
    width: number,
  ): ReadCharacter[] {
    const out: ReadCharacter[] = [];
    const stepWidth = width / steps; // model pixels per time step
    const toPage = (crop.x1 - crop.x0) / width;
    let previous = 0;
    let first = 0;
    for (let t = 0; t < steps; t++) {
      const offset = t * classes;
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
        out.push({ text, confidence: bestP, x: crop.x0 + (t + 0.5) * stepWidth * toPage });
        first = t;
      } else if (best !== 0 && best === previous) {
        // The character's run of steps goes on: it sits at the run's middle, not where it was
        // first seen (with few steps a character, that start is a third of a character off).
        const c = out.at(-1)!;
        c.x = crop.x0 + ((first + t + 1) / 2) * stepWidth * toPage;
      }
      previous = best;
    }
    return out;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

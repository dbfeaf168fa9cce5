// Where a page's reading time goes, stage by stage. The page reader and the engines add to it
// when one is given (bench/ocr.ts gives one per run and prints the breakdown); without one they
// time nothing. Two workers add concurrently, so the stages sum to more than the run's wall time:
// they are each stage's own time, the figure to compare when choosing what to speed up.

export const STAGES = [
  'script detection',
  'prepare image',
  'engine decode',
  'detection input',
  'detection inference',
  'detection boxes',
  'gutter split',
  'recognition crops',
  'recognition inference',
  'recognition decoding',
  'lines and words',
  'tesseract.js',
  'layout',
  'column re-read',
  'database write',
] as const;
export type Stage = (typeof STAGES)[number];

export class StageTimes {
  private readonly ms = new Map<Stage, number>();
  private readonly counts = new Map<Stage, number>();

  /** `times`: how many timings `ms` sums (another thread's totals, added at once). */
  add(stage: Stage, ms: number, times = 1): void {
    this.ms.set(stage, (this.ms.get(stage) ?? 0) + ms);
    this.counts.set(stage, (this.counts.get(stage) ?? 0) + times);
  }

  /** Times `work` as `stage`. */
  async time<T>(stage: Stage, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(stage, performance.now() - started);
    }
  }

  timeSync<T>(stage: Stage, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.add(stage, performance.now() - started);
    }
  }

  /** Milliseconds per stage, in pipeline order, stages never timed left out. */
  totals(): { stage: Stage; ms: number; times: number }[] {
    return STAGES.filter((s) => this.ms.has(s)).map((stage) => ({
      stage,
      ms: this.ms.get(stage)!,
      times: this.counts.get(stage)!,
    }));
  }
}

/** `work` timed as `stage` when there is a clock, run as it is otherwise. */
export function timed<T>(times: StageTimes | undefined, stage: Stage, work: () => Promise<T>): Promise<T> {
  return times ? times.time(stage, work) : work();
}

export function timedSync<T>(times: StageTimes | undefined, stage: Stage, work: () => T): T {
  return times ? times.timeSync(stage, work) : work();
}

// Progress of a run of jobs as a plain serialisable object: done / total, pages per minute, ETA.

export interface RunProgress {
  done: number;
  total: number;
  /** Share of the run finished, counting pages under way by their own progress. */
  share: number;
  pagesPerMinute: number | null;
  etaSeconds: number | null;
}

export class ProgressMeter {
  private readonly started = Date.now();
  private readonly total: number;
  private done = 0;
  private readonly partials = new Map<number, number>();

  constructor(total: number) {
    this.total = total;
  }

  partial(jobId: number, share: number): void {
    this.partials.set(jobId, Math.max(0, Math.min(1, share)));
  }

  finished(jobId: number): void {
    this.partials.delete(jobId);
    this.done++;
  }

  snapshot(now = Date.now()): RunProgress {
    const underWay = [...this.partials.values()].reduce((a, b) => a + b, 0);
    const progressed = this.done + underWay;
    const minutes = (now - this.started) / 60_000;
    const rate = progressed > 0 && minutes > 0 ? progressed / minutes : null;
    return {
      done: this.done,
      total: this.total,
      share: this.total === 0 ? 1 : Math.min(1, progressed / this.total),
      pagesPerMinute: rate === null ? null : Math.round(rate * 10) / 10,
      etaSeconds: rate === null ? null : Math.round(((this.total - progressed) / rate) * 60),
    };
  }
}

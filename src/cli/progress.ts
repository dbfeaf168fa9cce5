// A one-line progress bar on a terminal (done/total, current item, ETA); silent elsewhere.

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function progressLine(
  done: number,
  total: number,
  current: string,
  etaSeconds: number | null,
  width = 24,
): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
  const tail = current.length > 40 ? '…' + current.slice(-39) : current;
  return `${bar} ${done}/${total}  ETA ${formatDuration(etaSeconds)}  ${tail}`;
}

export class TerminalProgress {
  private readonly enabled: boolean;
  private readonly stream: NodeJS.WriteStream;
  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.stream = stream;
    this.enabled = Boolean(stream.isTTY);
  }
  update(line: string): void {
    if (this.enabled) this.stream.write(`\r\x1b[2K${line}`);
  }
  done(): void {
    if (this.enabled) this.stream.write('\r\x1b[2K');
  }
}

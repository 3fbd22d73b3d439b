/** The progress line on stderr while a long job runs: rewritten in place on a terminal, a line per 10 % otherwise. */
export class ProgressLine {
  private lastDecile = -1;
  private lastDraw = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = true,
  ) {}

  update(done: number, total: number, text: string): void {
    if (!this.enabled) return;
    const fraction = total > 0 ? done / total : 1;
    if (this.stream.isTTY) {
      const now = Date.now();
      if (now - this.lastDraw < 100 && done < total) return;
      this.lastDraw = now;
      this.stream.write(`\r\x1b[2K${text}`);
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile > this.lastDecile) {
      this.lastDecile = decile;
      this.stream.write(`${text}\n`);
    }
  }

  finish(): void {
    if (this.enabled && this.stream.isTTY) this.stream.write('\r\x1b[2K');
  }
}

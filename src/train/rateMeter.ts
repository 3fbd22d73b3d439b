/** Averages over about this long a window. */
const WINDOW_MS = 1000;

/** Steps per second over the last second or so, from (time, steps done) samples. */
export class RateMeter {
  private samples: { time: number; steps: number }[] = [];

  /** `steps` were completed at `time` (ms). */
  add(time: number, steps: number): void {
    this.samples.push({ time, steps });
    while (this.samples.length > 2 && time - this.samples[1].time >= WINDOW_MS) this.samples.shift();
  }

  /** Steps per second over the window; 0 until two samples span some time. */
  perSecond(now: number): number {
    if (this.samples.length === 0 || now - this.samples[this.samples.length - 1].time > 2 * WINDOW_MS) return 0;
    const first = this.samples[0];
    const span = this.samples[this.samples.length - 1].time - first.time;
    if (span <= 0) return 0;
    const steps = this.samples.slice(1).reduce((sum, sample) => sum + sample.steps, 0);
    return (steps * 1000) / span;
  }

  clear(): void {
    this.samples = [];
  }
}

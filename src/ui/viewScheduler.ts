/** One view that redraws from the run: its draw, when it last drew, and whether it must draw again. */
interface View {
  draw(): void;
  minIntervalMs: number;
  drawnVersion: number;
  lastDrawn: number;
}

/** Main-thread time the views may take in one frame before the rest wait for the next. */
const FRAME_BUDGET_MS = 6;

/**
 * Redraws the page's views from the run in one animation-frame callback: each view whose data
 * changed (the run's version moved) and whose minimum interval has passed, taking turns, and
 * only as many as fit in a small budget, so that a frame never piles up every view's work.
 */
export class ViewScheduler {
  private readonly views: View[] = [];
  private next = 0;
  private handle: number | null = null;

  constructor(
    private readonly version: () => number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Adds a view; returns the function that removes it. */
  add(draw: () => void, minIntervalMs = 0): () => void {
    const view: View = { draw, minIntervalMs, drawnVersion: -1, lastDrawn: -Infinity };
    this.views.push(view);
    this.start();
    return () => {
      this.views.splice(this.views.indexOf(view), 1);
      if (this.views.length === 0) this.stop();
    };
  }

  /** Draws what is due, starting with the view after the last one drawn; returns how many drew. */
  frame(): number {
    const start = this.now();
    const version = this.version();
    const first = this.next;
    let drawn = 0;
    for (let i = 0; i < this.views.length; i++) {
      const index = (first + i) % this.views.length;
      const view = this.views[index];
      if (view.drawnVersion === version || start - view.lastDrawn < view.minIntervalMs) continue;
      if (drawn > 0 && this.now() - start > FRAME_BUDGET_MS) break;
      view.drawnVersion = version;
      view.lastDrawn = start;
      view.draw();
      drawn++;
      this.next = (index + 1) % this.views.length;
    }
    return drawn;
  }

  private start(): void {
    if (this.handle !== null || typeof requestAnimationFrame === 'undefined') return;
    const loop = () => {
      this.handle = requestAnimationFrame(loop);
      this.frame();
    };
    this.handle = requestAnimationFrame(loop);
  }

  private stop(): void {
    if (this.handle !== null) cancelAnimationFrame(this.handle);
    this.handle = null;
  }
}

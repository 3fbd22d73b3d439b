/** One kept state of the weights: the epoch they were read at, and the flat parameter vector. */
export interface TimelineEntry {
  readonly epoch: number;
  readonly parameters: Float32Array;
}

/** The most snapshots a timeline keeps. */
export const TIMELINE_CAPACITY = 64;

/**
 * Snapshots of the weights as training goes, bounded in memory however long it trains: one is
 * kept every `spacing` epochs (1 at first); when `capacity` are held every other one is dropped
 * and the spacing doubles, so the early epochs stay dense and the spacing grows geometrically.
 */
export class Timeline {
  private kept: TimelineEntry[] = [];
  private step = 1;

  constructor(readonly capacity = TIMELINE_CAPACITY) {
    if (capacity < 2 || capacity % 2 !== 0) throw new RangeError(`capacity must be an even number ≥ 2, got ${capacity}`);
  }

  /** The snapshots, oldest first. */
  get entries(): readonly TimelineEntry[] {
    return this.kept;
  }

  /** Epochs between kept snapshots now. */
  get spacing(): number {
    return this.step;
  }

  /** Whether a snapshot at `epoch` would be kept. */
  wants(epoch: number): boolean {
    const last = this.kept.at(-1);
    return last === undefined || epoch >= last.epoch + this.step;
  }

  /** Keeps a copy of `parameters` as the snapshot at `epoch` when one is due there; true when kept. */
  record(epoch: number, parameters: ArrayLike<number>): boolean {
    if (!this.wants(epoch)) return false;
    this.kept.push({ epoch, parameters: Float32Array.from(parameters) });
    if (this.kept.length >= this.capacity) {
      this.kept = this.kept.filter((_, index) => index % 2 === 0);
      this.step *= 2;
    }
    return true;
  }

  /** The latest snapshot taken at or before `epoch` (the first one for an epoch before it); undefined when there is none. */
  at(epoch: number): TimelineEntry | undefined {
    let found = this.kept[0];
    for (const entry of this.kept) if (entry.epoch <= epoch) found = entry;
    return found;
  }

  /** A copy holding the snapshots up to `epoch`: the timeline of a branch started there. */
  until(epoch: number): Timeline {
    const copy = new Timeline(this.capacity);
    copy.kept = this.kept.filter((entry) => entry.epoch <= epoch);
    copy.step = this.step;
    return copy;
  }
}

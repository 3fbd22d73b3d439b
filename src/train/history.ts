/** One point of the loss curves: metrics of both splits at an epoch (NaN where a value is unknown). */
export interface HistoryPoint {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** The rate the schedule gave the last step before this point. */
  learningRate: number;
}

/** Versions are unique across histories, so a view keyed on one never mistakes a new run's curve for an old one. */
let lastVersion = 0;

const FIELDS = ['epoch', 'trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy', 'learningRate'] as const;

/** The mean of a group of points, field by field. */
function meanOf(points: HistoryPoint[]): HistoryPoint {
  const mean = { epoch: 0, trainLoss: 0, testLoss: 0, trainAccuracy: 0, testAccuracy: 0, learningRate: 0 };
  for (const field of FIELDS) mean[field] = points.reduce((sum, point) => sum + point[field], 0) / points.length;
  return mean;
}

/**
 * The loss curves of a run, bounded in memory however long it trains: when `capacity` points
 * are held, neighbouring pairs are merged (averaged) and from then on every `stride` new
 * observations are averaged into one point, so the curve keeps an even resolution over all epochs.
 */
export class LossHistory {
  private points: HistoryPoint[] = [];
  private pending: HistoryPoint[] = [];
  private stride = 1;
  /** Changes whenever the curves change, so views redraw only then. */
  version = ++lastVersion;

  constructor(readonly capacity = 2000) {
    if (capacity < 2 || capacity % 2 !== 0) throw new RangeError(`capacity must be an even number ≥ 2, got ${capacity}`);
  }

  /** Records one observation; it joins the curve once `stride` of them have been averaged. */
  add(point: HistoryPoint): void {
    this.pending.push(point);
    if (this.pending.length < this.stride) return;
    this.points.push(meanOf(this.pending));
    this.pending = [];
    if (this.points.length >= this.capacity) this.mergePairs();
    this.version = ++lastVersion;
  }

  /** The curve so far, oldest first (at most `capacity` points). */
  get values(): readonly HistoryPoint[] {
    return this.points;
  }

  /** How many observations each new point now averages. */
  get observationsPerPoint(): number {
    return this.stride;
  }

  /** A copy holding the curve up to `epoch`: the history of a branch started there. */
  until(epoch: number): LossHistory {
    const copy = new LossHistory(this.capacity);
    copy.points = this.points.filter((point) => point.epoch <= epoch);
    copy.stride = this.stride;
    return copy;
  }

  clear(): void {
    this.points = [];
    this.pending = [];
    this.stride = 1;
    this.version = ++lastVersion;
  }

  private mergePairs(): void {
    const merged: HistoryPoint[] = [];
    for (let i = 0; i + 1 < this.points.length; i += 2) merged.push(meanOf([this.points[i], this.points[i + 1]]));
    this.points = merged;
    this.stride *= 2;
  }
}

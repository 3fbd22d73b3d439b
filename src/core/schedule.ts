import { deriveSeed, permutation, createRng } from './rng';

/**
 * Which training rows each optimizer step uses. Step s belongs to epoch ⌊s / stepsPerEpoch⌋;
 * every epoch shuffles the training split with its own seeded permutation, and the last,
 * partial batch of an epoch is used, not dropped.
 */
export class MinibatchSchedule {
  readonly stepsPerEpoch: number;
  readonly batchSize: number;
  private cachedEpoch = -1;
  private cachedOrder: Uint32Array = new Uint32Array(0);

  /** trainCount training rows, batches of batchSize (clamped to 1…trainCount), shuffled from seed. */
  constructor(
    readonly trainCount: number,
    batchSize: number | 'all',
    readonly seed: number,
  ) {
    this.batchSize = batchSize === 'all' ? Math.max(1, trainCount) : Math.max(1, Math.min(batchSize, trainCount));
    this.stepsPerEpoch = Math.max(1, Math.ceil(trainCount / this.batchSize));
  }

  epochOf(step: number): number {
    return Math.floor(step / this.stepsPerEpoch);
  }

  /** The permutation of 0…trainCount−1 that epoch `epoch` walks through. */
  epochOrder(epoch: number): Uint32Array {
    if (epoch !== this.cachedEpoch) {
      this.cachedOrder = permutation(this.trainCount, createRng(deriveSeed(this.seed, epoch)));
      this.cachedEpoch = epoch;
    }
    return this.cachedOrder;
  }

  /** Positions (into the training split) of the rows used by step `step`. */
  batch(step: number): Uint32Array {
    const epoch = this.epochOf(step);
    const start = (step - epoch * this.stepsPerEpoch) * this.batchSize;
    const end = Math.min(start + this.batchSize, this.trainCount);
    return this.epochOrder(epoch).subarray(start, end);
  }
}

import type { Activation } from '../core/activations';
import { dropoutLayerKey } from '../core/dropout';
import { lossAndGradient } from '../core/loss';
import { producerOf, type DensePlan, type NetworkPlan } from '../core/network';
import { denseForward, denseInputGradient, denseWeightGradient, type DropoutMask } from './kernels';
import type { Floats } from './floats';

export type FloatArrayConstructor<T extends Floats> = { new (length: number): T };

/** Dropout for one training step: the rate and the step's seed (see core/dropout). */
export interface StepDropout {
  rate: number;
  stepSeed: number;
}

/** The activation a dense layer applies in the engine: hidden layers their own, the output layer none (logits). */
export function engineActivation(layer: DensePlan): Activation {
  return layer.hidden ? (layer.activation as Activation) : 'linear';
}

/** The dropout mask of one layer in one step, or null when the layer has none. */
export function layerDropout(layer: DensePlan, dropout: StepDropout | null): DropoutMask | null {
  if (!dropout || dropout.rate <= 0 || !layer.hidden) return null;
  return { key: dropoutLayerKey(dropout.stepSeed, layer.index), rate: dropout.rate };
}

/**
 * Forward and backward passes of a planned network on up to `capacity` rows, with all
 * activations, gradients and parameters in typed arrays of one precision.
 */
export class CpuNetwork<T extends Floats> {
  readonly params: T;
  readonly grads: T;
  private slots: T[] = [];
  private dZ: T[] = [];
  private raw = new Map<number, T>();
  private capacity = 0;

  constructor(
    readonly plan: NetworkPlan,
    private readonly ctor: FloatArrayConstructor<T>,
    capacity: number,
  ) {
    this.params = new ctor(plan.parameterCount);
    this.grads = new ctor(plan.parameterCount);
    this.ensureCapacity(capacity);
  }

  /** Grows the activation buffers to hold at least `rows` rows. */
  ensureCapacity(rows: number): void {
    if (rows <= this.capacity) return;
    this.capacity = rows;
    this.slots = this.plan.slotWidths.map((w) => new this.ctor(rows * w));
    this.dZ = this.plan.dense.map((d) => new this.ctor(rows * d.out));
    this.raw = new Map(
      this.plan.dense.filter((d) => d.inputGradFrom !== null).map((d) => [d.inputGradFrom!, new this.ctor(rows * this.plan.slotWidths[d.inputGradFrom!])]),
    );
  }

  /** Activation slot i (rows × slotWidths[i]); slot 0 is where the caller puts the features. */
  slot(i: number): T {
    return this.slots[i];
  }

  /** Runs the layers on the first `rows` rows of slot 0; returns the logits slot (rows × outputs). */
  forward(rows: number, dropout: StepDropout | null): T {
    for (const layer of this.plan.dense) {
      denseForward(
        this.slots[layer.input],
        rows,
        this.params,
        layer,
        engineActivation(layer),
        this.slots[layer.output],
        layerDropout(layer, dropout),
        layer.skip === null ? null : this.slots[layer.skip],
        layer.sum === null ? null : this.slots[layer.sum],
      );
    }
    return this.slots[this.plan.outputSlot];
  }

  /**
   * After forward(rows, dropout): the mean loss against `labels` (one per row), with the
   * gradient of that loss (without regularisation) written into `grads`.
   */
  backward(rows: number, labels: ArrayLike<number>, dropout: StepDropout | null): number {
    const dense = this.plan.dense;
    const last = dense[dense.length - 1];
    const loss = lossAndGradient(this.plan.spec.task, this.slots[this.plan.outputSlot], labels, rows, this.dZ[last.index]);
    for (let l = dense.length - 1; l >= 0; l--) {
      const layer = dense[l];
      denseWeightGradient(this.dZ[l], this.slots[layer.input], rows, layer, this.grads);
      const producer = producerOf(this.plan, layer.input);
      if (!producer) continue;
      denseInputGradient(
        this.dZ[l],
        rows,
        this.params,
        layer,
        layer.inputGradFrom === null ? null : this.raw.get(layer.inputGradFrom)!,
        this.raw.get(layer.input) ?? null,
        { activation: engineActivation(producer), output: this.slots[producer.output], dropout: layerDropout(producer, dropout) },
        this.dZ[producer.index],
      );
    }
    return loss;
  }
}

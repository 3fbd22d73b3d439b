import { computeFeatures } from '../core/features';
import { logitsToOutputs } from '../core/loss';
import type { NetworkPlan } from '../core/network';
import { optimizerStateSize, optimizerStep, scheduledStepScalars } from '../core/optimizer';
import type { LiveSettings } from '../core/trainer';
import { CpuNetwork } from './cpuNetwork';

/**
 * One optimizer step on one training point, stage by stage, in Float64: what the slow-motion step
 * shows. The same forward, loss, backward and update as the trainer's (without dropout), so that the
 * update stage's weights are those of a real step of batch size 1 on that point.
 */

export interface StepStagesInput {
  plan: NetworkPlan;
  /** The parameters before the step (plan order). */
  parameters: ArrayLike<number>;
  /** The point's coordinates (x1, x2) and its label (a class, or a value). */
  point: readonly [number, number];
  label: number;
  settings: LiveSettings;
  /** The optimizer step this is (0-based): Adam's bias correction and the schedule's rate depend on it. */
  step: number;
  /** The optimizer's state before the step (momentum's v; Adam's m then v); zeros when absent. */
  state?: ArrayLike<number>;
}

export interface StepStages {
  /** Forward: every activation slot's values for the point (slot 0 holds the features; the output slot the logits). */
  activations: Float64Array[];
  /** The model's outputs: class probabilities, or the regression value. */
  outputs: Float64Array;
  /** Loss: the data loss of this point (no regularisation). */
  loss: number;
  /** Backward: ∂loss/∂θ for every parameter (plan order). */
  gradients: Float64Array;
  /** Update: the parameters after the optimizer's step, and the optimizer's state after it. */
  parameters: Float64Array;
  state: Float64Array;
}

export function stepStages({ plan, parameters, point, label, settings, step, state }: StepStagesInput): StepStages {
  if (parameters.length !== plan.parameterCount) throw new Error(`expected ${plan.parameterCount} parameters, got ${parameters.length}`);
  const network = new CpuNetwork(plan, Float64Array, 1);
  network.params.set(parameters);
  computeFeatures(point, plan.spec.features, network.slot(0), plan.spec.normalization);
  network.forward(1, null);
  const activations = plan.slotWidths.map((_, slot) => network.slot(slot).slice(0, plan.slotWidths[slot]));
  const outputs = logitsToOutputs(plan.spec.task, activations[plan.outputSlot].slice(), 1);
  const loss = network.backward(1, [label], null);
  const gradients = network.grads.slice();
  const after = Float64Array.from(parameters);
  const nextState = new Float64Array(optimizerStateSize(settings.optimizer, plan.parameterCount));
  // A trainer may keep room for any optimizer's state: this one's is its first part.
  if (state) for (let i = 0; i < nextState.length; i++) nextState[i] = state[i];
  optimizerStep(after, gradients, nextState, plan.weightCount, settings, scheduledStepScalars(settings, step));
  return { activations, outputs, loss, gradients, parameters: after, state: nextState };
}

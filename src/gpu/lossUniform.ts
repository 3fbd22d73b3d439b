import type { SplitMetrics } from '../core/metrics';
import type { NetworkPlan } from '../core/network';
import { outputWidth } from '../core/task';
import type { ForwardPlan } from './forwardPlan';

/** `Loss` (shaders/loss.wgsl) for a plan's arena. */
export function lossUniformData(plan: NetworkPlan, forward: ForwardPlan, training: boolean): Uint32Array {
  const task = plan.spec.task;
  const code = task.kind === 'regression' ? 2 : task.classes > 2 ? 1 : 0;
  const last = plan.dense[plan.dense.length - 1];
  return Uint32Array.from([code, outputWidth(task), forward.logitsOffset, forward.offsets.labels, training ? forward.offsets.dz[last.index] : 0, 0, 0, 0]);
}

/** Metrics from the summed loss and correct count of one split. */
export function metricsFromSums(plan: NetworkPlan, lossSum: number, correct: number, count: number): SplitMetrics {
  return {
    loss: count > 0 ? lossSum / count : NaN,
    accuracy: plan.spec.task.kind === 'classification' ? (count > 0 ? correct / count : NaN) : null,
    count,
  };
}


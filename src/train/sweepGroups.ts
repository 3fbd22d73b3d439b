import { planNetwork } from '../core/network';
import { MinibatchSchedule } from '../core/schedule';
import { prepareSplits } from '../core/splits';
import type { TrainerSetup } from '../core/trainer';
import { batchGroups } from '../gpu/batchedTrainer';
import { fusedIneligibility } from '../gpu/fusedMlp';

/**
 * How a sweep's runs are trained on WebGPU: runs that share a layout, data and batch size form a
 * batched group (one dispatch steps all of them) when the fused kernel can train that layout; the
 * others train one trainer each.
 */
export interface SweepGroupPlan {
  /** Each batched group's runs, as indices into the sweep's runs. */
  batched: number[][];
  /** The runs trained one trainer each, in order. */
  alone: number[];
  /** Why those runs are not batched, each reason once. */
  aloneReasons: string[];
}

/** Why the fused kernel, and so a batched group, cannot train this setup; null when it can. */
export function batchedIneligibility(setup: TrainerSetup): string | null {
  const train = prepareSplits(setup.spec, setup.dataset).train;
  return fusedIneligibility(planNetwork(setup.spec), new MinibatchSchedule(train.count, setup.training.batchSize, 0).batchSize);
}

/** Splits a sweep's runs into batched groups and runs trained alone (see SweepGroupPlan). */
export function planSweepGroups(setups: readonly TrainerSetup[]): SweepGroupPlan {
  const plan: SweepGroupPlan = { batched: [], alone: [], aloneReasons: [] };
  for (const group of batchGroups(setups)) {
    const reason = batchedIneligibility(setups[group[0]]);
    if (reason === null) {
      plan.batched.push(group);
      continue;
    }
    plan.alone.push(...group);
    if (!plan.aloneReasons.includes(reason)) plan.aloneReasons.push(reason);
  }
  plan.alone.sort((a, b) => a - b);
  return plan;
}

/** How the runs train, as the compare view says it. */
export type SweepTraining = { kind: 'webgpu'; plan: SweepGroupPlan } | { kind: 'cpu'; workers: number };

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/**
 * How the runs train, in one phrase after "16 runs": "on WebGPU in 1 batched group: one GPU
 * dispatch steps all 16 at once", "on 4 CPU workers, their runs one after another"…
 */
export function sweepTrainingText(training: SweepTraining): string {
  if (training.kind === 'cpu') return `on ${plural(training.workers, 'CPU worker')}, their runs one after another`;
  const { batched, alone, aloneReasons } = training.plan;
  const inGroups = batched.reduce((sum, group) => sum + group.length, 0);
  const since = aloneReasons.length > 0 ? `, since ${aloneReasons.join('; ')}` : '';
  if (inGroups === 0) return `on WebGPU, one trainer each${since}`;
  const dispatches = batched.length === 1 ? 'one GPU dispatch' : `${batched.length} GPU dispatches`;
  if (alone.length === 0) {
    return batched.length === 1 ? `on WebGPU in 1 batched group: ${dispatches} steps all ${inGroups} at once` : `on WebGPU in ${batched.length} batched groups, one per layout: ${dispatches} step all ${inGroups}`;
  }
  return `on WebGPU: ${inGroups} in ${plural(batched.length, 'batched group')} (${dispatches} ${batched.length === 1 ? 'steps' : 'step'} them all), ${alone.length} one trainer each${since}`;
}

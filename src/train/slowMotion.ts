import type { ExperimentConfig } from '../core/config';
import { splitDataset, type Dataset } from '../core/dataset';
import { hiddenLayers, type NetworkPlan } from '../core/network';
import { liveSettingsOf, type OptimizerState } from '../core/trainer';
import { stepStages, type StepStages } from '../cpu/stepStages';

/** One optimizer step on one training point of the run's model, to be shown stage by stage. */

/** The widest hidden layer a slow-motion step is shown for: every number must fit on the page. */
export const SLOW_MOTION_MAX_UNITS = 8;

/** A stage of the step: forward through one dense layer, the loss, backward through one dense layer, the update. */
export type SlowMotionStage = { kind: 'forward'; layer: number } | { kind: 'loss' } | { kind: 'backward'; layer: number } | { kind: 'update' };

/** The stages in order: forward layer by layer, the loss, backward from the output down, the update. */
export function slowMotionStages(plan: NetworkPlan): SlowMotionStage[] {
  const layers = plan.dense.map((layer) => layer.index);
  return [
    ...layers.map((layer) => ({ kind: 'forward' as const, layer })),
    { kind: 'loss' as const },
    ...[...layers].reverse().map((layer) => ({ kind: 'backward' as const, layer })),
    { kind: 'update' as const },
  ];
}

export function slowMotionFits(plan: NetworkPlan): boolean {
  return hiddenLayers(plan).every((layer) => layer.out <= SLOW_MOTION_MAX_UNITS);
}

/**
 * Where a step starts (Run.stepStart): the model's parameters and its optimizer's memory, with the
 * network, data and settings they belong to, and the run's model revision then (a later change of
 * the experiment or of the weights makes the step another model's).
 */
export interface StepStart {
  revision: number;
  plan: NetworkPlan;
  dataset: Dataset;
  config: ExperimentConfig;
  parameters: ArrayLike<number>;
  optimizer: OptimizerState;
}

export interface SlowMotionStep {
  /** Which training point (0-based, of `count`), its coordinates and its label. */
  pointIndex: number;
  count: number;
  point: [number, number];
  label: number;
  start: StepStart;
  stages: StepStages;
}

/**
 * The step the run's model takes on training point `pointIndex` alone (batch size 1, no dropout)
 * from `start`: the engine's parameters and optimizer state (momentum's or Adam's memory, and the
 * step count that Adam's bias correction and the schedule's rate follow), so that its update is the
 * engine's next step of batch size 1 on that point. Null without points.
 */
export function slowMotionStep(start: StepStart, pointIndex: number): SlowMotionStep | null {
  const { plan, dataset, config } = start;
  const train = splitDataset(dataset, 'train');
  const count = train.labels.length;
  if (count === 0) return null;
  const index = Math.max(0, Math.min(count - 1, Math.round(pointIndex)));
  const point: [number, number] = [train.points[2 * index], train.points[2 * index + 1]];
  const label = train.labels[index];
  const settings = { ...liveSettingsOf(config.training), dropout: 0 };
  const stages = stepStages({ plan, parameters: start.parameters, point, label, settings, step: start.optimizer.step, state: start.optimizer.values });
  return { pointIndex: index, count, point, label, start, stages };
}

/** Where the step after `step` starts: its updated parameters and optimizer memory. */
export function startAfter(step: SlowMotionStep): StepStart {
  return { ...step.start, parameters: step.stages.parameters, optimizer: { step: step.start.optimizer.step + 1, values: step.stages.state } };
}

import type { TrainingConfig } from '../core/config';
import { splitDataset } from '../core/dataset';
import { constantSchedule, learningRateAt } from '../core/lrSchedule';
import { hiddenLayers, type NetworkPlan } from '../core/network';
import { liveSettingsOf } from '../core/trainer';
import { stepStages, type StepStages } from '../cpu/stepStages';
import type { Run } from './run';

/** One optimizer step on one training point of the run's model, to be shown stage by stage. */

/** The widest hidden layer a slow-motion step is shown for: every number must fit on the page. */
export const SLOW_MOTION_MAX_UNITS = 8;

export const SLOW_MOTION_STAGES = ['Forward', 'Loss', 'Backward', 'Update'] as const;
export type SlowMotionStage = (typeof SLOW_MOTION_STAGES)[number];

export function slowMotionFits(plan: NetworkPlan): boolean {
  return hiddenLayers(plan).every((layer) => layer.out <= SLOW_MOTION_MAX_UNITS);
}

export interface SlowMotionStep {
  /** Which training point (0-based, of `count`), its coordinates and its label. */
  pointIndex: number;
  count: number;
  point: [number, number];
  label: number;
  stages: StepStages;
}

/** Steps of an epoch for `count` training points at the config's batch size. */
function stepsPerEpoch(training: TrainingConfig, count: number): number {
  return training.batchSize === 'all' ? 1 : Math.ceil(count / Math.min(training.batchSize, count));
}

/**
 * The step the run's model would take on training point `pointIndex` alone (batch size 1, no
 * dropout), from its current parameters or those given, at the learning rate the schedule gives now. Momentum and Adam start from rest: their
 * memory of earlier steps lives in the engine and is not part of it. Null without a model or points.
 */
export function slowMotionStep(run: Run, pointIndex: number, parameters: ArrayLike<number> | null = run.parameters): SlowMotionStep | null {
  const { plan, dataset, config } = run;
  if (!plan || !parameters || !dataset || !config) return null;
  const train = splitDataset(dataset, 'train');
  const count = train.labels.length;
  if (count === 0) return null;
  const index = Math.max(0, Math.min(count - 1, Math.round(pointIndex)));
  const point: [number, number] = [train.points[2 * index], train.points[2 * index + 1]];
  const label = train.labels[index];
  const settings = liveSettingsOf(config.training);
  // From rest: the first step of an optimizer without memory, at the rate of the step the run is at.
  const learningRate = learningRateAt(settings.learningRate, settings.schedule, Math.round(run.epoch * stepsPerEpoch(config.training, count)));
  const stages = stepStages({ plan, parameters, point, label, settings: { ...settings, learningRate, schedule: constantSchedule(), dropout: 0 }, step: 0 });
  return { pointIndex: index, count, point, label, stages };
}

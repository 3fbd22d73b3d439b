import type { ExperimentConfig } from '../../src/core/config';
import { splitDataset, type Dataset } from '../../src/core/dataset';
import { computeFeatures } from '../../src/core/features';
import { hiddenLayers } from '../../src/core/network';
import type { Metrics } from '../../src/core/metrics';
import { deriveSeed } from '../../src/core/rng';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { generateDataset } from '../../src/data/presets';
import { LESSONS, type LessonSetup } from '../../src/lessons/lessons';
import { buildTrainerSetup } from '../../src/train/trainerSetup';

/** Training a lesson's experiment as the page does (its data, its fresh weights), on the seeds a class may meet. */

export function lessonSetup(lessonId: string, label: string): LessonSetup {
  const lesson = LESSONS.find((candidate) => candidate.id === lessonId);
  const setup = lesson?.setups.find((candidate) => candidate.label === label);
  if (!setup) throw new Error(`no setup "${label}" in lesson "${lessonId}"`);
  return setup;
}

export const lessonConfig = (lessonId: string, label: string): ExperimentConfig => lessonSetup(lessonId, label).config;

/** The data seed of a link and the next `count − 1` that the Regenerate button draws from it. */
export function regeneratedSeeds(seed: number, count = 5): number[] {
  const seeds = [seed];
  while (seeds.length < count) seeds.push(deriveSeed(seeds[seeds.length - 1], 0x5eed));
  return seeds;
}

/** One experiment on one pair of seeds. */
export interface SeedCase {
  dataSeed: number;
  weightSeed: number;
  config: ExperimentConfig;
  /** "data seed 27, weight seed 1", for failure messages. */
  name: string;
}

export function withSeeds(config: ExperimentConfig, dataSeed: number, weightSeed: number): SeedCase {
  return {
    dataSeed,
    weightSeed,
    config: { ...config, data: { ...config.data, seed: dataSeed }, training: { ...config.training, seed: weightSeed } },
    name: `data seed ${dataSeed}, weight seed ${weightSeed}`,
  };
}

/**
 * The seeds a claim is tested on: the link's data seed and four Regenerate presses, each with the
 * link's weight seed, and the link's data with four more weight seeds (9 runs); `grid` crosses
 * all five data seeds with all five weight seeds (25 runs), for claims that are cheap to train.
 */
export function seedCases(config: ExperimentConfig, grid = false): SeedCase[] {
  const dataSeeds = regeneratedSeeds(config.data.seed);
  const weightSeeds = Array.from({ length: 5 }, (_, i) => config.training.seed + i);
  if (grid) return dataSeeds.flatMap((dataSeed) => weightSeeds.map((weightSeed) => withSeeds(config, dataSeed, weightSeed)));
  return [
    ...dataSeeds.map((dataSeed) => withSeeds(config, dataSeed, config.training.seed)),
    ...weightSeeds.slice(1).map((weightSeed) => withSeeds(config, config.data.seed, weightSeed)),
  ];
}

/** Several setups of one lesson on the same seeds, so that each case compares like with like. */
export function pairedCases(configs: ExperimentConfig[], grid = false): SeedCase[][] {
  const [first] = configs;
  return seedCases(first, grid).map(({ dataSeed, weightSeed }) => configs.map((config) => withSeeds(config, dataSeed, weightSeed)));
}

export function trainerFor(config: ExperimentConfig): CpuTrainer {
  return new CpuTrainer(buildTrainerSetup('fresh', config, generateDataset(config.data), null));
}

/** Metrics after `steps` updates. */
export function metricsAfter(config: ExperimentConfig, steps: number): Metrics {
  return trainerFor(config).stepSync(steps, { metrics: true }).metrics!;
}

export interface LessonRun {
  trainer: CpuTrainer;
  /** Metrics after every `every` steps, then at the end. */
  checkpoints: Metrics[];
  diverged: boolean;
}

/** Trains `steps` steps, observing the metrics every `every` steps. */
export function trainLesson(config: ExperimentConfig, steps: number, every = steps): LessonRun {
  const trainer = trainerFor(config);
  const checkpoints: Metrics[] = [];
  let diverged = false;
  for (let done = 0; done < steps && !diverged; done += every) {
    const observation = trainer.stepSync(Math.min(every, steps - done), { metrics: true });
    checkpoints.push(observation.metrics!);
    diverged = observation.diverged;
  }
  return { trainer, checkpoints, diverged };
}

export const lastOf = (run: LessonRun): Metrics => run.checkpoints[run.checkpoints.length - 1];

/** The full training-set loss at the start and after each of `epochs` epochs: the curve the loss chart draws. */
export function trainingLossByEpoch(config: ExperimentConfig, epochs: number): { losses: number[]; diverged: boolean } {
  const trainer = trainerFor(config);
  const losses = [trainer.evaluateSync().train.loss];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const observation = trainer.stepSync(trainer.stepsPerEpoch, { metrics: true });
    if (observation.diverged) return { losses, diverged: true };
    losses.push(observation.metrics!.train.loss);
  }
  return { losses, diverged: false };
}

/**
 * How jagged a loss curve looks on a log scale: the mean |Δ log loss| between neighbouring points
 * beyond what the net change explains. 0 for a curve that only falls (or only rises).
 */
export function logJaggedness(losses: number[]): number {
  const logs = losses.map(Math.log);
  let travelled = 0;
  for (let i = 1; i < logs.length; i++) travelled += Math.abs(logs[i] - logs[i - 1]);
  return (travelled - Math.abs(logs[logs.length - 1] - logs[0])) / (logs.length - 1);
}

/** The probability a two-class model gives class 1 at each point of a dataset (or one of its splits). */
export async function probabilitiesOn(trainer: CpuTrainer, dataset: Dataset, split?: 'train' | 'test'): Promise<{ points: Dataset; p: Float32Array }> {
  const points = split ? splitDataset(dataset, split) : dataset;
  return { points, p: await trainer.predict(points.points) };
}

/** The outputs of every hidden layer on the training points, with the trainer's current weights (no dropout). */
export function hiddenOutputs(trainer: CpuTrainer, dataset: Dataset): Float32Array[] {
  const { spec } = trainer.plan;
  const points = splitDataset(dataset, 'train').points;
  const rows = points.length / 2;
  const features = computeFeatures(points, spec.features, new Float32Array(rows * spec.features.length), spec.normalization);
  trainer.network.ensureCapacity(rows);
  trainer.network.slot(0).set(features);
  trainer.network.forward(rows, null);
  return hiddenLayers(trainer.plan).map((layer) => trainer.network.slot(layer.output).slice(0, rows * layer.out));
}

import type { Activation } from '../core/activations';
import { defaultConfig, type ExperimentConfig } from '../core/config';
import type { Dataset } from '../core/dataset';
import { fitNormalization } from '../core/features';
import { buildModelSpec, planNetwork, type ModelSpec } from '../core/network';
import type { TrainerSetup } from '../core/trainer';
import { generateDataset } from '../data/presets';
import { SEPARABILITY_INTERVAL_MS, VIEW_INTERVAL_MS } from '../train/insideViews';
import { flopsPerPoint, gridSideFor } from '../train/observePlanner';

/** The benchmark's workloads: what is measured, on which network, and how many steps each side runs. */

export type WorkloadKind = 'train' | 'grid' | 'frame' | 'sweep';

export interface Workload {
  id: string;
  /** The layout in Playground's notation: inputs-[hidden]-outputs. */
  label: string;
  kind: WorkloadKind;
  arch: 'mlp' | 'resnet';
  hidden: number[];
  width: number;
  blocks: number;
  activation: Activation;
  batch: number;
  /** Optimizer steps timed per implementation (train), steps per frame (frame). */
  steps: number;
  /** Timed repetitions: grid passes (grid) or frames (frame). */
  repeats: number;
  /** Grid cells per side (grid and frame). */
  grid: number;
  /**
   * A frame with the see-inside views on, at the page's cadence (VIEWS_CADENCE): the last hidden
   * layer's view of the plane's lines and of the training points and the gradient flow, and
   * linear separability. Descent only: its peers have no such views.
   */
  views?: boolean;
  /** Runs trained at once (sweep). */
  runs?: number;
}

/** Frames per second of the page's animation clock (requestAnimationFrame on a 60 Hz display). */
const FRAMES_PER_SECOND = 60;

/**
 * How often the page refreshes the see-inside views (src/train/insideViews.ts), in frames at 60
 * frames per second: the layer view and gradient flow every 100 ms (6 frames), linear
 * separability every 3 s (180 frames).
 */
export const VIEWS_CADENCE = {
  viewEvery: Math.round((VIEW_INTERVAL_MS / 1000) * FRAMES_PER_SECOND),
  separabilityEvery: Math.round((SEPARABILITY_INTERVAL_MS / 1000) * FRAMES_PER_SECOND),
};

const mlp = (hidden: number[], activation: Activation) => ({ arch: 'mlp' as const, hidden, width: 0, blocks: 0, activation });

const DEFAULTS = defaultConfig();
/** The side of the decision-boundary grid the playground draws for its default layout. */
const DEFAULT_GRID = gridSideFor(flopsPerPoint(planNetwork(buildModelSpec(DEFAULTS.model, { kind: 'classification', classes: 2 }))));

/**
 * The playground's frame: steps and the decision boundary. Steps per frame adapt in the
 * playground (src/train/pacer.ts); the benchmark fixes 20 so both sides do the same work.
 */
const FRAME: Workload = {
  id: 'frame',
  label: `playground frame · 2-[8,8]-1 · grid ${DEFAULT_GRID}²`,
  kind: 'frame',
  ...mlp(DEFAULTS.model.hidden, DEFAULTS.model.activation),
  batch: DEFAULTS.training.batchSize as number,
  steps: 20,
  repeats: 10,
  grid: DEFAULT_GRID,
};

/** Every workload of the full benchmark. Steps are the same for both implementations of a pair. */
export const WORKLOADS: Workload[] = [
  { id: 'tiny', label: '2-[8,8]-1 · batch 10', kind: 'train', ...mlp([8, 8], 'tanh'), batch: 10, steps: 400, repeats: 1, grid: 0 },
  { id: 'medium', label: '2-[64×4]-1 · batch 256', kind: 'train', ...mlp([64, 64, 64, 64], 'tanh'), batch: 256, steps: 40, repeats: 1, grid: 0 },
  { id: 'large', label: '2-[256×8]-1 · batch 1024', kind: 'train', ...mlp(Array(8).fill(256), 'relu'), batch: 1024, steps: 4, repeats: 1, grid: 0 },
  { id: 'resnet', label: 'ResNet d=128 · 8 blocks · batch 512', kind: 'train', arch: 'resnet', hidden: [], width: 128, blocks: 8, activation: 'relu', batch: 512, steps: 4, repeats: 1, grid: 0 },
  { id: 'grid', label: 'grid 256² · 2-[64×4]-1', kind: 'grid', ...mlp([64, 64, 64, 64], 'tanh'), batch: 0, steps: 0, repeats: 2, grid: 256 },
  FRAME,
  // Twelve frames, so that the views' share (2 of 12) is the page's (1 in 6).
  { ...FRAME, id: 'frame-inside', label: `${FRAME.label} · views on`, views: true, repeats: 2 * VIEWS_CADENCE.viewEvery },
  // The default experiment with seeds 1…16 in one batched group, against seed 1 alone (src/bench/sweepRunner.ts); 20 steps per call as a frame takes.
  {
    id: 'sweep16',
    label: '16 runs at once · default experiment · 2-[8,8]-1 · batch 16',
    kind: 'sweep',
    ...mlp(DEFAULTS.model.hidden, DEFAULTS.model.activation),
    batch: DEFAULTS.training.batchSize as number,
    steps: 20,
    repeats: 20,
    grid: 0,
    runs: 16,
  },
];

/** The quick variant (`descent bench --quick`, and the test that keeps the harness alive): the tiny workload, briefly. */
export const QUICK_WORKLOADS: Workload[] = [{ ...WORKLOADS[0], steps: 20 }];

/** Points in the benchmark's dataset: enough for every batch size. */
const POINTS = 4096;

/** The dataset every workload trains on: a 2-class spiral, all points in the training split. */
export function benchmarkDataset(): Dataset {
  return generateDataset({ ...defaultConfig().data, preset: 'spiral', classes: 2, points: POINTS, noise: 0.1, seed: 7, trainFraction: 1 });
}

/** The experiment config of a workload: Adam, Xavier initialisation, the workload's batch. */
export function workloadConfig(workload: Workload): ExperimentConfig {
  const config = defaultConfig();
  config.model = { ...config.model, arch: workload.arch, hidden: workload.hidden, width: workload.width, blocks: workload.blocks, activation: workload.activation, init: 'xavier' };
  config.training = { ...config.training, optimizer: 'adam', learningRate: 0.001, batchSize: Math.max(1, workload.batch) };
  return config;
}

/** Everything a Descent trainer needs for a workload. */
export function workloadSetup(workload: Workload, dataset: Dataset): TrainerSetup {
  const config = workloadConfig(workload);
  const spec: ModelSpec = buildModelSpec(config.model, dataset.task, fitNormalization(dataset.points, config.model.features));
  return { spec, dataset, training: config.training, init: config.model.init };
}

/** Samples (training rows, or grid cells) processed by one timed run of a workload. */
export function workloadSamples(workload: Workload): number {
  if (workload.kind === 'grid') return workload.grid * workload.grid * workload.repeats;
  if (workload.kind === 'sweep') return workload.steps * workload.batch * workload.repeats * (workload.runs ?? 1);
  if (workload.kind === 'frame') return (workload.steps * workload.batch + workload.grid * workload.grid) * workload.repeats;
  return workload.steps * workload.batch;
}

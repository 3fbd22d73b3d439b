import { HIDDEN_ACTIVATIONS } from './activations';
import { LIMITS, OPTIMIZERS, type ExperimentConfig } from './config';
import { FEATURE_NAMES } from './features';
import { editSetting, setting, type SettingKey, type SettingValue } from './settings';

/**
 * The settings a sweep can vary (compare mode), the values it offers first, and how a value is
 * put into an experiment. Width and depth change every hidden layer at once; the rest are
 * settings of the table of settings and are edited as the settings bar edits them.
 */

export const SWEEP_AXIS_KEYS = ['seed', 'lr', 'batch', 'width', 'depth', 'activation', 'optimizer', 'l1', 'l2', 'dropout', 'features'] as const;
export type SweepAxisKey = (typeof SWEEP_AXIS_KEYS)[number];

/** One value of an axis: a number, `all` (batch size), a name (activation, optimizer) or a list of features. */
export type SweepValue = number | string | string[];

export interface SweepAxis {
  key: SweepAxisKey;
  values: SweepValue[];
}

export interface SweepAxisInfo {
  /** What the compare view calls the axis, and the name in every message about its values. */
  label: string;
  value: SettingValue;
  /** The values a new axis starts with. */
  defaults: SweepValue[];
  apply(config: ExperimentConfig, value: SweepValue): void;
}

/** The most runs a sweep trains at once (4 × 4). */
export const MAX_SWEEP_RUNS = 16;
/** A sweep varies one or two settings. */
export const MAX_SWEEP_AXES = 2;

function fromSetting(key: SettingKey, defaults: SweepValue[]): SweepAxisInfo {
  const entry = setting(key);
  return { label: entry.label, value: entry.value, defaults, apply: (config, value) => editSetting(config, entry, value) };
}

/** The default width of a layer a deeper network gains. */
const NEW_LAYER_WIDTH = 8;

export const SWEEP_AXES: Record<SweepAxisKey, SweepAxisInfo> = {
  seed: fromSetting('seed', [1, 2, 3, 4]),
  lr: fromSetting('lr', [0.001, 0.003, 0.01, 0.03]),
  batch: fromSetting('batch', [4, 16, 64, 'all']),
  width: {
    label: 'Width',
    value: { kind: 'whole', range: LIMITS.width },
    defaults: [2, 4, 8, 16],
    apply: (config, value) => {
      const width = value as number;
      if (config.model.arch === 'resnet') config.model.width = width;
      else config.model.hidden = config.model.hidden.length === 0 ? [width] : config.model.hidden.map(() => width);
    },
  },
  depth: {
    label: 'Depth',
    value: { kind: 'whole', range: LIMITS.hiddenLayers },
    defaults: [1, 2, 3, 4],
    apply: (config, value) => {
      const depth = value as number;
      if (config.model.arch === 'resnet') {
        config.model.blocks = Math.min(depth, LIMITS.blocks.max);
        return;
      }
      const width = config.model.hidden[0] ?? NEW_LAYER_WIDTH;
      config.model.hidden = Array.from({ length: depth }, (_, i) => config.model.hidden[i] ?? width);
      config.model.layerActivations = config.model.layerActivations.slice(0, depth);
    },
  },
  activation: { ...fromSetting('activation', ['relu', 'tanh', 'sigmoid', 'linear']), value: { kind: 'choice', options: HIDDEN_ACTIVATIONS } },
  optimizer: { ...fromSetting('optimizer', [...OPTIMIZERS]), value: { kind: 'choice', options: OPTIMIZERS } },
  l1: fromSetting('l1', [0, 0.001, 0.01, 0.1]),
  l2: fromSetting('l2', [0, 0.001, 0.01, 0.1]),
  dropout: fromSetting('dropout', [0, 0.1, 0.2, 0.3]),
  features: {
    ...fromSetting('features', [
      ['x1', 'x2'],
      ['x1', 'x2', 'x1^2', 'x2^2'],
      ['x1', 'x2', 'x1*x2'],
      ['x1', 'x2', 'sin(x1)', 'sin(x2)'],
    ]),
    value: { kind: 'distinctChoices', options: FEATURE_NAMES },
  },
};

/** One run of a sweep: its experiment and the value it takes on each axis. */
export interface SweepRunSpec {
  config: ExperimentConfig;
  values: SweepValue[];
}

/** A value as the compare view and its link write it (features joined by `+`). */
export function sweepValueText(value: SweepValue): string {
  return Array.isArray(value) ? value.join('+') : String(value);
}

/** The number of runs `axes` make: the product of their value counts. */
export function sweepRunCount(axes: readonly SweepAxis[]): number {
  return axes.reduce((count, axis) => count * axis.values.length, axes.length === 0 ? 0 : 1);
}

/**
 * Every combination of the axes' values applied to `base`, the first axis slowest (the rows of the
 * small multiples), the second fastest (their columns).
 */
export function expandSweep(base: ExperimentConfig, axes: readonly SweepAxis[]): SweepRunSpec[] {
  let runs: SweepRunSpec[] = [{ config: base, values: [] }];
  for (const axis of axes) {
    runs = runs.flatMap((run) =>
      axis.values.map((value) => {
        const config = structuredClone(run.config);
        SWEEP_AXES[axis.key].apply(config, value);
        return { config, values: [...run.values, value] };
      }),
    );
  }
  return axes.length === 0 ? [] : runs;
}

/** A run's name from its values: "Training seed 2 · Learning rate 0.01". */
export function sweepRunLabel(axes: readonly SweepAxis[], values: readonly SweepValue[]): string {
  return axes.map((axis, i) => `${SWEEP_AXES[axis.key].label} ${sweepValueText(values[i])}`).join(' · ');
}

import { LIMITS, type DataConfig } from '../core/config';
import type { Dataset } from '../core/dataset';
import { InputError } from '../core/errors';
import { PLANE_EXTENT } from '../core/grid';
import { createRng, deriveSeed, type Rng } from '../core/rng';
import { SETTING_LABELS } from '../core/settingLabels';
import type { Task } from '../core/task';
import type { ClassSampler, RegressionSurface } from './presets/geometry';
import { presetNamed } from './presets/registry';
import { assignSplit } from './split';
import { checkInteger, checkNumber } from './validate';
import { roundCoordinate } from '../core/coordinates';

/** Stream label of the points' random draws (the split uses its own stream of the same seed). */
const POINTS_STREAM = 0xda7a;
/** Standard deviation of the target noise of the regression presets at noise 1. */
const REGRESSION_NOISE = 0.3;

/** Whether the preset reads DataConfig.classes (spiral, rings, blobs); the others have a fixed task. */
export function presetUsesClasses(preset: string): boolean {
  const generator = presetNamed(preset);
  return generator.kind === 'classification' && generator.usesClasses;
}

/** The task a preset produces: k classes for spiral/rings/blobs, 2 for the other classifiers, or regression. */
export function presetTask(preset: string, classes: number): Task {
  const generator = presetNamed(preset);
  if (generator.kind === 'regression') return { kind: 'regression' };
  return { kind: 'classification', classes: generator.usesClasses ? classes : 2 };
}

/** Throws an InputError naming the first field of `config` that a generator cannot use. */
function validateDataConfig(config: DataConfig): void {
  const labels = SETTING_LABELS.data;
  if (config.preset === 'custom') throw new InputError('Custom data is drawn or imported; it cannot be generated');
  presetNamed(config.preset);
  checkInteger(labels.points, config.points, LIMITS.points.min, LIMITS.points.max);
  checkNumber(labels.noise, config.noise, LIMITS.noise);
  if (presetUsesClasses(config.preset)) checkInteger(labels.classes, config.classes, LIMITS.classes.min, LIMITS.classes.max);
  checkInteger(labels.seed, config.seed, LIMITS.seed.min, LIMITS.seed.max);
  checkNumber(labels.trainFraction, config.trainFraction, LIMITS.trainFraction);
}

/** Class labels cycle 0…k−1, so every class gets ⌊n/k⌋ or ⌈n/k⌉ of the n points. */
function fillClasses(sample: ClassSampler, classes: number, noise: number, rng: Rng, points: Float64Array, labels: Float64Array): void {
  for (let i = 0; i < labels.length; i++) {
    const label = i % classes;
    const [x1, x2] = sample(rng, label, classes, noise);
    points[2 * i] = roundCoordinate(x1);
    points[2 * i + 1] = roundCoordinate(x2);
    labels[i] = label;
  }
}

/** Points uniform over the plane; targets on the surface plus Gaussian noise of σ = 0.3·noise. */
function fillRegression(surface: RegressionSurface, noise: number, rng: Rng, points: Float64Array, labels: Float64Array): void {
  const [lo, hi] = PLANE_EXTENT;
  for (let i = 0; i < labels.length; i++) {
    const x1 = roundCoordinate(rng.uniform(lo, hi));
    const x2 = roundCoordinate(rng.uniform(lo, hi));
    points[2 * i] = x1;
    points[2 * i + 1] = x2;
    labels[i] = surface(x1, x2) + (noise > 0 ? noise * REGRESSION_NOISE * rng.normal() : 0);
  }
}

/** The preset's n points (n × 2 in [−6, 6]²), labels and seeded train/test split; throws InputError for 'custom' or out-of-range fields. */
export function generateDataset(config: DataConfig): Dataset {
  validateDataConfig(config);
  const task = presetTask(config.preset, config.classes);
  const points = new Float64Array(2 * config.points);
  const labels = new Float64Array(config.points);
  const rng = createRng(deriveSeed(config.seed, POINTS_STREAM));
  const generator = presetNamed(config.preset);
  if (generator.kind === 'regression') fillRegression(generator.surface, config.noise, rng, points, labels);
  else fillClasses(generator.sample, generator.usesClasses ? config.classes : 2, config.noise, rng, points, labels);
  return { task, points, labels, isTest: assignSplit(config.points, config.trainFraction, config.seed) };
}

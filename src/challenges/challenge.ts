import type { Activation } from '../core/activations';
import type { DataConfig, ExperimentConfig } from '../core/config';
import type { FeatureName } from '../core/features';

/**
 * A challenge: a dataset, limits on the model and the training, a goal on the test split and up to
 * three hints. The page checks it live while the student trains; a link reopens and re-checks it.
 */

export type GoalMetric = 'testLoss' | 'testAccuracy' | 'testMse';

export interface Goal {
  metric: GoalMetric;
  /** testLoss and testMse: at most this; testAccuracy: at least this (a share, 0…1). */
  target: number;
}

/** Every limit is optional; a challenge states only the ones it means. */
export interface Constraints {
  maxParameters?: number;
  /** Hidden dense layers (a ResNet counts its stem and both layers of every block). */
  maxHiddenLayers?: number;
  minHiddenLayers?: number;
  /** Units in the widest hidden layer. */
  maxUnits?: number;
  /** Features the model may use; others break the challenge. */
  features?: readonly FeatureName[];
  /** Activations every hidden layer must use. */
  activations?: readonly Activation[];
  /** Epochs trained when the goal is reached, at most. */
  maxEpochs?: number;
}

export interface Challenge {
  id: string;
  title: string;
  /** What to do, in a sentence or two. */
  task: string;
  data: DataConfig;
  constraints: Constraints;
  goal: Goal;
  hints: readonly string[];
  /** The experiment the challenge opens with (its data, a starting model the student changes). */
  start: ExperimentConfig;
}

import type { ExperimentConfig } from '../core/config';
import type { Metrics } from '../core/metrics';
import { buildModelSpec, hiddenLayers, planNetwork } from '../core/network';
import type { Task } from '../core/task';
import type { Challenge, Goal } from './challenge';

/** Where a student's experiment stands against a challenge. */
export interface ChallengeStatus {
  /** Each constraint the experiment breaks, in words. */
  broken: string[];
  goalMet: boolean;
  solved: boolean;
  /** The goal's metric now, or NaN while unknown. */
  value: number;
  /** One line for the Goal readout. */
  summary: string;
}

const METRIC_NAMES: Record<Goal['metric'], string> = { testLoss: 'test loss', testAccuracy: 'test accuracy', testMse: 'test MSE' };

/** The goal's metric in the observed metrics, or NaN. */
function goalValue(goal: Goal, metrics: Metrics | null): number {
  const test = metrics?.test;
  if (!test) return NaN;
  if (goal.metric === 'testAccuracy') return test.accuracy ?? NaN;
  return test.loss;
}

function formatGoalValue(goal: Goal, value: number): string {
  return goal.metric === 'testAccuracy' ? `${(100 * value).toFixed(1)}%` : value.toPrecision(3);
}

export function describeGoal(goal: Goal): string {
  const comparison = goal.metric === 'testAccuracy' ? 'at least' : 'at most';
  return `${METRIC_NAMES[goal.metric]} ${comparison} ${formatGoalValue(goal, goal.target)}`;
}

function sameData(a: ExperimentConfig['data'], b: ExperimentConfig['data']): boolean {
  return a.preset === b.preset && a.points === b.points && a.noise === b.noise && a.classes === b.classes && a.seed === b.seed && a.trainFraction === b.trainFraction;
}

/** The constraints `config` breaks, in the words the page uses. */
export function brokenConstraints(challenge: Challenge, config: ExperimentConfig, task: Task, epoch: number): string[] {
  const { constraints } = challenge;
  const broken: string[] = [];
  if (!sameData(config.data, challenge.data)) broken.push("the data is not the challenge's (reopen the challenge to get it back)");
  const plan = planNetwork(buildModelSpec(config.model, task));
  const hidden = hiddenLayers(plan);
  if (constraints.maxParameters !== undefined && plan.parameterCount > constraints.maxParameters) broken.push(`${plan.parameterCount} parameters, more than ${constraints.maxParameters}`);
  if (constraints.maxHiddenLayers !== undefined && hidden.length > constraints.maxHiddenLayers) broken.push(`${hidden.length} hidden layers, more than ${constraints.maxHiddenLayers}`);
  if (constraints.minHiddenLayers !== undefined && hidden.length < constraints.minHiddenLayers) broken.push(`${hidden.length} hidden layers, fewer than ${constraints.minHiddenLayers}`);
  const widest = Math.max(0, ...hidden.map((layer) => layer.out));
  if (constraints.maxUnits !== undefined && widest > constraints.maxUnits) broken.push(`a layer of ${widest} units, more than ${constraints.maxUnits}`);
  const allowedFeatures = constraints.features;
  const extraFeatures = allowedFeatures ? config.model.features.filter((feature) => !allowedFeatures.includes(feature)) : [];
  if (extraFeatures.length > 0) broken.push(`feature ${extraFeatures.join(', ')} is not allowed (allowed: ${allowedFeatures!.join(', ')})`);
  const allowedActivations = constraints.activations;
  const used = [...new Set(hidden.map((layer) => layer.activation))];
  const extraActivations = allowedActivations ? used.filter((activation) => !(allowedActivations as readonly string[]).includes(activation)) : [];
  if (extraActivations.length > 0) broken.push(`activation ${extraActivations.join(', ')} is not allowed (allowed: ${allowedActivations!.join(', ')})`);
  if (constraints.maxEpochs !== undefined && epoch > constraints.maxEpochs) broken.push(`${Math.floor(epoch)} epochs, more than ${constraints.maxEpochs}`);
  return broken;
}

/** Checks the goal and the constraints against the experiment and its latest metrics at `epoch`. */
export function checkChallenge(challenge: Challenge, config: ExperimentConfig, task: Task, metrics: Metrics | null, epoch: number): ChallengeStatus {
  const broken = brokenConstraints(challenge, config, task, epoch);
  const value = goalValue(challenge.goal, metrics);
  const goalMet = challenge.goal.metric === 'testAccuracy' ? value >= challenge.goal.target : value <= challenge.goal.target;
  const solved = goalMet && broken.length === 0;
  const now = Number.isNaN(value) ? 'not measured yet' : `${formatGoalValue(challenge.goal, value)} now`;
  const summary = solved
    ? `Solved at epoch ${Math.floor(epoch)} with ${planNetwork(buildModelSpec(config.model, task)).parameterCount} parameters`
    : `Goal: ${describeGoal(challenge.goal)} (${now})${broken.length > 0 ? `; breaks: ${broken.join('; ')}` : ''}`;
  return { broken, goalMet, solved, value, summary };
}

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

/** One line of the live readout: a goal or a limit, with the value now, and whether it is met. */
export interface CheckLine {
  text: string;
  met: boolean;
}

const GOAL_LABELS: Record<Goal['metric'], string> = { testLoss: 'Test loss', testAccuracy: 'Test accuracy', testMse: 'Test MSE' };

/** The goal as the readout shows it: "Test loss 0.210 — goal ≤ 0.177". */
export function goalLine(goal: Goal, metrics: Metrics | null): CheckLine {
  const value = goalValue(goal, metrics);
  const met = goal.metric === 'testAccuracy' ? value >= goal.target : value <= goal.target;
  const now = Number.isNaN(value) ? '—' : formatGoalValue(goal, value);
  return { text: `${GOAL_LABELS[goal.metric]} ${now} — goal ${goal.metric === 'testAccuracy' ? '≥' : '≤'} ${formatGoalValue(goal, goal.target)}`, met };
}

/** Every limit the challenge states, with the experiment's value now: "parameters 37 ≤ 50". */
export function constraintLines(challenge: Challenge, config: ExperimentConfig, task: Task, epoch: number): CheckLine[] {
  const { constraints } = challenge;
  const plan = planNetwork(buildModelSpec(config.model, task));
  const hidden = hiddenLayers(plan);
  const widest = Math.max(0, ...hidden.map((layer) => layer.out));
  const lines: CheckLine[] = [{ text: sameData(config.data, challenge.data) ? "the challenge's data" : "not the challenge's data (choose the challenge again)", met: sameData(config.data, challenge.data) }];
  const atMost = (name: string, value: number, limit: number | undefined) => limit !== undefined && lines.push({ text: `${name} ${value} ≤ ${limit}`, met: value <= limit });
  atMost('parameters', plan.parameterCount, constraints.maxParameters);
  atMost('hidden layers', hidden.length, constraints.maxHiddenLayers);
  if (constraints.minHiddenLayers !== undefined) lines.push({ text: `hidden layers ${hidden.length} ≥ ${constraints.minHiddenLayers}`, met: hidden.length >= constraints.minHiddenLayers });
  atMost('units in a layer', widest, constraints.maxUnits);
  const allowedFeatures = constraints.features;
  if (allowedFeatures) lines.push({ text: `features from ${allowedFeatures.join(', ')}`, met: config.model.features.every((feature) => allowedFeatures.includes(feature)) });
  const allowedActivations: readonly string[] | undefined = constraints.activations;
  if (allowedActivations) lines.push({ text: `activations from ${allowedActivations.join(', ')}`, met: hidden.every((layer) => allowedActivations.includes(layer.activation)) });
  atMost('epochs', Math.floor(epoch), constraints.maxEpochs);
  return lines;
}

/** The limits a challenge states, in words for its card: "at most 80 parameters", "features from x1, x2". */
export function describeConstraints(constraints: Challenge['constraints']): string[] {
  const words: string[] = [];
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  if (constraints.maxParameters !== undefined) words.push(`at most ${plural(constraints.maxParameters, 'parameter', 'parameters')}`);
  if (constraints.maxHiddenLayers !== undefined) words.push(constraints.maxHiddenLayers === 0 ? 'no hidden layer' : `at most ${plural(constraints.maxHiddenLayers, 'hidden layer', 'hidden layers')}`);
  if (constraints.minHiddenLayers !== undefined) words.push(`at least ${plural(constraints.minHiddenLayers, 'hidden layer', 'hidden layers')}`);
  if (constraints.maxUnits !== undefined) words.push(`at most ${plural(constraints.maxUnits, 'unit', 'units')} in a layer`);
  if (constraints.features) words.push(`features from ${constraints.features.join(', ')}`);
  if (constraints.activations) words.push(`activations from ${constraints.activations.join(', ')}`);
  if (constraints.maxEpochs !== undefined) words.push(`within ${plural(constraints.maxEpochs, 'epoch', 'epochs')}`);
  return words;
}

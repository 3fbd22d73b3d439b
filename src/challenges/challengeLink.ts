import { HIDDEN_ACTIVATIONS, type Activation } from '../core/activations';
import type { ExperimentConfig } from '../core/config';
import { parseDecimal } from '../core/decimal';
import { FEATURE_NAMES, type FeatureName } from '../core/features';
import type { Challenge, Constraints, Goal, GoalMetric } from './challenge';
import { CHALLENGES } from './challenges';

/**
 * A challenge in a link, beside the experiment's own keys: `challenge=<id>` for a built-in one, or
 * `challenge=custom` with the teacher's goal, limits and hints (`goal=testLoss:0.177&maxParameters=50&hint1=…`).
 * `proof=<epoch>` marks a link that claims a solution, which the page re-runs and re-checks.
 * A bad value is reported in the words of the teacher's form (`Max parameters must be …`).
 */

/** The id of a challenge written by a teacher; its data and starting model are the link's experiment. */
export const CUSTOM_CHALLENGE_ID = 'custom';

/** A challenge a link opens, and the epoch a proof link says it was solved at. */
export interface ChallengeLink {
  challenge: Challenge;
  proofEpoch: number | null;
}

/** The form's words for each part of a custom challenge, used in messages. */
export const CHALLENGE_FIELD_LABELS = {
  title: 'Title',
  task: 'Task',
  goal: 'Goal',
  maxParameters: 'Max parameters',
  maxHiddenLayers: 'Max hidden layers',
  minHiddenLayers: 'Min hidden layers',
  maxUnits: 'Max units per layer',
  features: 'Allowed features',
  activations: 'Allowed activations',
  maxEpochs: 'Epoch budget',
} as const;

const GOAL_METRICS: readonly GoalMetric[] = ['testLoss', 'testAccuracy', 'testMse'];
const MAX_HINTS = 3;
/** Longest title, task or hint a link keeps (characters). */
export const MAX_TEXT_LENGTH = 400;
const WHOLE_LIMITS = { maxParameters: 100_000_000, maxHiddenLayers: 64, minHiddenLayers: 64, maxUnits: 4096, maxEpochs: 1_000_000 } as const;
type WholeLimit = keyof typeof WHOLE_LIMITS;
const WHOLE_KEYS = Object.keys(WHOLE_LIMITS) as WholeLimit[];

const hintKey = (index: number): string => `hint${index + 1}`;
const TEXT_KEYS = { title: 'challengeTitle', task: 'challengeTask' } as const;

/** Every hash key this module reads: the page's other readers leave them alone. */
export const CHALLENGE_KEYS: readonly string[] = ['challenge', 'proof', 'goal', ...WHOLE_KEYS, 'allowedFeatures', 'allowedActivations', TEXT_KEYS.title, TEXT_KEYS.task, ...Array.from({ length: MAX_HINTS }, (_, i) => hintKey(i))];

const encodeValue = (value: string): string => encodeURIComponent(value).replace(/%2C/g, ',').replace(/%3A/g, ':');

/** Writes a number without float noise (0.1 + 0.2 stays 0.3 in the link). */
const numberText = (value: number): string => String(Number(value.toPrecision(12)));

/** The hash pairs (`a=1&b=2`, no `#`) that carry `challenge`, and the proof epoch when given. */
export function encodeChallengeLink(challenge: Challenge, proofEpoch: number | null = null): string {
  const pairs: [string, string][] = [['challenge', challenge.id]];
  if (challenge.id === CUSTOM_CHALLENGE_ID) {
    const { constraints } = challenge;
    pairs.push(['goal', `${challenge.goal.metric}:${numberText(challenge.goal.target)}`]);
    for (const key of WHOLE_KEYS) if (constraints[key] !== undefined) pairs.push([key, String(constraints[key])]);
    if (constraints.features) pairs.push(['allowedFeatures', constraints.features.join(',')]);
    if (constraints.activations) pairs.push(['allowedActivations', constraints.activations.join(',')]);
    if (challenge.title) pairs.push([TEXT_KEYS.title, challenge.title]);
    if (challenge.task) pairs.push([TEXT_KEYS.task, challenge.task]);
    challenge.hints.forEach((hint, i) => pairs.push([hintKey(i), hint]));
  }
  if (proofEpoch !== null) pairs.push(['proof', String(Math.floor(proofEpoch))]);
  return pairs.map(([key, value]) => `${key}=${encodeValue(value)}`).join('&');
}

/** Splits a hash into its challenge pairs (decoded) and the rest, as written, for the page's other readers. */
export function splitChallengeHash(hash: string): { rest: string; pairs: Map<string, string> } {
  const pairs = new Map<string, string>();
  const rest: string[] = [];
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const key = equals < 0 ? part : part.slice(0, equals);
    if (!CHALLENGE_KEYS.includes(key)) {
      rest.push(part);
      continue;
    }
    const raw = equals < 0 ? '' : part.slice(equals + 1);
    try {
      pairs.set(key, decodeURIComponent(raw.replace(/\+/g, ' ')));
    } catch {
      // Undecodable text is kept as written, for the reader to refuse with the control's name.
      pairs.set(key, raw);
    }
  }
  return { rest: rest.join('&'), pairs };
}

/** A problem with one field of a challenge link, in the form's words. */
class FieldProblem extends Error {}

const shown = (text: string): string => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

function readWhole(label: string, text: string, max: number): number {
  const value = parseDecimal(text);
  if (value === null || !Number.isInteger(value) || value < 0 || value > max) throw new FieldProblem(`${label} must be a whole number from 0 to ${max}; got ${shown(text)}`);
  return value;
}

function readGoal(text: string): Goal {
  const [metric, target = ''] = text.split(':');
  const label = CHALLENGE_FIELD_LABELS.goal;
  if (!GOAL_METRICS.includes(metric as GoalMetric)) throw new FieldProblem(`${label} must be one of ${GOAL_METRICS.join(', ')} with a value (testLoss:0.2); got ${shown(text)}`);
  const value = parseDecimal(target);
  if (value === null || !Number.isFinite(value) || value < 0 || (metric === 'testAccuracy' && value > 1)) {
    const range = metric === 'testAccuracy' ? 'a share from 0 to 1' : 'a number of at least 0';
    throw new FieldProblem(`${label} value must be ${range}; got ${shown(target)}`);
  }
  return { metric: metric as GoalMetric, target: value };
}

function readList<T extends string>(label: string, text: string, names: readonly T[]): T[] {
  const items = text.split(',').filter((item) => item !== '');
  const unknown = items.filter((item) => !names.includes(item as T));
  if (unknown.length > 0) throw new FieldProblem(`${label} must be from ${names.join(', ')}; got ${shown(unknown.join(','))}`);
  if (items.length === 0) throw new FieldProblem(`${label} must name at least one; got none`);
  return items as T[];
}

function readText(label: string, text: string): string {
  if (text.length > MAX_TEXT_LENGTH) throw new FieldProblem(`${label} must be at most ${MAX_TEXT_LENGTH} characters; got ${text.length}`);
  return text.trim();
}

/** The teacher's challenge a link describes, on the link's experiment; throws a FieldProblem for a missing or bad goal. */
function readCustom(pairs: Map<string, string>, config: ExperimentConfig, problems: string[]): Challenge {
  const goalText = pairs.get('goal');
  if (goalText === undefined) throw new FieldProblem('the challenge has no goal (goal=testLoss:0.2, testAccuracy:0.9 or testMse:0.01)');
  const goal = readGoal(goalText);
  const field = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      problems.push(`${error.message}; left out`);
      return undefined;
    }
  };
  const constraints: Constraints = {};
  for (const key of WHOLE_KEYS) {
    const text = pairs.get(key);
    const value = text === undefined ? undefined : field(() => readWhole(CHALLENGE_FIELD_LABELS[key], text, WHOLE_LIMITS[key]));
    if (value !== undefined) constraints[key] = value;
  }
  const featuresText = pairs.get('allowedFeatures');
  const features = featuresText === undefined ? undefined : field(() => readList<FeatureName>(CHALLENGE_FIELD_LABELS.features, featuresText, FEATURE_NAMES));
  if (features) constraints.features = features;
  const activationsText = pairs.get('allowedActivations');
  const activations = activationsText === undefined ? undefined : field(() => readList<Activation>(CHALLENGE_FIELD_LABELS.activations, activationsText, HIDDEN_ACTIVATIONS));
  if (activations) constraints.activations = activations;
  const text = (key: string, label: string) => {
    const value = pairs.get(key);
    return value === undefined ? '' : (field(() => readText(label, value)) ?? '');
  };
  const hints: string[] = [];
  for (let i = 0; i < MAX_HINTS; i++) {
    const hint = text(hintKey(i), `Hint ${i + 1}`);
    if (hint) hints.push(hint);
  }
  return {
    id: CUSTOM_CHALLENGE_ID,
    title: text(TEXT_KEYS.title, CHALLENGE_FIELD_LABELS.title) || 'A challenge from your teacher',
    task: text(TEXT_KEYS.task, CHALLENGE_FIELD_LABELS.task),
    data: config.data,
    constraints,
    goal,
    hints,
    start: config,
  };
}

/**
 * The challenge the pairs of `splitChallengeHash` describe, on the link's experiment `config`, and
 * a message for everything that could not be used. Nothing throws: a link without a usable
 * challenge opens as an ordinary one.
 */
export function decodeChallengeLink(pairs: Map<string, string>, config: ExperimentConfig): { link: ChallengeLink | null; problems: string[] } {
  const problems: string[] = [];
  const id = pairs.get('challenge');
  if (id === undefined) {
    if (pairs.size > 0) problems.push(`${[...pairs.keys()].join(', ')}: given without challenge=; ignored`);
    return { link: null, problems };
  }
  let challenge: Challenge | undefined;
  if (id === CUSTOM_CHALLENGE_ID) {
    try {
      challenge = readCustom(pairs, config, problems);
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      problems.push(`${error.message}; the challenge was left out`);
      return { link: null, problems };
    }
  } else {
    challenge = CHALLENGES.find((candidate) => candidate.id === id);
    if (!challenge) {
      problems.push(`There is no challenge ${shown(id)}; ignored`);
      return { link: null, problems };
    }
  }
  const proofText = pairs.get('proof');
  let proofEpoch: number | null = null;
  if (proofText !== undefined) {
    try {
      proofEpoch = readWhole('The solution link’s epoch (proof)', proofText, WHOLE_LIMITS.maxEpochs);
    } catch (error) {
      if (!(error instanceof FieldProblem)) throw error;
      problems.push(`${error.message}; opened the challenge without checking a solution`);
    }
  }
  return { link: { challenge, proofEpoch }, problems };
}

import { describe, expect, it } from 'vitest';
import type { Challenge } from '../../src/challenges/challenge';
import { CHALLENGES } from '../../src/challenges/challenges';
import { checkChallenge, type ChallengeStatus } from '../../src/challenges/check';
import type { ExperimentConfig } from '../../src/core/config';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { generateDataset } from '../../src/data/presets';
import { buildTrainerSetup } from '../../src/train/trainerSetup';

/** A model and training that solve a challenge, found by hand; the seed is named because some starts fail (see the hints). */
interface Solution {
  model: Partial<ExperimentConfig['model']>;
  training: Partial<ExperimentConfig['training']>;
}

const SOLUTIONS: Record<string, Solution> = {
  'xor-three-units': { model: { hidden: [3], activation: 'tanh' }, training: { learningRate: 0.03, seed: 1 } },
  'circle-no-hidden': { model: { hidden: [], features: ['x1^2', 'x2^2'] }, training: { learningRate: 0.03 } },
  'spiral-small': { model: { hidden: [6, 6], features: ['x1', 'x2', 'sin(x1)', 'sin(x2)'] }, training: { learningRate: 0.01 } },
  'deep-sigmoid': { model: { arch: 'resnet', width: 4, blocks: 5, activation: 'sigmoid' }, training: { optimizer: 'adam', learningRate: 0.01 } },
  'sine-regression': { model: { hidden: [16, 16], activation: 'tanh' }, training: { learningRate: 0.01 } },
  'three-rings': { model: { hidden: [6], features: ['r'] }, training: { learningRate: 0.03 } },
  'gauss-linear': { model: { hidden: [] }, training: { learningRate: 0.03 } },
  'checkerboard-budget': { model: { hidden: [32, 32], activation: 'relu' }, training: { learningRate: 0.01 } },
};

/** Epochs a student would give a challenge with no epoch budget before giving up. */
const PATIENCE_EPOCHS = 1000;

/** Trains `config` as the page does, checking the challenge every 10 epochs; stops when solved. */
function attempt(challenge: Challenge, config: ExperimentConfig): ChallengeStatus {
  const dataset = generateDataset(config.data);
  const trainer = new CpuTrainer(buildTrainerSetup('fresh', config, dataset, null));
  const budget = challenge.constraints.maxEpochs ?? PATIENCE_EPOCHS;
  let status = checkChallenge(challenge, config, dataset.task, null, 0);
  for (let epoch = 0; epoch < budget; ) {
    const observation = trainer.stepSync(trainer.stepsPerEpoch * 10, { metrics: true });
    epoch = observation.epoch;
    status = checkChallenge(challenge, config, dataset.task, observation.metrics!, epoch);
    if (status.solved || observation.diverged) break;
  }
  return status;
}

const withSolution = (challenge: Challenge, solution: Solution): ExperimentConfig => ({
  ...challenge.start,
  model: { ...challenge.start.model, ...solution.model },
  training: { ...challenge.start.training, ...solution.training },
});

// Each case trains a small network for hundreds of epochs: seconds on a busy machine.
describe('the built-in challenges', { timeout: 60_000 }, () => {
  it('each has a reference solution here, a task, and one to three hints', () => {
    expect(Object.keys(SOLUTIONS).sort()).toEqual(CHALLENGES.map((challenge) => challenge.id).sort());
    expect(CHALLENGES.length).toBeGreaterThanOrEqual(8);
    for (const challenge of CHALLENGES) {
      expect(challenge.hints.length, challenge.id).toBeGreaterThanOrEqual(1);
      expect(challenge.hints.length, challenge.id).toBeLessThanOrEqual(3);
      expect(challenge.start.data, challenge.id).toEqual(challenge.data);
    }
  });

  it.each(CHALLENGES.map((challenge) => [challenge.id, challenge] as const))('%s is solvable: its reference solution reaches the goal within the limits', (_id, challenge) => {
    const status = attempt(challenge, withSolution(challenge, SOLUTIONS[challenge.id]));
    expect(status.solved, status.summary).toBe(true);
    expect(status.summary).toMatch(/^Solved at epoch \d+ with \d+ parameters$/);
  });

  it.each(CHALLENGES.map((challenge) => [challenge.id, challenge] as const))('%s is not solved by the experiment it opens with', (_id, challenge) => {
    const status = attempt(challenge, challenge.start);
    expect(status.solved, status.summary).toBe(false);
  });
});

describe('checking a challenge', () => {
  const challenge = CHALLENGES.find((candidate) => candidate.id === 'xor-three-units')!;
  const solution = withSolution(challenge, SOLUTIONS['xor-three-units']);
  const task = { kind: 'classification', classes: 2 } as const;
  const metrics = (accuracy: number) => ({ train: { loss: 0.1, accuracy, count: 350 }, test: { loss: 0.1, accuracy, count: 150 } });

  it('names every broken constraint in words', () => {
    const config = { ...solution, model: { ...solution.model, hidden: [4, 4], features: ['x1', 'x2', 'x1*x2'] as ExperimentConfig['model']['features'] } };
    const status = checkChallenge(challenge, config, task, metrics(1), 12);
    expect(status.solved).toBe(false);
    expect(status.goalMet).toBe(true);
    expect(status.broken).toEqual(['2 hidden layers, more than 1', 'a layer of 4 units, more than 3', 'feature x1*x2 is not allowed (allowed: x1, x2)']);
  });

  it('says the goal and where the metric is now until it is met', () => {
    expect(checkChallenge(challenge, solution, task, null, 0).summary).toBe('Goal: test accuracy at least 95.0% (not measured yet)');
    expect(checkChallenge(challenge, solution, task, metrics(0.8), 3).summary).toBe('Goal: test accuracy at least 95.0% (80.0% now)');
    expect(checkChallenge(challenge, solution, task, metrics(0.96), 212.4).summary).toBe('Solved at epoch 212 with 13 parameters');
  });

  it('refuses other data than the challenge’s', () => {
    const config = { ...solution, data: { ...solution.data, seed: 2 } };
    expect(checkChallenge(challenge, config, task, metrics(1), 5).broken[0]).toMatch(/data is not the challenge's/);
  });

  it('counts epochs against a budget', () => {
    const budgeted = CHALLENGES.find((candidate) => candidate.constraints.maxEpochs !== undefined)!;
    const status = checkChallenge(budgeted, budgeted.start, task, metrics(1), budgeted.constraints.maxEpochs! + 1);
    expect(status.broken).toContain(`${budgeted.constraints.maxEpochs! + 1} epochs, more than ${budgeted.constraints.maxEpochs}`);
  });
});

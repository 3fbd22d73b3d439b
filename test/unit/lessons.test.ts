import { describe, expect, it } from 'vitest';
import { planNetwork, hiddenLayers } from '../../src/core/network';
import { LESSONS } from '../../src/lessons/lessons';
import { lastOf, lessonSetup, trainerFor, trainLesson, type LessonRun } from './lesson-runs';

/** Every claim a lesson makes, on the lesson's own experiments (their seeds, data and settings). */

const accuracy = (lesson: string, label: string, steps: number): number => lastOf(trainLesson(lessonSetup(lesson, label).config, steps)).test!.accuracy!;
const trainLoss = (lesson: string, label: string, steps: number): number => lastOf(trainLesson(lessonSetup(lesson, label).config, steps)).train.loss;

/** Mean |Δ| between the losses of consecutive single steps after `settle` steps: how jagged the curve is. */
function jaggedness(lesson: string, label: string, settle: number, steps: number): number {
  const trainer = trainerFor(lessonSetup(lesson, label).config);
  trainer.stepSync(settle);
  const losses = Array.from({ length: steps }, () => trainer.stepSync(1).loss);
  return losses.slice(1).reduce((sum, loss, i) => sum + Math.abs(loss - losses[i]), 0) / (steps - 1);
}

/** The share of weights under 1% of the largest: links the diagram draws as hairlines. */
function thinLinkShare({ trainer }: LessonRun): number {
  const weights = trainer.network.params.subarray(0, trainer.plan.weightCount).map(Math.abs);
  const largest = weights.reduce((max, w) => Math.max(max, w), 0);
  return weights.filter((w) => w < 0.01 * largest).length / weights.length;
}

describe('the lessons', () => {
  it('are nine, with distinct ids, text, a question, what to look for and at least one setup each', () => {
    expect(LESSONS).toHaveLength(9);
    expect(new Set(LESSONS.map((lesson) => lesson.id)).size).toBe(9);
    for (const lesson of LESSONS) {
      expect(lesson.text.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 1).length).toBeGreaterThanOrEqual(2);
      expect(lesson.question).toMatch(/\?$/);
      expect(lesson.lookFor.length).toBeGreaterThan(20);
      expect(lesson.setups.length).toBeGreaterThan(0);
    }
  });

  it('1: a linear model separates two Gaussians but not XOR', () => {
    expect(lessonSetup('linear-model', 'XOR').config.model.hidden).toEqual([]);
    expect(accuracy('linear-model', 'Two Gaussians', 1000)).toBeGreaterThan(0.95);
    expect(accuracy('linear-model', 'XOR', 1000)).toBeLessThan(0.75);
  });

  it('2: one tanh hidden layer solves XOR; with linear activations it stays linear', () => {
    expect(accuracy('hidden-layer', 'tanh', 2000)).toBeGreaterThan(0.95);
    expect(accuracy('hidden-layer', 'Linear activations', 2000)).toBeLessThan(0.75);
  });

  it('3: with r and θ the circle is linearly separable; with x1 and x2 it is not', () => {
    expect(accuracy('features', 'r and θ', 1000)).toBeGreaterThan(0.95);
    expect(accuracy('features', 'x1 and x2', 1000)).toBeLessThan(0.75);
  });

  it('4: on the spiral, ReLU and leaky ReLU get far lower than sigmoid in the same steps', () => {
    const sigmoid = trainLoss('activations', 'Sigmoid', 2000);
    expect(trainLoss('activations', 'ReLU', 2000)).toBeLessThan(sigmoid / 2);
    expect(trainLoss('activations', 'Leaky ReLU', 2000)).toBeLessThan(sigmoid / 2);
  });

  it('5: zero-initialised neurons of a layer stay identical to 1e-6, though they train; Xavier breaks the symmetry', () => {
    const neuronSpread = (label: string) => {
      const { trainer } = trainLesson(lessonSetup('initialisation', label).config, 1000);
      const plan = planNetwork(trainer.plan.spec);
      const params = trainer.network.params;
      let spread = 0;
      let largest = 0;
      for (const layer of hiddenLayers(plan)) {
        for (let n = 1; n < layer.out; n++) {
          for (let i = 0; i < layer.in; i++) spread = Math.max(spread, Math.abs(params[layer.weightOffset + n * layer.in + i] - params[layer.weightOffset + i]));
          spread = Math.max(spread, Math.abs(params[layer.biasOffset + n] - params[layer.biasOffset]));
        }
        for (let w = 0; w < layer.in * layer.out; w++) largest = Math.max(largest, Math.abs(params[layer.weightOffset + w]));
      }
      return { spread, largest };
    };
    const zeros = neuronSpread('Zeros');
    expect(zeros.spread).toBeLessThan(1e-6);
    expect(zeros.largest).toBeGreaterThan(0.01);
    expect(neuronSpread('Xavier').spread).toBeGreaterThan(0.1);
  });

  it('6: learning rate 3 diverges (and is reported so); batch 1 is jagged, the full batch smooth and slow', () => {
    expect(trainLesson(lessonSetup('learning-rate', 'Learning rate 0.03').config, 500).diverged).toBe(false);
    const tooLarge = trainLesson(lessonSetup('learning-rate', 'Learning rate 3').config, 500);
    expect(tooLarge.diverged).toBe(true);
    expect(Number.isFinite(lastOf(tooLarge).train.loss)).toBe(true);
    expect(jaggedness('learning-rate', 'Batch 1', 300, 200)).toBeGreaterThan(10 * jaggedness('learning-rate', 'Full batch', 300, 200));
    const afterEpochs = (label: string, epochs: number) => {
      const trainer = trainerFor(lessonSetup('learning-rate', label).config);
      return trainer.stepSync(epochs * trainer.stepsPerEpoch, { metrics: true }).metrics!.train.loss;
    };
    expect(afterEpochs('Full batch', 5)).toBeGreaterThan(2 * afterEpochs('Batch 1', 5));
  });

  it('7: the big network overfits the few noisy points (test loss rises); L2, L1 and dropout end lower, L1 with thin links', () => {
    const run = trainLesson(lessonSetup('overfitting', 'No regularisation').config, 2000, 100);
    const testLosses = run.checkpoints.map((metrics) => metrics.test!.loss);
    const final = testLosses[testLosses.length - 1];
    expect(final).toBeGreaterThan(1.5 * Math.min(...testLosses));
    expect(lastOf(run).train.loss).toBeLessThan(0.01);
    const regularised = new Map(['L2 0.01', 'L1 0.003', 'Dropout 0.3'].map((label) => [label, trainLesson(lessonSetup('overfitting', label).config, 2000)]));
    for (const [label, regularisedRun] of regularised) expect(lastOf(regularisedRun).test!.loss, label).toBeLessThan(final / 2);
    expect(thinLinkShare(regularised.get('L1 0.003')!)).toBeGreaterThan(0.9);
    expect(thinLinkShare(run)).toBeLessThan(0.2);
  }, 60_000);

  it('8: after the same steps, the ResNet reaches a lower loss than the plain network of the same depth', () => {
    const plain = lessonSetup('residual', 'Plain, 13 layers').config.model;
    const resnet = lessonSetup('residual', 'ResNet, 6 blocks').config.model;
    expect(plain.hidden.length).toBe(1 + 2 * resnet.blocks);
    const plainLoss = trainLoss('residual', 'Plain, 13 layers', 2000);
    expect(plainLoss).toBeGreaterThan(0.68);
    expect(trainLoss('residual', 'ResNet, 6 blocks', 2000)).toBeLessThan(plainLoss - 0.1);
  });

  it('9: softmax and cross-entropy separate four blobs and a three-arm spiral', () => {
    expect(lessonSetup('multiclass', 'Four blobs').config.data.classes).toBe(4);
    expect(accuracy('multiclass', 'Four blobs', 1000)).toBeGreaterThan(0.95);
    expect(accuracy('multiclass', 'Three-arm spiral', 2000)).toBeGreaterThan(0.9);
  });
});

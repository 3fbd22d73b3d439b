import { describe, expect, it } from 'vitest';
import { planeGrid, gridPoints } from '../../src/core/grid';
import { hiddenLayers, planNetwork } from '../../src/core/network';
import { generateDataset } from '../../src/data/presets';
import type { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { LESSONS } from '../../src/lessons/lessons';
import {
  lastOf,
  lessonConfig,
  logJaggedness,
  metricsAfter,
  pairedCases,
  probabilitiesOn,
  seedCases,
  hiddenOutputs,
  trainerFor,
  trainingLossByEpoch,
  trainLesson,
  withSeeds,
  type LessonRun,
  type SeedCase,
} from './lesson-runs';

/**
 * Every claim a lesson makes about training, on the lesson's experiments: on the link's data seed
 * and the next four Regenerate draws, and on five weight seeds (see seedCases). A claim about one
 * named run is tested on that run.
 */

const testAccuracy = (run: SeedCase, steps: number): number => metricsAfter(run.config, steps).test!.accuracy!;
const trainLoss = (run: SeedCase, steps: number): number => metricsAfter(run.config, steps).train.loss;

/** The share of weights under 1% of the largest: links the diagram draws as hairlines. */
function thinLinkShare({ trainer }: LessonRun): number {
  const weights = trainer.network.params.subarray(0, trainer.plan.weightCount).map(Math.abs);
  const largest = weights.reduce((max, w) => Math.max(max, w), 0);
  return weights.filter((w) => w < 0.01 * largest).length / weights.length;
}

/** Σw² over the weights (not the biases). */
const weightSquares = (trainer: CpuTrainer): number => trainer.network.params.subarray(0, trainer.plan.weightCount).reduce((sum, w) => sum + w * w, 0);

/** The largest difference between two neurons of the same hidden layer (their weights and bias). */
function neuronSpread({ trainer }: LessonRun): number {
  const plan = planNetwork(trainer.plan.spec);
  const params = trainer.network.params;
  let spread = 0;
  for (const layer of hiddenLayers(plan)) {
    for (let n = 1; n < layer.out; n++) {
      for (let i = 0; i < layer.in; i++) spread = Math.max(spread, Math.abs(params[layer.weightOffset + n * layer.in + i] - params[layer.weightOffset + i]));
      spread = Math.max(spread, Math.abs(params[layer.biasOffset + n] - params[layer.biasOffset]));
    }
  }
  return spread;
}

// Minutes, not seconds: each test trains its lesson on several seeds (about 2 minutes in all on one core).
describe('the lessons', { timeout: 300_000 }, () => {
  it('have distinct ids, text, a question, what to look for and at least one setup each', () => {
    expect(new Set(LESSONS.map((lesson) => lesson.id)).size).toBe(LESSONS.length);
    for (const lesson of LESSONS) {
      expect(lesson.text.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 1).length).toBeGreaterThanOrEqual(2);
      expect(lesson.question).toMatch(/\?$/);
      expect(lesson.lookFor.length).toBeGreaterThan(20);
      expect(lesson.setups.length).toBeGreaterThan(0);
      expect(new Set(lesson.setups.map((setup) => setup.label)).size).toBe(lesson.setups.length);
    }
  });

  it('linear model: separates two Gaussians but not XOR', () => {
    expect(lessonConfig('linear-model', 'XOR').model.hidden).toEqual([]);
    for (const run of seedCases(lessonConfig('linear-model', 'Two Gaussians'), true)) expect(testAccuracy(run, 1000), run.name).toBeGreaterThan(0.95);
    for (const run of seedCases(lessonConfig('linear-model', 'XOR'), true)) expect(testAccuracy(run, 1000), run.name).toBeLessThan(0.7);
  });

  it('hidden layer: tanh solves XOR from nearly every start, weight seed 2 on data seed 1 stays in a local minimum; linear activations stay linear', () => {
    const solved = seedCases(lessonConfig('hidden-layer', 'tanh'), true).filter((run) => testAccuracy(run, 2000) > 0.9);
    expect(solved.length).toBeGreaterThanOrEqual(23);
    const stuck = lessonConfig('hidden-layer', 'tanh, weight seed 2');
    expect(stuck.training.seed).toBe(2);
    const stuckAccuracy = testAccuracy(withSeeds(stuck, stuck.data.seed, 2), 10_000);
    expect(stuckAccuracy).toBeGreaterThan(0.7);
    expect(stuckAccuracy).toBeLessThan(0.8);
    for (const run of seedCases(lessonConfig('hidden-layer', 'Linear activations'), true)) expect(testAccuracy(run, 2000), run.name).toBeLessThan(0.7);
  });

  it('perceptron: points the sigmoid is unsure of are often wrong, points it is sure of nearly always right', async () => {
    for (const run of seedCases(lessonConfig('perceptron', 'Overlapping Gaussians'))) {
      const trainer = trainerFor(run.config);
      trainer.stepSync(1000);
      const { points, p } = await probabilitiesOn(trainer, generateDataset(run.config.data));
      const tally = { unsure: 0, unsureRight: 0, sure: 0, sureRight: 0 };
      points.labels.forEach((label, i) => {
        const right = (p[i] >= 0.5 ? 1 : 0) === label;
        if (p[i] > 0.2 && p[i] < 0.8) {
          tally.unsure++;
          if (right) tally.unsureRight++;
        } else if (p[i] < 0.05 || p[i] > 0.95) {
          tally.sure++;
          if (right) tally.sureRight++;
        }
      });
      expect(tally.unsure, run.name).toBeGreaterThan(30);
      expect(tally.unsureRight / tally.unsure, run.name).toBeGreaterThan(0.55);
      expect(tally.unsureRight / tally.unsure, run.name).toBeLessThan(0.75);
      expect(tally.sureRight / tally.sure, run.name).toBeGreaterThan(0.97);
    }
  });

  it('neurons: one tanh unit cannot fence in the circle, two reach about 80%, three enclose it', () => {
    for (const [three, two, one] of pairedCases(['3 hidden units', '2 hidden units', '1 hidden unit'].map((label) => lessonConfig('neurons', label)), true)) {
      expect(testAccuracy(one, 2000), one.name).toBeLessThan(0.75);
      const twoAccuracy = testAccuracy(two, 2000);
      expect(twoAccuracy, two.name).toBeGreaterThan(0.75);
      expect(twoAccuracy, two.name).toBeLessThan(0.9);
      const trained = trainLesson(three.config, 2000);
      expect(lastOf(trained).test!.accuracy, three.name).toBeGreaterThan(0.95);
      // Three lines at different angles: no two units' weight vectors (w1, w2) are near parallel.
      const [layer] = hiddenLayers(trained.trainer.plan);
      const w = trained.trainer.network.params;
      const direction = (unit: number) => [w[layer.weightOffset + 2 * unit], w[layer.weightOffset + 2 * unit + 1]];
      for (const [a, b] of [[0, 1], [0, 2], [1, 2]]) {
        const [u, v] = [direction(a), direction(b)];
        const cosine = (u[0] * v[0] + u[1] * v[1]) / (Math.hypot(u[0], u[1]) * Math.hypot(v[0], v[1]));
        expect(Math.abs(cosine), three.name).toBeLessThan(0.95);
      }
    }
  });

  it('features: with r and θ the circle is linearly separable; with x1 and x2 it is not', () => {
    for (const run of seedCases(lessonConfig('features', 'r and θ'), true)) {
      const trainer = trainerFor(run.config);
      expect(trainer.stepSync(50 * trainer.stepsPerEpoch, { metrics: true }).metrics!.test!.accuracy, run.name).toBeGreaterThan(0.95);
    }
    for (const run of seedCases(lessonConfig('features', 'x1 and x2'), true)) expect(testAccuracy(run, 1000), run.name).toBeLessThan(0.75);
  });

  it('hand-made features: x1·x2 separates XOR and x1², x2² the circle, with no hidden layer, within 25 epochs', () => {
    for (const label of ['XOR, x1·x2', 'Circle, x1² and x2²']) {
      expect(lessonConfig('hand-made-features', label).model.hidden).toEqual([]);
      for (const run of seedCases(lessonConfig('hand-made-features', label), true)) {
        const trainer = trainerFor(run.config);
        expect(trainer.stepSync(25 * trainer.stepsPerEpoch, { metrics: true }).metrics!.test!.accuracy, `${label}, ${run.name}`).toBeGreaterThan(0.95);
      }
    }
  });

  it('capacity: 4 ReLU units cannot follow the spiral, 8 do better, 32 fit it', () => {
    const trainingAccuracy = (run: SeedCase) => metricsAfter(run.config, 3000).train.accuracy!;
    for (const [wide, middle, narrow] of pairedCases(['32 units', '8 units', '4 units'].map((label) => lessonConfig('capacity', label)))) {
      const narrowAccuracy = trainingAccuracy(narrow);
      expect(narrowAccuracy, narrow.name).toBeLessThan(0.75);
      expect(trainingAccuracy(middle), middle.name).toBeGreaterThan(narrowAccuracy);
      expect(trainingAccuracy(wide), wide.name).toBeGreaterThan(0.9);
    }
  });

  it('regression: a plane stays far off the sine surface, 16 tanh units get under a fifth of its loss, sin features fit it to the noise', () => {
    expect(lessonConfig('regression', 'No hidden layer').model.hidden).toEqual([]);
    const testLoss = (run: SeedCase, steps: number) => metricsAfter(run.config, steps).test!.loss;
    for (const [hidden, linear, sines] of pairedCases(['16 tanh units', 'No hidden layer', 'sin(x1), sin(x2)'].map((label) => lessonConfig('regression', label)), true)) {
      const linearLoss = testLoss(linear, 3000);
      expect(linearLoss, linear.name).toBeGreaterThan(0.18);
      expect(testLoss(hidden, 3000), hidden.name).toBeLessThan(linearLoss / 5);
      expect(testLoss(sines, 3000), sines.name).toBeLessThan(0.005);
    }
  });

  it('activations: on the spiral, ReLU, leaky ReLU and tanh all end under half the loss of sigmoid; sigmoid lags from the start, unsaturated', () => {
    const labels = ['Sigmoid', 'ReLU', 'Leaky ReLU', 'tanh'];
    for (const [sigmoid, ...others] of pairedCases(labels.map((label) => lessonConfig('activations', label)))) {
      const sigmoidTrainer = trainerFor(sigmoid.config);
      // At the start no sigmoid unit is near its flat ends: the slope σ(1 − σ) is close to its maximum ¼ on every training point.
      const slopes = hiddenOutputs(sigmoidTrainer, generateDataset(sigmoid.config.data)).flatMap((outputs) => Array.from(outputs, (s) => s * (1 - s)));
      expect(Math.min(...slopes), sigmoid.name).toBeGreaterThan(0.1);
      const early = sigmoidTrainer.stepSync(200, { metrics: true }).metrics!.train.loss;
      const sigmoidLoss = sigmoidTrainer.stepSync(1800, { metrics: true }).metrics!.train.loss;
      for (const other of others) {
        const trainer = trainerFor(other.config);
        const name = `${other.config.model.activation}, ${other.name}`;
        expect(trainer.stepSync(200, { metrics: true }).metrics!.train.loss, name).toBeLessThan(early);
        expect(trainer.stepSync(1800, { metrics: true }).metrics!.train.loss, name).toBeLessThan(sigmoidLoss / 2);
      }
    }
  });

  it('initialisation: zero-initialised sigmoid neurons stay identical and the accuracy stays near two thirds; with tanh every weight stays 0; Xavier breaks the symmetry', () => {
    for (const run of seedCases(lessonConfig('initialisation', 'Zeros, sigmoid'))) {
      const trained = trainLesson(run.config, 5000, 1000);
      expect(neuronSpread(trained), run.name).toBeLessThan(1e-6);
      const largest = trained.trainer.network.params.subarray(0, trained.trainer.plan.weightCount).reduce((max, w) => Math.max(max, Math.abs(w)), 0);
      expect(largest, run.name).toBeGreaterThan(0.01);
      const [afterThousand] = trained.checkpoints;
      const final = lastOf(trained);
      for (const metrics of [afterThousand, final]) {
        for (const split of [metrics.train, metrics.test!]) {
          expect(split.accuracy, run.name).toBeGreaterThan(0.58);
          expect(split.accuracy, run.name).toBeLessThan(0.72);
        }
      }
      expect(Math.abs(final.train.accuracy! - afterThousand.train.accuracy!), run.name).toBeLessThan(0.03);
    }
    for (const run of seedCases(lessonConfig('initialisation', 'Zeros, tanh'))) {
      const trained = trainLesson(run.config, 1000);
      expect(trained.trainer.network.params.subarray(0, trained.trainer.plan.weightCount).every((w) => w === 0), run.name).toBe(true);
      expect(Math.abs(lastOf(trained).train.accuracy! - 0.5), run.name).toBeLessThan(0.02);
    }
    for (const run of seedCases(lessonConfig('initialisation', 'Xavier'))) {
      const trained = trainLesson(run.config, 1000);
      expect(neuronSpread(trained), run.name).toBeGreaterThan(0.1);
      expect(lastOf(trained).test!.accuracy, run.name).toBeGreaterThan(0.95);
    }
  });

  it('initialisation scale: σ = 0.01 starts at ln 2 and separates the circle in 20 epochs; σ = 1000 saturates every unit and stays in the hundreds at chance; four layers at 0.01 lag far behind Xavier', () => {
    const epochs = (config: ReturnType<typeof lessonConfig>, count: number) => trainerFor(config).stepsPerEpoch * count;
    for (const run of seedCases(lessonConfig('init-scale', 'σ = 0.01'))) {
      expect(metricsAfter(run.config, 0).train.loss, run.name).toBeCloseTo(Math.LN2, 2);
      expect(metricsAfter(run.config, epochs(run.config, 20)).test!.accuracy, run.name).toBeGreaterThan(0.95);
    }
    for (const run of seedCases(lessonConfig('init-scale', 'σ = 1000'))) {
      const trainer = trainerFor(run.config);
      const [hidden] = hiddenOutputs(trainer, generateDataset(run.config.data));
      expect(hidden.filter((h) => Math.abs(h) > 0.99).length / hidden.length, run.name).toBeGreaterThan(0.9);
      expect(trainer.evaluateSync().train.loss, run.name).toBeGreaterThan(100);
      const after = metricsAfter(run.config, epochs(run.config, 20));
      expect(after.train.loss, run.name).toBeGreaterThan(100);
      expect(Math.abs(after.test!.accuracy! - 0.5), run.name).toBeLessThan(0.1);
    }
    const deep = pairedCases([lessonConfig('init-scale', 'Four layers, σ = 0.01'), lessonConfig('init-scale', 'Four layers, Xavier')]);
    let stillHigh = 0;
    for (const [small, xavier] of deep) {
      expect(metricsAfter(small.config, 0).train.loss, small.name).toBeCloseTo(Math.LN2, 2);
      const smallLoss = trainLoss(small, epochs(small.config, 20));
      expect(smallLoss, small.name).toBeGreaterThan(5 * trainLoss(xavier, epochs(xavier.config, 20)));
      if (smallLoss > 0.3) stillHigh++;
    }
    expect(stillHigh).toBeGreaterThanOrEqual(deep.length / 2);
  });

  it('learning rate: on the log-scale training curve 0.5 overshoots and 0.03 does not; 3 diverges and is reported; batch 1 jitters, the full batch falls every epoch and slowly', () => {
    const labels = ['Learning rate 0.03', 'Learning rate 0.5', 'Learning rate 3', 'Batch 1', 'Full batch'];
    for (const [small, large, tooLarge, single, full] of pairedCases(labels.map((label) => lessonConfig('learning-rate', label)))) {
      // The loss reaches its noise floor within an epoch or two: the curve is judged after that.
      const settled = (run: SeedCase, epochs: number) => {
        const curve = trainingLossByEpoch(run.config, epochs);
        expect(curve.diverged, run.name).toBe(false);
        return curve.losses.slice(5);
      };
      // Seen on the log scale: 0.01 is ups and downs of about 1% per epoch.
      const smallJaggedness = logJaggedness(settled(small, 25));
      expect(smallJaggedness, small.name).toBeLessThan(0.01);
      const largeJaggedness = logJaggedness(settled(large, 25));
      expect(largeJaggedness, large.name).toBeGreaterThan(0.05);
      expect(largeJaggedness, large.name).toBeGreaterThan(10 * smallJaggedness);
      const singleJaggedness = logJaggedness(settled(single, 15));
      expect(singleJaggedness, single.name).toBeGreaterThan(0.03);
      expect(singleJaggedness, single.name).toBeGreaterThan(5 * smallJaggedness);
      const fullCurve = trainingLossByEpoch(full.config, 25).losses;
      expect(fullCurve.every((loss, i) => i === 0 || loss < fullCurve[i - 1]), full.name).toBe(true);
      expect(fullCurve[5], full.name).toBeGreaterThan(10 * trainingLossByEpoch(single.config, 5).losses[5]);

      const diverging = trainLesson(tooLarge.config, 35);
      expect(diverging.diverged, tooLarge.name).toBe(true);
      expect(Number.isFinite(lastOf(diverging).train.loss), tooLarge.name).toBe(true);
    }
  });

  it('updates per epoch: N / batch size updates per epoch; at 0.001 twenty epochs leave the loss where it was, at 0.1 they separate the circle; batch 50 ends higher', () => {
    const labels = ['Learning rate 0.1', 'Learning rate 0.001', 'Batch 50'];
    for (const [base, tiny, bigBatch] of pairedCases(labels.map((label) => lessonConfig('updates-per-epoch', label)))) {
      const baseTrainer = trainerFor(base.config);
      const bigBatchTrainer = trainerFor(bigBatch.config);
      expect(baseTrainer.stepsPerEpoch).toBe(35);
      expect(bigBatchTrainer.stepsPerEpoch).toBe(7);
      const baseMetrics = baseTrainer.stepSync(20 * 35, { metrics: true }).metrics!;
      expect(baseMetrics.test!.accuracy, base.name).toBeGreaterThan(0.9);
      expect(bigBatchTrainer.stepSync(20 * 7, { metrics: true }).metrics!.train.loss, bigBatch.name).toBeGreaterThan(baseMetrics.train.loss);

      const tinyTrainer = trainerFor(tiny.config);
      const start = tinyTrainer.evaluateSync().train.loss;
      const after = tinyTrainer.stepSync(20 * 35, { metrics: true }).metrics!;
      expect(after.train.loss, tiny.name).toBeGreaterThan(0.9 * start);
      expect(after.test!.accuracy, tiny.name).toBeLessThan(0.7);
    }
  });

  it('overfitting: the test loss climbs far above its minimum through confident mistakes; L2 stays near the best, L1 ends lower; dropout helps on some data seeds and not others', async () => {
    const steps = 1000;
    /** The test loss after every 5 updates for the first 200 (where the minimum lies), then every 50. */
    const testLossCurve = (run: SeedCase) => {
      const trainer = trainerFor(run.config);
      const losses: number[] = [];
      const accuracies: number[] = [];
      for (let done = 0; done < steps; ) {
        const k = done < 200 ? 5 : 50;
        const { test } = trainer.stepSync(k, { metrics: true }).metrics!;
        losses.push(test!.loss);
        accuracies.push(test!.accuracy!);
        done += k;
      }
      return { trainer, losses, accuracies, final: losses[losses.length - 1], minimum: Math.min(...losses) };
    };
    const labels = ['No regularisation', 'L2 0.01', 'L1 0.003', 'Dropout 0.3'];
    const dropoutEffects: number[] = [];
    for (const [plain, l2, l1, dropout] of pairedCases(labels.map((label) => lessonConfig('overfitting', label)))) {
      const unregularised = testLossCurve(plain);
      // Dropout's effect varies with the data: compared on the five data seeds a class meets with Regenerate.
      if (plain.weightSeed === lessonConfig('overfitting', 'No regularisation').training.seed) {
        dropoutEffects.push(Math.sign(lastOf(trainLesson(dropout.config, steps)).test!.loss - unregularised.final));
      }
      expect(unregularised.final, plain.name).toBeGreaterThan(5 * unregularised.minimum);
      expect(unregularised.trainer.evaluateSync().train.loss, plain.name).toBeLessThan(0.01);
      const atMinimum = unregularised.accuracies[unregularised.losses.indexOf(unregularised.minimum)];
      expect(unregularised.accuracies[unregularised.accuracies.length - 1], plain.name).toBeGreaterThan(0.7 * atMinimum);

      // Confident mistakes: test points given under 1% for their true class carry most of the test loss.
      const { points, p } = await probabilitiesOn(unregularised.trainer, generateDataset(plain.config.data), 'test');
      // Probabilities are float32: one that rounded to exactly 0 counts as the smallest float32 above 0.
      const pointLosses = Array.from(points.labels, (label, i) => -Math.log(Math.max(label === 1 ? p[i] : 1 - p[i], 1.4e-45)));
      const confident = pointLosses.filter((loss) => loss > -Math.log(0.01));
      const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
      expect(sum(confident) / sum(pointLosses), plain.name).toBeGreaterThan(0.8);
      expect(confident.length / pointLosses.length, plain.name).toBeLessThan(0.35);

      const l2Run = testLossCurve(l2);
      expect(l2Run.final, l2.name).toBeLessThan(2.5 * unregularised.minimum);
      expect(weightSquares(l2Run.trainer), l2.name).toBeLessThan(weightSquares(unregularised.trainer) / 4);
      const l1Run = trainLesson(l1.config, steps);
      expect(lastOf(l1Run).test!.loss, l1.name).toBeLessThan(unregularised.final / 2);
      expect(thinLinkShare(l1Run), l1.name).toBeGreaterThan(0.9);
      expect(thinLinkShare({ trainer: unregularised.trainer, checkpoints: [], diverged: false }), plain.name).toBeLessThan(0.3);
    }
    expect(dropoutEffects).toHaveLength(5);
    expect(dropoutEffects).toContain(-1);
    expect(dropoutEffects).toContain(1);
  });

  it('residual: after 5000 updates the plain 13-layer network sits at a coin toss, the ResNet of the same depth far below', () => {
    const [plainConfig, resnetConfig] = ['Plain, 13 layers', 'ResNet, 6 blocks'].map((label) => lessonConfig('residual', label));
    expect(plainConfig.model.hidden.length).toBe(1 + 2 * resnetConfig.model.blocks);
    for (const [plain, resnet] of pairedCases([plainConfig, resnetConfig])) {
      expect(trainLoss(plain, 5000), plain.name).toBeGreaterThan(0.68);
      expect(trainLoss(resnet, 5000), resnet.name).toBeLessThan(0.1);
    }
  });

  it('last layer: three tanh layers make the spiral linearly separable at their last hidden layer, where the input is not; one layer of 16 does not', () => {
    for (const run of seedCases(lessonConfig('last-layer-line', 'Three tanh layers'))) {
      const trainer = trainerFor(run.config);
      trainer.stepSync(2000);
      const [input, ...hidden] = trainer.separabilitySync()!.map((s) => s.accuracy);
      expect(input, run.name).toBeLessThan(0.75);
      expect(hidden[hidden.length - 1], run.name).toBe(1);
    }
    for (const run of seedCases(lessonConfig('last-layer-line', 'One tanh layer'))) {
      const trainer = trainerFor(run.config);
      trainer.stepSync(2000);
      const [, layer] = trainer.separabilitySync()!.map((s) => s.accuracy);
      expect(layer, run.name).toBeLessThan(0.9);
    }
  });

  it('vanishing gradients: from the first step, the first of nine sigmoid layers gets under 1/10,000 of the output layer’s gradient and update-to-weight ratio; through residual blocks of the same depth over 1/1000', () => {
    const firstOverLast = (run: SeedCase, steps: number): number => {
      const flow = trainerFor(run.config).stepSync(steps, { gradientFlow: true }).gradientFlow!;
      return flow[0].gradientNorm / flow[flow.length - 1].gradientNorm;
    };
    const updateRatio = (layer: { updateNorm: number; weightNorm: number }) => layer.updateNorm / layer.weightNorm;
    const firstUpdateOverLast = (run: SeedCase, steps: number): number => {
      const flow = trainerFor(run.config).stepSync(steps, { gradientFlow: true }).gradientFlow!;
      return updateRatio(flow[0]) / updateRatio(flow[flow.length - 1]);
    };
    const configs = ['Plain, 9 sigmoid layers', 'ResNet, 4 blocks'].map((label) => lessonConfig('vanishing-gradients', label));
    expect(trainerFor(configs[1]).plan.dense.length).toBe(trainerFor(configs[0]).plan.dense.length);
    for (const [plain, resnet] of pairedCases(configs, true)) {
      for (const steps of [0, 10]) {
        expect(firstOverLast(plain, steps), `${plain.name}, ${steps} steps`).toBeLessThan(1e-4);
        expect(firstUpdateOverLast(plain, steps), `${plain.name}, ${steps} steps: update-to-weight ratio`).toBeLessThan(1e-4);
        expect(firstOverLast(resnet, steps), `${resnet.name}, ${steps} steps`).toBeGreaterThan(1e-3);
      }
    }
  });

  it('multiclass: softmax separates four blobs and a three-arm spiral, and the probabilities blend between the blobs', async () => {
    for (const run of seedCases(lessonConfig('multiclass', 'Four blobs'))) {
      const trainer = trainerFor(run.config);
      expect(trainer.plan.dense[trainer.plan.dense.length - 1].out).toBe(4);
      expect(trainer.stepSync(1000, { metrics: true }).metrics!.test!.accuracy, run.name).toBeGreaterThan(0.95);
      const grid = planeGrid(48);
      const probabilities = await trainer.predict(gridPoints(grid));
      const largest = Array.from({ length: grid.width * grid.height }, (_, cell) => Math.max(...probabilities.subarray(4 * cell, 4 * cell + 4)));
      expect(largest.filter((p) => p < 0.6).length, run.name).toBeGreaterThan(0);
      expect(largest.filter((p) => p > 0.9).length / largest.length, run.name).toBeGreaterThan(0.5);
    }
    for (const run of seedCases(lessonConfig('multiclass', 'Three-arm spiral'))) expect(testAccuracy(run, 2000), run.name).toBeGreaterThan(0.9);
    expect(trainerFor(lessonConfig('linear-model', 'XOR')).plan.dense[0].out).toBe(1);
  });
});

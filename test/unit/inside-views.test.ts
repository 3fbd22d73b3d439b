import { describe, expect, it } from 'vitest';
import { activate } from '../../src/core/activations';
import { defaultConfig, type ExperimentConfig } from '../../src/core/config';
import { computeFeatures } from '../../src/core/features';
import { gridPoints } from '../../src/core/grid';
import { planeLineCount, planeLineGrids, viewableSlots } from '../../src/core/layerView';
import { lossAndGradient } from '../../src/core/loss';
import { hiddenLayers } from '../../src/core/network';
import type { PlaneLines } from '../../src/core/trainer';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { fitLinearProbe } from '../../src/cpu/inspect';
import { generateDataset } from '../../src/data/presets';
import { buildTrainerSetup } from '../../src/train/trainerSetup';

/** The see-inside quantities on the CPU engine: the layer view, gradient flow and linear separability. */

const LINES: PlaneLines = { lines: 5, samples: 7, x1: [-6, 6], x2: [-6, 6] };

function experiment(change: (config: ExperimentConfig) => void): ExperimentConfig {
  const config = defaultConfig();
  change(config);
  return config;
}

function oracle(config: ExperimentConfig): CpuTrainer<Float64Array> {
  return new CpuTrainer(buildTrainerSetup('fresh', config, generateDataset(config.data), null), Float64Array);
}

describe('the lines of the plane', () => {
  it('reach the edges: horizontal lines first (one row per line), then vertical ones (one column per line)', () => {
    const [horizontal, vertical] = planeLineGrids(LINES);
    const h = gridPoints(horizontal);
    const v = gridPoints(vertical);
    expect(h.length / 2 + v.length / 2).toBe(planeLineCount(LINES));
    // Horizontal line 0 is the top edge, sampled from the left edge to the right one.
    expect([h[0], h[1]]).toEqual([-6, 6]);
    expect(h[2 * (LINES.samples - 1)]).toBeCloseTo(6, 12);
    // Horizontal line i has one x2; the last is the bottom edge.
    const last = 2 * (LINES.lines - 1) * LINES.samples;
    for (let s = 0; s < LINES.samples; s++) expect(h[last + 2 * s + 1]).toBeCloseTo(-6, 12);
    // Vertical line j (column j) has one x1, from −6 to 6.
    for (let s = 0; s < LINES.samples; s++) expect(v[2 * (s * LINES.lines + LINES.lines - 1)]).toBeCloseTo(6, 12);
    expect(() => planeLineGrids({ ...LINES, samples: 1 })).toThrow(/at least 2/);
  });
});

describe('the layer view', () => {
  it('of a 2-unit layer is the layer itself: σ(W·features + b) at every sample of every line and at every training point', async () => {
    const config = experiment((c) => {
      c.model.hidden = [2, 3];
      c.model.features = ['x1', 'x2', 'x1^2'];
    });
    const trainer = oracle(config);
    trainer.stepSync(30);
    const observation = trainer.stepSync(0, { layerView: { slot: hiddenLayers(trainer.plan)[0].output, lines: LINES, points: true } });
    const view = observation.layerView!;
    expect(view.width).toBe(2);
    const [layer] = trainer.plan.dense;
    const params = trainer.network.params;
    const spec = trainer.plan.spec;
    const expected = (points: Float64Array): number[] => {
      const features = computeFeatures(points, spec.features, new Float64Array(points.length / 2 * spec.features.length), spec.normalization);
      const values: number[] = [];
      for (let r = 0; r < points.length / 2; r++) {
        for (let o = 0; o < 2; o++) {
          let z = params[layer.biasOffset + o];
          for (let i = 0; i < layer.in; i++) z += params[layer.weightOffset + o * layer.in + i] * features[r * layer.in + i];
          values.push(activate('tanh', z));
        }
      }
      return values;
    };
    const linePoints = Float64Array.from(planeLineGrids(LINES).flatMap((grid) => [...gridPoints(grid)]));
    const lines = expected(linePoints);
    expect(view.lines.length).toBe(lines.length);
    lines.forEach((value, i) => expect(view.lines[i]).toBeCloseTo(value, 6));
    const dataset = generateDataset(config.data);
    const trainPoints = Float64Array.from(dataset.points.filter((_, i) => dataset.isTest[i >> 1] === 0));
    const points = expected(trainPoints);
    expect(view.points!.length).toBe(points.length);
    points.forEach((value, i) => expect(view.points![i]).toBeCloseTo(value, 6));
  });

  it('looks at the input, every hidden layer and every residual block’s output, and refuses any other slot', () => {
    const trainer = oracle(experiment((c) => Object.assign(c.model, { arch: 'resnet', width: 4, blocks: 2 })));
    const slots = viewableSlots(trainer.plan);
    expect(slots.map((s) => s.kind)).toEqual(['input', 'hidden', 'hidden', 'hidden', 'block', 'hidden', 'hidden', 'block']);
    for (const { slot, width } of slots) {
      const view = trainer.stepSync(0, { layerView: { slot, lines: LINES } }).layerView!;
      expect(view.lines.length).toBe(planeLineCount(LINES) * width);
      expect(view.lines.every(Number.isFinite)).toBe(true);
    }
    expect(() => trainer.stepSync(0, { layerView: { slot: trainer.plan.outputSlot, lines: LINES } })).toThrow(/neither the input nor a hidden layer/);
  });
});

describe('gradient flow', () => {
  it('is the next step’s gradient per layer: its norm matches finite differences of the minibatch loss, and SGD’s update is lr·gradient', () => {
    const config = experiment((c) => {
      c.model.hidden = [5, 4];
      c.training.optimizer = 'sgd';
      c.training.learningRate = 0.3;
      c.training.batchSize = 10;
      c.training.l2 = 0.01;
    });
    const trainer = oracle(config);
    trainer.stepSync(7);
    const flow = trainer.stepSync(0, { gradientFlow: true }).gradientFlow!;
    expect(flow.map((f) => f.layer)).toEqual([0, 1, 2]);
    // The same minibatch's loss as a function of the weights, differenced centrally.
    const params = Float64Array.from(trainer.network.params);
    const probe = oracle(config);
    const lossAt = (values: Float64Array): number => {
      probe.setParameters(values);
      return lossOfStep(probe, 7);
    };
    for (const layer of trainer.plan.dense) {
      let squares = 0;
      let weights = 0;
      let updates = 0;
      for (let i = layer.weightOffset; i < layer.weightOffset + layer.in * layer.out; i++) {
        const h = 1e-6;
        const plus = params.slice();
        plus[i] += h;
        const minus = params.slice();
        minus[i] -= h;
        const g = (lossAt(plus) - lossAt(minus)) / (2 * h);
        squares += g * g;
        weights += params[i] ** 2;
        updates += (0.3 * (g + 0.01 * params[i])) ** 2;
      }
      const measured = flow[layer.index];
      expect(measured.gradientNorm).toBeCloseTo(Math.sqrt(squares), 6);
      expect(measured.weightNorm).toBeCloseTo(Math.sqrt(weights), 12);
      expect(measured.updateNorm).toBeCloseTo(Math.sqrt(updates), 6);
    }
  });

  it('fades on its way down a deep sigmoid stack, and not through residual connections', () => {
    const firstOverLast = (change: (config: ExperimentConfig) => void): number => {
      const config = experiment((c) => {
        c.data = { ...c.data, preset: 'spiral', points: 400 };
        c.model.activation = 'sigmoid';
        change(c);
      });
      const flow = oracle(config).stepSync(10, { gradientFlow: true }).gradientFlow!;
      return flow[0].gradientNorm / flow[flow.length - 1].gradientNorm;
    };
    // Nine sigmoid layers: σ' ≤ 1/4 per layer takes five orders of magnitude off the first layer's gradient.
    expect(firstOverLast((c) => (c.model.hidden = Array(9).fill(8)))).toBeLessThan(1e-4);
    // The same depth as four residual blocks: the skips carry the gradient down.
    expect(firstOverLast((c) => Object.assign(c.model, { arch: 'resnet', width: 8, blocks: 4 }))).toBeGreaterThan(1e-2);
  });

  it('changes nothing: the run after observing it is the run without', () => {
    const config = experiment((c) => {
      c.training.dropout = 0.2;
    });
    const watched = oracle(config);
    const plain = oracle(config);
    for (let call = 0; call < 4; call++) {
      const a = watched.stepSync(5, { gradientFlow: true });
      const b = plain.stepSync(5);
      expect(a.loss).toBe(b.loss);
      expect(a.gradientFlow!.every((f) => f.gradientNorm > 0 && Number.isFinite(f.updateNorm))).toBe(true);
    }
    expect(Array.from(watched.network.params)).toEqual(Array.from(plain.network.params));
  });
});

/** The mean loss of the minibatch of `step` at the trainer's current parameters (no dropout in these runs). */
function lossOfStep(trainer: CpuTrainer<Float64Array>, step: number): number {
  const internals = trainer as unknown as { schedule: { batch(step: number): Uint32Array }; train: { featuresT: Float64Array; labels: Float64Array } };
  const rows = internals.schedule.batch(step);
  const width = trainer.plan.slotWidths[0];
  const input = trainer.network.slot(0);
  rows.forEach((row, r) => input.set(internals.train.featuresT.subarray(row * width, (row + 1) * width), r * width));
  const logits = trainer.network.forward(rows.length, null);
  return lossAndGradient(trainer.plan.spec.task, logits, Float64Array.from(rows, (row) => internals.train.labels[row]), rows.length, new Float64Array(logits.length));
}

describe('linear separability', () => {
  it('is perfect for separable classes and chance for classes a line cannot tell apart', () => {
    const rows = 200;
    const x = new Float64Array(rows * 2);
    const line = new Float64Array(rows);
    const xor = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      const a = ((r * 37) % 101) / 50 - 1;
      const b = ((r * 53) % 97) / 48 - 1;
      x.set([a, b], 2 * r);
      line[r] = a + 0.3 * b > 0.05 ? 1 : 0;
      xor[r] = a * b > 0 ? 1 : 0;
    }
    expect(fitLinearProbe(x, rows, 2, line, 2, 300, 0.1)).toBeGreaterThan(0.97);
    expect(fitLinearProbe(x, rows, 2, xor, 2, 300, 0.1)).toBeLessThan(0.7);
  });

  it('rises from the input to the last hidden layer of a 3-layer tanh network trained on the spiral', () => {
    const config = experiment((c) => {
      c.data = { ...c.data, preset: 'spiral', points: 400, noise: 0.05 };
      c.model.hidden = [16, 16, 16];
      c.training.learningRate = 0.02;
      c.training.batchSize = 32;
    });
    const trainer = new CpuTrainer(buildTrainerSetup('fresh', config, generateDataset(config.data), null));
    trainer.stepSync(2000);
    const accuracy = trainer.evaluateSync().train.accuracy!;
    expect(accuracy).toBeGreaterThan(0.9);
    const separability = trainer.separabilitySync()!;
    expect(separability.map((s) => s.slot)).toEqual(viewableSlots(trainer.plan).map((s) => s.slot));
    const [input, ...hidden] = separability.map((s) => s.accuracy);
    const last = hidden[hidden.length - 1];
    expect(input).toBeLessThan(0.8);
    expect(last).toBeGreaterThan(0.9);
    expect(last).toBeGreaterThan(input + 0.2);
  });

  it('is not asked of regression', async () => {
    const trainer = oracle(experiment((c) => (c.data = { ...c.data, preset: 'reg-plane' })));
    expect(await trainer.separability()).toBeNull();
  });
});

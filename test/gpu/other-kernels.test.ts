import { beforeAll, describe, expect, it } from 'vitest';
import { ADAM, OPTIMIZERS } from '../../src/core/config';
import { computeFeatures, featureCode, FEATURE_NAMES } from '../../src/core/features';
import { gridPoints } from '../../src/core/grid';
import { logitsToOutputs, lossAndGradient } from '../../src/core/loss';
import { splitMetrics } from '../../src/core/metrics';
import { optimizerStep, stepScalars, type OptimizerSettings } from '../../src/core/optimizer';
import { createRng } from '../../src/core/rng';
import { outputWidth, type Task } from '../../src/core/task';
import { gatherRows } from '../../src/cpu/kernels';
import { linearGroups } from '../../src/gpu/kernels/layout';
import { packGather, packGridFeatures, packLoss, packSettings } from '../../src/gpu/uniforms';
import { AWKWARD_SIZES, KernelHarness, TestArena, randomValues, relativeError } from './harness';
import { testGpu } from './setup';

const TASKS: [string, Task][] = [
  ['binary', { kind: 'classification', classes: 2 }],
  ['3-class', { kind: 'classification', classes: 3 }],
  ['6-class', { kind: 'classification', classes: 6 }],
  ['regression', { kind: 'regression' }],
];

function labelsFor(task: Task, rows: number, seed: number): Float32Array<ArrayBuffer> {
  const rng = createRng(seed);
  return Float32Array.from({ length: rows }, () => (task.kind === 'regression' ? rng.normal() : rng.int(task.classes)));
}


describe('gather, loss, optimizer and grid kernels match their CPU twins', () => {
  let harness: KernelHarness;
  beforeAll(async () => {
    harness = await KernelHarness.create(await testGpu());
  });

  for (const rows of [...AWKWARD_SIZES, 1500]) {
    it(`gather ${rows} rows of 5 features`, async () => {
      const n = rows + 11;
      const width = 5;
      const features = randomValues(n * width, rows);
      const labels = randomValues(n, rows + 1);
      const order = createRng(rows + 2);
      const indexOffset = 9;
      const indices = Uint32Array.from({ length: indexOffset + rows }, () => order.int(n));
      const arena = new TestArena();
      arena.region('features', rows * width);
      arena.region('labels', rows);
      arena.region('guard', 16);
      const arenaBuffer = harness.upload(arena.contents());
      const uniform = harness.uniform(packGather(width, arena.offset('features'), arena.offset('labels')));
      const group = harness.kernels.gather.bind([uniform, arenaBuffer, harness.upload(features), harness.upload(labels), harness.upload(indices)]);
      harness.run({ rows, indexOffset }, (pass) => harness.kernels.gather.encode(pass, 'main', group, Math.ceil((rows * width) / 256)));
      const result = await harness.read(arenaBuffer);
      const batch = indices.subarray(indexOffset);
      const expected = new Float32Array(rows * width);
      gatherRows(features, width, batch, expected);
      expect(arena.slice(result, 'features')).toEqual(expected);
      expect(arena.slice(result, 'labels')).toEqual(Float32Array.from(batch, (i) => labels[i]));
      expect(arena.slice(result, 'guard').every(Number.isNaN)).toBe(true);
    });
  }

  for (const [name, task] of TASKS) {
    for (const rows of [1, 7, 65, 257, 1000]) {
      it(`loss, metrics and outputs · ${name} · ${rows} rows`, async () => {
        const width = outputWidth(task);
        const logits = randomValues(rows * width, rows * 7 + width, 4);
        const labels = labelsFor(task, rows, rows);
        const arena = new TestArena();
        arena.region('logits', logits.length, logits);
        arena.region('labels', rows, labels);
        arena.region('dz', rows * width);
        const arenaBuffer = harness.upload(arena.contents());
        const uniform = harness.uniform(packLoss(task, { logits: arena.offset('logits'), labels: arena.offset('labels'), dz: arena.offset('dz') }));
        const results = harness.upload(new Float32Array(8 + rows * width + 3 * width).fill(NaN));
        const status = harness.upload(new Uint32Array(4));
        const group = harness.kernels.loss.bind([uniform, arenaBuffer, results, status]);

        harness.run({ rows, resultSlot: 5 }, (pass) => harness.kernels.loss.encode(pass, 'train_loss', group, 1));
        const trained = await harness.read(arenaBuffer);
        const lossValues = await harness.read(results);
        const dz = new Float64Array(rows * width);
        const expectedLoss = lossAndGradient(task, Float64Array.from(logits), labels, rows, dz);
        expect(relativeError(arena.slice(trained, 'dz'), dz)).toBeLessThan(1e-5);
        expect(Math.abs(lossValues[5] - expectedLoss) / Math.max(1, expectedLoss)).toBeLessThan(1e-5);
        expect(new Uint32Array((await harness.read(status)).buffer)[0]).toBe(0);

        harness.run({ rows, resultSlot: 1 }, (pass) => harness.kernels.loss.encode(pass, 'split_metrics', group, 1));
        const sums = await harness.read(results);
        const metrics = splitMetrics(task, logits, labels, rows);
        expect(Math.abs(sums[2] - metrics.loss * rows) / Math.max(1, metrics.loss * rows)).toBeLessThan(1e-5);
        expect(sums[3]).toBe(task.kind === 'regression' ? 0 : Math.round(metrics.accuracy! * rows));

        const firstRow = 3;
        harness.run({ rows, firstRow }, (pass) => harness.kernels.loss.encode(pass, 'to_outputs', group, Math.ceil(rows / 256)));
        const outputs = await harness.read(results);
        const expected = logitsToOutputs(task, Float64Array.from(logits), rows);
        expect(relativeError(outputs.slice(firstRow * width, (firstRow + rows) * width), expected)).toBeLessThan(1e-5);
      });
    }
  }

  it('a non-finite loss raises the divergence flag', async () => {
    const arena = new TestArena();
    arena.region('logits', 3, Float32Array.from([1, Infinity, 2]));
    arena.region('labels', 3, Float32Array.from([0.5, 1, 0]));
    arena.region('dz', 3);
    const arenaBuffer = harness.upload(arena.contents());
    const uniform = harness.uniform(packLoss({ kind: 'regression' }, { logits: arena.offset('logits'), labels: arena.offset('labels'), dz: arena.offset('dz') }));
    const status = harness.upload(new Uint32Array(4));
    const group = harness.kernels.loss.bind([uniform, arenaBuffer, harness.empty(64), status]);
    harness.run({ rows: 3 }, (pass) => harness.kernels.loss.encode(pass, 'train_loss', group, 1));
    expect(new Uint32Array((await harness.read(status)).buffer)[0]).toBe(1);
  });

  for (const optimizer of OPTIMIZERS) {
    for (const count of [...AWKWARD_SIZES, 70_001]) {
      it(`${optimizer} update of ${count} parameters with L1 and L2`, async () => {
        const weightCount = Math.max(0, count - 2);
        const settings: OptimizerSettings = { optimizer, learningRate: 0.05, momentum: 0.8, l1: 0.01, l2: 0.02 };
        const params = randomValues(count, count);
        const grads = randomValues(count, count + 1);
        const state = Float32Array.from({ length: 2 * count }, (_, i) => (i < count ? 0.1 * Math.sin(i) : 0.01 * (1 + Math.cos(i))));
        const paramsBuffer = harness.upload(params.slice());
        const stateBuffer = harness.upload(state.slice());
        const backup = harness.upload(new Float32Array(count).fill(NaN));
        const status = harness.upload(new Uint32Array(4));
        const settingsBuffer = harness.uniform(
          packSettings({ optimizer: OPTIMIZERS.indexOf(optimizer), parameterCount: count, weightCount, momentum: 0.8, l1: 0.01, l2: 0.02, ...ADAM }),
        );
        const group = harness.kernels.optimizer.bind([settingsBuffer, paramsBuffer, harness.upload(grads), stateBuffer, status, backup]);
        const t = 3;
        const scalars = stepScalars(settings, t);
        harness.run({ rows: 0, stepSize: scalars.stepSize, inverseSqrtCorrection2: scalars.inverseSqrtCorrection2 }, (pass) => {
          harness.kernels.optimizer.encode(pass, 'backup', group, ...linearGroups(count));
          harness.kernels.optimizer.encode(pass, 'update', group, ...linearGroups(count));
        });
        const expectedParams = Float64Array.from(params);
        const expectedState = Float64Array.from(state);
        optimizerStep(expectedParams, Float64Array.from(grads), expectedState, weightCount, settings, scalars);
        expect(relativeError((await harness.read(paramsBuffer)).slice(0, count), expectedParams)).toBeLessThan(1e-5);
        const stateSize = optimizer === 'sgd' ? 0 : optimizer === 'momentum' ? count : 2 * count;
        expect(relativeError((await harness.read(stateBuffer)).slice(0, stateSize), expectedState.slice(0, stateSize))).toBeLessThan(1e-5);
        expect((await harness.read(backup)).slice(0, count)).toEqual(params);
      });
    }
  }

  it('the optimizer leaves the parameters alone once training diverged', async () => {
    const params = randomValues(10, 1);
    const paramsBuffer = harness.upload(params.slice());
    const status = harness.upload(Uint32Array.from([1, 0, 0, 0]));
    const settings = harness.uniform(packSettings({ optimizer: 0, parameterCount: 10, weightCount: 10, momentum: 0, l1: 0, l2: 0, ...ADAM }));
    const group = harness.kernels.optimizer.bind([settings, paramsBuffer, harness.upload(randomValues(10, 2)), harness.empty(80), status, harness.empty(40)]);
    harness.run({ rows: 0, stepSize: 1 }, (pass) => harness.kernels.optimizer.encode(pass, 'update', group, 1));
    expect((await harness.read(paramsBuffer)).slice(0, 10)).toEqual(params);
  });

  for (const [width, height] of [
    [1, 1],
    [7, 3],
    [65, 63],
    [257, 5],
  ]) {
    it(`grid features over ${width}×${height} cells, every feature, normalised`, async () => {
      const grid = { width, height, x1: [-6, 5] as [number, number], x2: [-4, 6] as [number, number] };
      const names = [...FEATURE_NAMES];
      const normalization = { mean: names.map((_, j) => 0.1 * j), std: names.map((_, j) => 1 + 0.5 * j) };
      const cells = width * height;
      const firstRow = Math.floor(cells / 3);
      const rows = cells - firstRow;
      const arena = new TestArena();
      arena.region('features', rows * names.length);
      const arenaBuffer = harness.upload(arena.contents());
      const uniform = harness.uniform(
        packGridFeatures({ ...grid, output: arena.offset('features'), codes: names.map(featureCode), mean: normalization.mean, std: normalization.std }),
      );
      const group = harness.kernels.gridFeatures.bind([uniform, arenaBuffer]);
      harness.run({ rows, firstRow }, (pass) => harness.kernels.gridFeatures.encode(pass, 'main', group, Math.ceil((rows * names.length) / 256)));
      const result = arena.slice(await harness.read(arenaBuffer), 'features');
      const points = gridPoints(grid).slice(2 * firstRow);
      const expected = computeFeatures(points, names, new Float64Array(rows * names.length), normalization);
      expect(relativeError(result, expected)).toBeLessThan(1e-5);
    });
  }
});

import { beforeAll, describe, expect, it } from 'vitest';
import { ADAM, defaultConfig, OPTIMIZERS, type Architecture, type OptimizerName, type TrainingConfig } from '../../src/core/config';
import type { Dataset } from '../../src/core/dataset';
import { fitNormalization, type FeatureName } from '../../src/core/features';
import { viewableSlots } from '../../src/core/layerView';
import { buildModelSpec, type NetworkPlan } from '../../src/core/network';
import { stepScalars, type OptimizerSettings } from '../../src/core/optimizer';
import { createRng } from '../../src/core/rng';
import type { Task } from '../../src/core/task';
import type { PlaneLines, TrainerSetup } from '../../src/core/trainer';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { fitLinearProbe, layerGradientStats } from '../../src/cpu/inspect';
import type { GpuDevice } from '../../src/gpu/device';
import { GpuTrainer, type GpuTrainerOptions } from '../../src/gpu/gpuTrainer';
import { packProbe, packSettings } from '../../src/gpu/uniforms';
import { AWKWARD_SIZES, KernelHarness, randomValues, relativeError } from './harness';
import { testGpu } from './setup';

/** The see-inside kernels against their CPU twins, and the GPU trainer's views against the Float64 CPU oracle. */

const LINES: PlaneLines = { lines: 6, samples: 11, x1: [-6, 6], x2: [-5, 6] };

/** 53 seeded points (an awkward count) in `classes` angular sectors, a fifth of them held out. */
function dataset(task: Task, seed: number): Dataset {
  const rng = createRng(seed);
  const n = 53;
  const points = Float64Array.from({ length: 2 * n }, () => rng.uniform(-6, 6));
  const labels = Float64Array.from({ length: n }, (_, i) =>
    task.kind === 'regression' ? Math.sin(points[2 * i]) : Math.floor(((Math.atan2(points[2 * i + 1], points[2 * i]) + Math.PI) / (2 * Math.PI)) * task.classes) % task.classes,
  );
  return { task, points, labels, isTest: Uint8Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : 0)) };
}

function setupFor(arch: Architecture, task: Task, training: Partial<TrainingConfig> = {}): TrainerSetup {
  const features: FeatureName[] = ['x1', 'x2', 'x1*x2'];
  const data = dataset(task, 11);
  const model = { ...defaultConfig().model, arch, hidden: [7, 2, 5], width: 5, blocks: 2, features };
  const spec = buildModelSpec(model, task, fitNormalization(data.points, features));
  return { spec, dataset: data, init: 'xavier', training: { ...defaultConfig().training, batchSize: 9, ...training } };
}

/** The device's limits with storage bindings of at most `bytes`: evaluation and minibatches in chunks. */
function tight(gpu: GpuDevice, bytes: number): GPUSupportedLimits {
  const { maxBufferSize, maxComputeWorkgroupsPerDimension } = gpu.device.limits;
  return { maxBufferSize, maxComputeWorkgroupsPerDimension, maxStorageBufferBindingSize: bytes } as GPUSupportedLimits;
}

async function both(gpu: GpuDevice, setup: TrainerSetup, options: GpuTrainerOptions = {}): Promise<{ cpu: CpuTrainer<Float64Array>; webgpu: GpuTrainer }> {
  const cpu = new CpuTrainer(setup, Float64Array);
  const webgpu = await GpuTrainer.create(gpu, { ...setup, parameters: Float32Array.from(cpu.network.params) }, options);
  return { cpu, webgpu };
}

describe('the see-inside kernels', () => {
  let gpu: GpuDevice;
  let harness: KernelHarness;
  beforeAll(async () => {
    gpu = await testGpu();
    harness = await KernelHarness.create(gpu);
  });

  for (const optimizer of OPTIMIZERS) {
    it(`layer statistics · ${optimizer} · layers of ${AWKWARD_SIZES.join(', ')} weights`, async () => {
      // Layers laid out as a plan lays them: weights back to back, then the biases.
      const counts = [...AWKWARD_SIZES];
      const weightCount = counts.reduce((sum, count) => sum + count, 0);
      const dense = counts.map((count, index) => ({ index, in: count, out: 1, weightOffset: counts.slice(0, index).reduce((sum, c) => sum + c, 0) }));
      const plan = { dense, weightCount, parameterCount: weightCount + counts.length } as unknown as NetworkPlan;
      const n = plan.parameterCount;
      const params = randomValues(n, 1);
      const grads = randomValues(n, 2, 0.3);
      const state = Float32Array.from({ length: 2 * n }, (_, i) => (i < n ? 0.1 * Math.sin(i) : 0.01 * (1 + Math.cos(i))));
      const settings: OptimizerSettings = { optimizer, learningRate: 0.05, momentum: 0.8, l1: 0.01, l2: 0.02 };
      const scalars = stepScalars(settings, 4);
      const uniform = harness.uniform(packSettings({ optimizer: OPTIMIZERS.indexOf(optimizer), parameterCount: n, weightCount, momentum: 0.8, l1: 0.01, l2: 0.02, ...ADAM }));
      const layers = harness.upload(Uint32Array.from(dense.flatMap((layer, l) => [layer.weightOffset, counts[l]])));
      const results = harness.upload(new Float32Array(3 * counts.length + 5).fill(NaN));
      const group = harness.kernels.layerStats.bind([uniform, harness.upload(params), harness.upload(grads), harness.upload(state), layers, results]);
      harness.run({ rows: 0, stepSize: scalars.stepSize, inverseSqrtCorrection2: scalars.inverseSqrtCorrection2 }, (pass) =>
        harness.kernels.layerStats.encode(pass, 'main', group, counts.length),
      );
      const measured = await harness.read(results);
      const expected = layerGradientStats(plan, Float64Array.from(params), Float64Array.from(grads), Float64Array.from(state), settings, scalars);
      expect(relativeError(measured.slice(0, 3 * counts.length), expected.flatMap((e) => [e.gradientNorm, e.weightNorm, e.updateNorm]))).toBeLessThan(1e-5);
      expect(measured.slice(3 * counts.length).every(Number.isNaN)).toBe(true);
    });
  }

  for (const [rows, width, classes] of [
    [1, 3, 2],
    [7, 1, 2],
    [65, 9, 3],
    [257, 4, 6],
    [300, 65, 2],
  ] as const) {
    it(`linear probe · ${rows} rows × ${width} columns · ${classes} classes`, async () => {
      const rng = createRng(rows + width);
      const inputs = Float32Array.from({ length: rows * width }, (_, i) => (i % width === width - 1 && width > 2 ? 3 : rng.uniform(-2, 2)));
      // Classes from a noisy linear rule, so that the fit is neither trivial nor hopeless.
      const labels = Float32Array.from({ length: rows }, (_, r) => {
        const score = inputs[r * width] + 0.3 * (rng.uniform(-1, 1) + (width > 1 ? inputs[r * width + 1] : 0));
        return Math.min(classes - 1, Math.max(0, Math.floor(((score + 2.6) / 5.2) * classes)));
      });
      const outputs = classes > 2 ? classes : 1;
      const scratch = { standard: 0, residuals: rows * width, weights: rows * width + rows * outputs, moments: rows * width + rows * outputs + outputs * (width + 1) };
      const size = scratch.moments + 2 * outputs * (width + 1);
      const iterations = 60;
      const uniform = harness.uniform(packProbe({ width, outputs, iterations, learningRate: 0.1, minDeviation: 1e-6, scratch }));
      const results = harness.upload(new Float32Array(8).fill(NaN));
      const group = harness.kernels.linearProbe.bind([uniform, harness.upload(inputs), harness.upload(labels), harness.upload(new Float32Array(size).fill(NaN)), results]);
      harness.run({ rows, resultSlot: 3 }, (pass) => harness.kernels.linearProbe.encode(pass, 'fit', group, 1));
      const measured = await harness.read(results);
      const expected = fitLinearProbe(inputs, rows, width, labels, classes, iterations, 0.1);
      // float32 against float64: a row on the boundary may fall either way.
      expect(Math.abs(measured[3] - expected)).toBeLessThanOrEqual(2 / rows + 1e-6);
      expect([...measured.slice(0, 3), ...measured.slice(4)].every(Number.isNaN)).toBe(true);
    });
  }
});

describe('the GPU trainer’s see-inside views against the CPU oracle', () => {
  let gpu: GpuDevice;
  beforeAll(async () => {
    gpu = await testGpu();
  });

  const cases: [string, Architecture, GpuTrainerOptions | 'tight'][] = [
    ['MLP, fused steps', 'mlp', {}],
    ['MLP, layer by layer', 'mlp', { steps: 'layered' }],
    ['ResNet', 'resnet', {}],
    ['MLP, everything in chunks', 'mlp', 'tight'],
  ];

  for (const [name, arch, choice] of cases) {
    it(`layer view of every slot, over the plane’s lines and the training points · ${name}`, async () => {
      const options = choice === 'tight' ? { limits: tight(gpu, 2048), steps: 'layered' as const } : choice;
      const { cpu, webgpu } = await both(gpu, setupFor(arch, { kind: 'classification', classes: 3 }, { dropout: 0.1 }), options);
      try {
        cpu.stepSync(12);
        await webgpu.step(12);
        for (const { slot, width } of viewableSlots(cpu.plan)) {
          const request = { layerView: { slot, lines: LINES, points: true } };
          const expected = cpu.stepSync(0, request).layerView!;
          const actual = (await webgpu.step(0, request)).layerView!;
          expect(actual.width).toBe(width);
          expect(relativeError(actual.lines, expected.lines), `slot ${slot}`).toBeLessThan(1e-4);
          expect(relativeError(actual.points!, expected.points!), `slot ${slot}`).toBeLessThan(1e-4);
        }
      } finally {
        webgpu.dispose();
      }
    });

    for (const optimizer of OPTIMIZERS as readonly OptimizerName[]) {
      it(`gradient flow in the same submit as the steps · ${optimizer} · ${name}`, async () => {
        const options = choice === 'tight' ? { limits: tight(gpu, 2048), steps: 'layered' as const } : choice;
        const setup = setupFor(arch, { kind: 'classification', classes: 2 }, { optimizer, dropout: 0.2, l1: 0.001, l2: 0.01, learningRate: 0.05 });
        const { cpu, webgpu } = await both(gpu, setup, options);
        try {
          for (const steps of [5, 3]) {
            const expected = cpu.stepSync(steps, { gradientFlow: true, metrics: true }).gradientFlow!;
            const actual = (await webgpu.step(steps, { gradientFlow: true, metrics: true })).gradientFlow!;
            expect(webgpu.lastCost.submits).toBe(1);
            expect(actual.map((a) => a.layer)).toEqual(expected.map((e) => e.layer));
            actual.forEach((a, l) => {
              const e = expected[l];
              expect(Math.abs(a.gradientNorm - e.gradientNorm) / e.gradientNorm, `layer ${l} gradient`).toBeLessThan(2e-3);
              expect(Math.abs(a.weightNorm - e.weightNorm) / e.weightNorm, `layer ${l} weights`).toBeLessThan(1e-4);
              expect(Math.abs(a.updateNorm - e.updateNorm) / e.updateNorm, `layer ${l} update`).toBeLessThan(2e-3);
            });
          }
          // Measuring took no step and counted no divergence.
          const after = await webgpu.step(0, { metrics: true });
          expect(after.step).toBe(8);
          expect(after.diverged).toBe(false);
        } finally {
          webgpu.dispose();
        }
      });
    }
  }

  for (const [name, task] of [
    ['two classes', { kind: 'classification', classes: 2 }],
    ['four classes', { kind: 'classification', classes: 4 }],
  ] as [string, Task][]) {
    for (const arch of ['mlp', 'resnet'] as const) {
      it(`linear separability of every slot · ${name} · ${arch}`, async () => {
        const { cpu, webgpu } = await both(gpu, setupFor(arch, task, { learningRate: 0.03 }));
        try {
          cpu.stepSync(40);
          await webgpu.step(40);
          const expected = cpu.separabilitySync()!;
          const actual = (await webgpu.separability())!;
          expect(actual.map((s) => s.slot)).toEqual(expected.map((s) => s.slot));
          // 42 training rows: a row on a boundary may fall either way in float32.
          actual.forEach((a, i) => expect(Math.abs(a.accuracy - expected[i].accuracy), `slot ${a.slot}`).toBeLessThanOrEqual(2 / 42 + 1e-6));
        } finally {
          webgpu.dispose();
        }
      });
    }
  }

  it('separability is not asked of regression', async () => {
    const webgpu = await GpuTrainer.create(gpu, setupFor('mlp', { kind: 'regression' }));
    expect(await webgpu.separability()).toBeNull();
    webgpu.dispose();
  });

  it('predictions go through the same evaluation and reuse their buffers', async () => {
    const { cpu, webgpu } = await both(gpu, setupFor('resnet', { kind: 'classification', classes: 3 }), { limits: tight(gpu, 2048) });
    try {
      const points = Float64Array.from({ length: 2 * 300 }, (_, i) => Math.sin(i) * 6);
      expect(relativeError(await webgpu.predict(points), await cpu.predict(points))).toBeLessThan(1e-4);
      const before = webgpu.lastCost;
      expect(relativeError(await webgpu.predict(points.subarray(0, 20)), await cpu.predict(points.subarray(0, 20)))).toBeLessThan(1e-4);
      expect(webgpu.lastCost).toBe(before);
    } finally {
      webgpu.dispose();
    }
  });
});

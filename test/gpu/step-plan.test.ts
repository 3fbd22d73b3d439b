import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { fitNormalization } from '../../src/core/features';
import { planeGrid } from '../../src/core/grid';
import { buildModelSpec, hiddenLayers, planNetwork } from '../../src/core/network';
import { createRng } from '../../src/core/rng';
import type { TrainerSetup } from '../../src/core/trainer';
import type { GpuDevice } from '../../src/gpu/device';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { FORWARD_THREADS, forwardRowsPerThreadFor } from '../../src/gpu/fusedForward';
import { GpuTrainer } from '../../src/gpu/gpuTrainer';
import { generateDataset } from '../../src/data/presets';
import { buffersCreatedDuring } from './harness';
import { testGpu } from './setup';

function setup(arch: 'mlp' | 'resnet', hidden: number[]): TrainerSetup {
  const rng = createRng(5);
  const n = 300;
  const points = Float64Array.from({ length: 2 * n }, () => rng.uniform(-6, 6));
  const labels = Float64Array.from({ length: n }, (_, i) => (points[2 * i] * points[2 * i + 1] > 0 ? 1 : 0));
  const dataset = { task: { kind: 'classification' as const, classes: 2 }, points, labels, isTest: Uint8Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : 0)) };
  const config = defaultConfig();
  return {
    spec: buildModelSpec({ ...config.model, arch, hidden, width: 16, blocks: 3 }, dataset.task),
    dataset,
    training: { ...config.training, batchSize: 32 },
    init: 'xavier',
  };
}

/** Counts the submits made on a device's queue while `body` runs. */
async function countSubmits(device: GPUDevice, body: () => Promise<unknown>): Promise<number> {
  const queue = device.queue;
  const submit = queue.submit.bind(queue);
  let submits = 0;
  queue.submit = (buffers: Iterable<GPUCommandBuffer>) => {
    submits++;
    return submit(buffers);
  };
  try {
    await body();
  } finally {
    queue.submit = submit;
  }
  return submits;
}

describe('the step plan: what one step and one frame cost', () => {
  let gpu: GpuDevice;
  beforeAll(async () => {
    gpu = await testGpu();
  });

  for (const [arch, hidden] of [
    ['mlp', [64, 64]],
    ['resnet', []],
  ] as const) {
    it(`${arch} ${hidden.join('×') || 'without hidden layers'}, layer by layer: 3 dispatches per dense layer, 2 more per step, one submit per call`, async () => {
      const trainer = await GpuTrainer.create(gpu, setup(arch, [...hidden]));
      expect(trainer.stepKernels.kind).toBe('layered');
      const layers = planNetwork(trainer.plan.spec).dense.length;
      // The first layer needs no input gradient; gather, loss and optimizer are the constant few.
      const expected = 3 * layers - 1 + 3;
      const submits = await countSubmits(gpu.device, () => trainer.step(20, { metrics: true, grid: planeGrid(40), neurons: planeGrid(8) }));
      expect(submits).toBe(1);
      expect(trainer.lastCost.submits).toBe(1);
      expect(trainer.lastCost.dispatchesPerStep).toBe(expected);
      const neuronFloats = hiddenLayers(trainer.plan).reduce((sum, layer) => sum + 64 * layer.out, 0);
      // Per-step losses, the status word, metric partial sums, the grid and the thumbnails: nothing else.
      expect(trainer.lastCost.bytesReadBack).toBe(4 * (20 + 1 + 2 * 2 + 40 * 40 + neuronFloats));
      trainer.dispose();
    });
  }

  for (const hidden of [[8, 8], [], [16, 16, 16, 16, 16]]) {
    it(`mlp ${hidden.join('×') || 'without hidden layers'}, fused: one dispatch for all the steps of a call, one submit, the same read-back`, async () => {
      const trainer = await GpuTrainer.create(gpu, setup('mlp', hidden));
      expect(trainer.stepKernels.kind).toBe('fused');
      const submits = await countSubmits(gpu.device, () => trainer.step(20, { metrics: true, grid: planeGrid(40), neurons: planeGrid(8) }));
      expect(submits).toBe(1);
      expect(trainer.lastCost.submits).toBe(1);
      expect(trainer.lastCost.dispatchesPerStep).toBe(1 / 20);
      const neuronFloats = hiddenLayers(trainer.plan).reduce((sum, layer) => sum + 64 * layer.out, 0);
      // The fused forward kernel sums the metrics per workgroup (64 threads, each taking forwardRowsPerThreadFor the adapter's rows); layer by layer, per split.
      const perGroup = FORWARD_THREADS * forwardRowsPerThreadFor(gpu);
      const metricFloats = trainer.evaluationKernels.kind === 'fused' ? 2 * (Math.ceil(240 / perGroup) + Math.ceil(60 / perGroup)) : 2 * 2;
      expect(trainer.lastCost.bytesReadBack).toBe(4 * (20 + 1 + metricFloats + 40 * 40 + neuronFloats));
      trainer.dispose();
    });
  }

  it('the default experiment takes at most 2 dispatches per step (it took 11 layer by layer), one step per call included', async () => {
    const config = defaultConfig();
    const dataset = generateDataset(config.data);
    const spec = buildModelSpec(config.model, dataset.task, fitNormalization(dataset.points, config.model.features));
    const trainer = await GpuTrainer.create(gpu, { spec, dataset, training: config.training, init: config.model.init });
    const layered = await GpuTrainer.create(gpu, { spec, dataset, training: config.training, init: config.model.init }, { steps: 'layered' });
    try {
      expect(trainer.stepKernels.kind).toBe('fused');
      for (const k of [1, 20]) {
        await trainer.step(k, { metrics: true });
        await layered.step(k, { metrics: true });
        expect(trainer.lastCost.dispatchesPerStep).toBe(1 / k);
        expect(trainer.lastCost.dispatchesPerStep).toBeLessThanOrEqual(2);
        expect(layered.lastCost.dispatchesPerStep).toBe(11);
      }
    } finally {
      trainer.dispose();
      layered.dispose();
    }
  });

  it('a network the fused kernel cannot take trains layer by layer and says why', async () => {
    const wide = await GpuTrainer.create(gpu, setup('mlp', [65]));
    expect(wide.stepKernels).toEqual({ kind: 'layered', reason: 'a layer is 65 wide (the fused kernel takes at most 64)' });
    wide.dispose();
    const { maxBufferSize, maxComputeWorkgroupsPerDimension } = gpu.device.limits;
    const tight = { maxBufferSize, maxComputeWorkgroupsPerDimension, maxStorageBufferBindingSize: 16 << 10 } as GPUSupportedLimits;
    const squeezed = await GpuTrainer.create(gpu, setup('mlp', [8, 8]), { limits: tight });
    expect(squeezed.stepKernels.kind).toBe('layered');
    expect((squeezed.stepKernels as { reason: string }).reason).toMatch(/more than a buffer may hold \(16384\)/);
    squeezed.dispose();
  });

  it('steps allocate no GPU buffers once the plan is built', async () => {
    const trainer = await GpuTrainer.create(gpu, setup('mlp', [8, 8]));
    await trainer.step(10, { metrics: true, grid: planeGrid(32) });
    const created = await buffersCreatedDuring(gpu.device, async () => {
      for (let frame = 0; frame < 5; frame++) await trainer.step(10, { metrics: true, grid: planeGrid(32) });
    });
    expect(created).toBe(0);
    trainer.dispose();
  });

  it('predict gives the CPU engine\'s outputs, and a second call allocates nothing', async () => {
    const trained = setup('mlp', [8, 8]);
    const trainer = await GpuTrainer.create(gpu, trained);
    const cpu = new CpuTrainer(trained);
    await trainer.step(30);
    cpu.stepSync(30);
    const rng = createRng(9);
    const points = Float64Array.from({ length: 2 * 1000 }, () => rng.uniform(-6, 6));
    const [expected, actual] = [await cpu.predict(points), await trainer.predict(points)];
    expect(actual.length).toBe(1000);
    expect(Math.max(...actual.map((p, i) => Math.abs(p - expected[i])))).toBeLessThan(1e-4);
    let fewer: Float32Array = new Float32Array(0);
    const created = await buffersCreatedDuring(gpu.device, async () => (fewer = await trainer.predict(points.subarray(0, 1000))));
    expect(fewer).toEqual(actual.subarray(0, 500));
    expect(created).toBe(0);
    trainer.dispose();
  });

  it('rejects more steps than one submit holds', async () => {
    const trainer = await GpuTrainer.create(gpu, setup('mlp', [4]));
    await expect(trainer.step(5000)).rejects.toThrow(/step count must be a whole number in \[0, 4096\]/);
    trainer.dispose();
  });
});

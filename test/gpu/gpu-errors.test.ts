import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../../src/core/config';
import { splitDataset } from '../../src/core/dataset';
import { fitNormalization } from '../../src/core/features';
import { buildModelSpec, planNetwork } from '../../src/core/network';
import { layoutArena } from '../../src/gpu/forwardPlan';
import type { TrainerSetup } from '../../src/core/trainer';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { generateDataset } from '../../src/data/presets';
import { planCapacity } from '../../src/gpu/capacity';
import type { GpuDevice } from '../../src/gpu/device';
import { formatBytes } from '../../src/gpu/errors';
import { GpuCapacityError, GpuError, GpuTrainer } from '../../src/gpu/gpuTrainer';
import { buffersCreatedDuring } from './harness';
import { takeUncapturedErrors, testGpu } from './setup';

type Patch = { data?: Partial<ExperimentConfig['data']>; model?: Partial<ExperimentConfig['model']>; training?: Partial<ExperimentConfig['training']> };

/** What `descent train` builds from its flags (features standardised on the training split). */
function experiment(patch: Patch): TrainerSetup {
  const config = defaultConfig();
  const data = { ...config.data, ...patch.data };
  const model = { ...config.model, ...patch.model };
  const dataset = generateDataset(data);
  const normalization = fitNormalization(splitDataset(dataset, 'train').points, model.features);
  return { spec: buildModelSpec(model, dataset.task, normalization), dataset, training: { ...config.training, ...patch.training }, init: model.init };
}

/** The layout of `descent train --points 30000 --train-fraction 1 --batch-size all --hidden 1024,16,…` (16 layers). */
const WIDE_AND_DEEP = Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? 1024 : 16));


/** The device's limits, with storage bindings of at most `bytes` (its limits object is native: spreading it copies nothing). */
function tighterLimits(device: GPUDevice, bytes: number): GPUSupportedLimits {
  const { maxBufferSize, maxComputeWorkgroupsPerDimension } = device.limits;
  return { maxBufferSize, maxComputeWorkgroupsPerDimension, maxStorageBufferBindingSize: bytes } as GPUSupportedLimits;
}

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

describe('the limits of the GPU, checked before anything is built', () => {
  const oneGigabyte = { maxBufferSize: 2 ** 30, maxStorageBufferBindingSize: 2 ** 30, maxComputeWorkgroupsPerDimension: 65535 } as GPUSupportedLimits;

  it('cuts one minibatch of 30,000 rows through sixteen layers up to 1024 wide into chunks that fit', () => {
    const plan = planNetwork(experiment({ data: { points: 30_000, trainFraction: 1 }, model: { hidden: WIDE_AND_DEEP } }).spec);
    // The whole minibatch would need 1.9 GB of activations; this GPU allows 1 GB.
    expect(layoutArena(plan, 30_000, true).floats * 4).toBeGreaterThan(1.8 * 2 ** 30);
    const { trainRows } = planCapacity(oneGigabyte, { plan, trainCount: 30_000, testCount: 0, batchSize: 30_000 });
    expect(trainRows).toBeGreaterThan(10_000);
    expect(trainRows).toBeLessThan(30_000);
    expect(layoutArena(plan, trainRows, true).floats * 4).toBeLessThanOrEqual(2 ** 30);
    expect(layoutArena(plan, trainRows + 1, true).floats * 4).toBeGreaterThan(2 ** 30);
  });

  it('refuses what cannot be cut, with the sizes in plain words', () => {
    const plan = planNetwork(experiment({ model: { hidden: [1024, 1024] } }).spec);
    const small = { ...oneGigabyte, maxStorageBufferBindingSize: 2 ** 20 } as GPUSupportedLimits;
    const refuse = () => planCapacity(small, { plan, trainCount: 350, testCount: 150, batchSize: 16 });
    expect(refuse).toThrow(GpuCapacityError);
    expect(refuse).toThrow('This network and data need a 4 MB buffer for the parameters; this GPU allows 1 MB. Use fewer or narrower layers, or run on the CPU.');
  });

  it('cuts evaluation into chunks that fit a small binding limit', () => {
    const plan = planNetwork(experiment({ model: { hidden: [256, 256] } }).spec);
    const small = { ...oneGigabyte, maxStorageBufferBindingSize: 2 ** 20 } as GPUSupportedLimits;
    const { evalRows } = planCapacity(small, { plan, trainCount: 350, testCount: 150, batchSize: 16 });
    // A row holds 2 features, 256 + 256 hidden activations, the logit and its label: about 2 KB.
    expect(evalRows).toBeGreaterThan(400);
    expect(evalRows * (2 + 256 + 256 + 1 + 1) * 4).toBeLessThanOrEqual(2 ** 20);
  });

  it('refuses a dispatch wider than the device allows', () => {
    const plan = planNetwork(experiment({}).spec);
    const narrow = { ...oneGigabyte, maxComputeWorkgroupsPerDimension: 100 } as GPUSupportedLimits;
    expect(() => planCapacity(narrow, { plan, trainCount: 5000, testCount: 0, batchSize: 5000 })).toThrow(
      'This network and data need 313 workgroups in one dispatch; this GPU allows 100.',
    );
  });

  it('writes sizes as a person reads them', () => {
    expect([formatBytes(1_997_400_000), formatBytes(2 ** 30), formatBytes(128 * 2 ** 20), formatBytes(1536), formatBytes(12)]).toEqual(['1.9 GB', '1 GB', '128 MB', '1.5 KB', '12 bytes']);
  });
});

describe('WebGPU errors fail the call with their reason (on Dawn)', () => {
  let gpu: GpuDevice;
  beforeAll(async () => {
    gpu = await testGpu();
  });

  it('a layout too big for this GPU is refused before any buffer is allocated', async () => {
    const setup = experiment({ model: { hidden: [1024, 1024] } });
    const small = tighterLimits(gpu.device, 2 ** 20);
    let refusal: unknown = null;
    const created = await buffersCreatedDuring(gpu.device, () => GpuTrainer.create(gpu, setup, { limits: small }).catch((error: unknown) => (refusal = error)));
    expect(refusal).toBeInstanceOf(GpuCapacityError);
    expect((refusal as Error).message).toBe('This network and data need a 4 MB buffer for the parameters; this GPU allows 1 MB. Use fewer or narrower layers, or run on the CPU.');
    expect(created).toBe(0);
  });

  for (const arch of ['mlp', 'resnet'] as const) {
    it(`${arch}: a minibatch too big for the arena is trained in chunks whose gradients add up, as on the CPU (Adam, dropout)`, async () => {
      const setup = experiment({ model: { arch, hidden: [8, 8], width: 8, blocks: 1 }, training: { batchSize: 'all', dropout: 0.2 } });
      // 16 KB of activations hold about a hundred rows: each step of 350 rows takes four chunks.
      const tight = tighterLimits(gpu.device, 16 << 10);
      const cpu = new CpuTrainer(setup);
      // Both layer by layer: the fused kernel takes no chunks (and its arena would not fit these limits).
      const whole = await GpuTrainer.create(gpu, setup, { steps: 'layered' });
      const chunked = await GpuTrainer.create(gpu, setup, { limits: tight, steps: 'layered' });
      try {
        for (let call = 0; call < 3; call++) {
          const onCpu = cpu.stepSync(10, { metrics: true });
          const [onWhole, onChunked] = [await whole.step(10), await chunked.step(10, { metrics: true })];
          expect(chunked.lastCost.dispatchesPerStep).toBeGreaterThan(2 * whole.lastCost.dispatchesPerStep);
          expect(relative(onChunked.loss, onCpu.loss)).toBeLessThan(5e-5);
          expect(relative(onChunked.loss, onWhole.loss)).toBeLessThan(5e-5);
          expect(relative(onChunked.metrics!.train.loss, onCpu.metrics!.train.loss)).toBeLessThan(5e-5);
        }
        const [a, b] = [await cpu.getParameters(), await chunked.getParameters()];
        expect(Math.max(...a.map((w, i) => Math.abs(w - b[i]))) / Math.max(...a.map(Math.abs))).toBeLessThan(5e-5);
      } finally {
        whole.dispose();
        chunked.dispose();
      }
    });
  }

  it('full-batch steps whose indices do not fit one upload are split into submits, and train as on the CPU', async () => {
    const setup = experiment({ data: { points: 2000, trainFraction: 1 }, model: { hidden: [4] }, training: { batchSize: 'all', optimizer: 'sgd', learningRate: 0.1 } });
    const cpu = new CpuTrainer(setup);
    const webgpu = await GpuTrainer.create(gpu, setup);
    try {
      // 2000 rows × 4 bytes a step: 32 steps fill the 256 KB upload, so 70 steps take three submits.
      const [onCpu, onGpu] = [cpu.stepSync(70, { metrics: true }), await webgpu.step(70, { metrics: true })];
      expect(webgpu.lastCost.submits).toBe(3);
      expect(onGpu.step).toBe(70);
      expect(relative(onGpu.loss, onCpu.loss)).toBeLessThan(5e-5);
      expect(relative(onGpu.metrics!.train.loss, onCpu.metrics!.train.loss)).toBeLessThan(5e-5);
    } finally {
      webgpu.dispose();
    }
  });

  it('a validation error in a step rejects it with the reason, and every later call too; it is not a divergence', async () => {
    const webgpu = await GpuTrainer.create(gpu, experiment({}));
    await webgpu.step(10);
    // Break the trainer's own work: its parameters are gone from the GPU.
    (webgpu as unknown as { model: { params: GPUBuffer } }).model.params.destroy();
    const failure = webgpu.step(10, { metrics: true });
    await expect(failure).rejects.toBeInstanceOf(GpuError);
    await expect(failure).rejects.toThrow(/^WebGPU validation error: .*params/s);
    await expect(webgpu.step(1)).rejects.toBeInstanceOf(GpuError);
    await expect(webgpu.getParameters()).rejects.toBeInstanceOf(GpuError);
    webgpu.dispose();
  });

  it('an error WebGPU reports outside any call rejects the next step with its message', async () => {
    const webgpu = await GpuTrainer.create(gpu, experiment({}));
    await webgpu.step(10);
    const handled: boolean[] = [];
    const afterTheTrainers = (event: Event) => handled.push(event.defaultPrevented);
    gpu.device.addEventListener('uncapturederror', afterTheTrainers);
    // A mappable storage buffer is invalid; nobody catches the error, so the device reports it.
    gpu.device.createBuffer({ label: 'injected', size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.STORAGE });
    expect((await takeUncapturedErrors()).join('\n')).toMatch(/injected/);
    gpu.device.removeEventListener('uncapturederror', afterTheTrainers);
    // Taken over (Dawn in Node would otherwise print it on stdout), to be reported by the trainer.
    expect(handled).toEqual([true]);
    await expect(webgpu.step(10)).rejects.toThrow(/^WebGPU validation error: .*injected/s);
    webgpu.dispose();
    // A trainer built afterwards is not blamed for it.
    const next = await GpuTrainer.create(gpu, experiment({}));
    expect((await next.step(5)).step).toBe(5);
    next.dispose();
  });
});

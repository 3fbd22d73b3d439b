import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { fitNormalization } from '../../src/core/features';
import { buildModelSpec } from '../../src/core/network';
import type { TrainerSetup } from '../../src/core/trainer';
import { generateDataset } from '../../src/data/presets';
import type { GpuDevice } from '../../src/gpu/device';
import { GpuTrainer } from '../../src/gpu/gpuTrainer';
import { testGpu } from './setup';

const collect = (globalThis as { gc?: () => void }).gc;

/** Collects garbage until the heap settles (WeakRefs are cleared between jobs, hence the waits). */
async function settledHeap(): Promise<number> {
  for (let round = 0; round < 4; round++) {
    collect!();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return process.memoryUsage().heapUsed;
}

/** The default experiment, with the learning rate and layers a settings change would give. */
function defaultSetup(change: number): TrainerSetup {
  const config = defaultConfig();
  const dataset = generateDataset(config.data);
  const model = { ...config.model, hidden: change % 2 === 0 ? [8, 8] : [8, 8, 4] };
  const spec = buildModelSpec(model, dataset.task, fitNormalization(dataset.points, model.features));
  return { spec, dataset, training: { ...config.training, learningRate: 0.01 * (1 + (change % 3)) }, init: model.init };
}

describe('a disposed GpuTrainer', () => {
  let gpu: GpuDevice;
  beforeAll(async () => {
    gpu = await testGpu();
  });

  it('is collected: 200 rebuilds (build, train a frame, dispose) leave no trainer alive and the heap flat', async () => {
    expect(collect, 'the gpu test project runs Node with --expose-gc').toBeTypeOf('function');
    const rebuild = async (change: number): Promise<WeakRef<GpuTrainer>> => {
      const trainer = await GpuTrainer.create(gpu, defaultSetup(change));
      await trainer.step(5, { metrics: true });
      trainer.dispose();
      return new WeakRef(trainer);
    };
    for (let change = 0; change < 20; change++) await rebuild(change);
    const before = await settledHeap();
    const disposed: WeakRef<GpuTrainer>[] = [];
    for (let change = 0; change < 200; change++) disposed.push(await rebuild(change));
    const after = await settledHeap();
    const alive = disposed.filter((ref) => ref.deref() !== undefined).length;
    console.info(`heap ${(before / 1e6).toFixed(2)} MB → ${(after / 1e6).toFixed(2)} MB over 200 rebuilds; ${alive} of 200 trainers alive`);
    expect(alive).toBe(0);
    // A leaked trainer costs tens of kilobytes; 200 of them would add megabytes.
    expect(after - before).toBeLessThan(500_000);
  });
});

import { defaultConfig } from '../core/config';
import { fitNormalization } from '../core/features';
import { buildModelSpec } from '../core/network';
import type { TrainerSetup } from '../core/trainer';
import { generateDataset } from '../data/presets';
import { BatchedGpuTrainer } from '../gpu/batchedTrainer';
import type { GpuDevice } from '../gpu/device';
import { GpuTrainer } from '../gpu/gpuTrainer';
import { timed, type Measurement } from './measurement';
import type { Workload } from './workloads';

/**
 * The `sweep` workloads: `runs` runs of the default experiment (the circle, 500 points,
 * 2-[8,8]-1 tanh, Adam, batch 16), seeds 1…runs, trained at once by one BatchedGpuTrainer,
 * against one of them trained alone by a GpuTrainer on the same adapter, measured side by side.
 */

/** The implementation names of the two sides (the report keys rates by them). */
export const SWEEP_BATCHED = 'descent-webgpu-batched';
export const SWEEP_SINGLE = 'descent-webgpu';

/** The default experiment with seed `seed`: what a sweep over seeds trains. */
export function sweepSetup(seed: number): TrainerSetup {
  const config = defaultConfig();
  const dataset = generateDataset(config.data);
  const spec = buildModelSpec(config.model, dataset.task, fitNormalization(dataset.points, config.model.features));
  return { spec, dataset, training: { ...config.training, seed }, init: config.model.init };
}

/** Samples per second of `calls` calls of `steps` steps after one warm-up call; `rowsPerStep` rows each step. */
async function samplesPerSecond(call: () => Promise<unknown>, calls: number, rowsPerStep: number, steps: number): Promise<number> {
  await call();
  const { seconds } = await timed(async () => {
    for (let i = 0; i < calls; i++) await call();
  });
  return (rowsPerStep * steps * calls) / seconds;
}

/**
 * Both sides of a sweep workload, best of `rounds` alternating rounds so that both meet the same
 * load on the machine: [batched, single]. The batched measurement carries the ratio and its
 * dispatches per step (one dispatch per call, whatever the runs).
 */
export async function runSweep(gpu: GpuDevice, workload: Workload, rounds = 3): Promise<[Measurement, Measurement]> {
  const runs = workload.runs ?? 1;
  const setups = Array.from({ length: runs }, (_, i) => sweepSetup(i + 1));
  const batchRows = setups[0].training.batchSize as number;
  const group = await BatchedGpuTrainer.create(gpu, setups);
  const single = await GpuTrainer.create(gpu, setups[0]);
  try {
    if (single.stepKernels.kind !== 'fused') throw new Error(`the default experiment does not take the fused kernel (${single.stepKernels.reason})`);
    let batchedRate = 0;
    let singleRate = 0;
    let batchedLoss = NaN;
    let singleLoss = NaN;
    for (let round = 0; round < rounds; round++) {
      singleRate = Math.max(singleRate, await samplesPerSecond(async () => (singleLoss = (await single.step(workload.steps)).loss), workload.repeats, batchRows, workload.steps));
      const callGroup = async () => (batchedLoss = Math.max(...(await group.step(workload.steps)).map((run) => run.loss)));
      batchedRate = Math.max(batchedRate, await samplesPerSecond(callGroup, workload.repeats, runs * batchRows, workload.steps));
    }
    const batched: Measurement = {
      implementation: SWEEP_BATCHED,
      workload: workload.id,
      seconds: (runs * batchRows * workload.steps * workload.repeats) / batchedRate,
      samplesPerSecond: batchedRate,
      dispatchesPerStep: group.lastCost.dispatchesPerStep,
      submitsPerFrame: group.lastCost.submits,
      singleRunRatio: batchedRate / singleRate,
      // The worst run's last loss: a sanity check that every run trained.
      loss: batchedLoss,
    };
    const alone: Measurement = {
      implementation: SWEEP_SINGLE,
      workload: workload.id,
      seconds: (batchRows * workload.steps * workload.repeats) / singleRate,
      samplesPerSecond: singleRate,
      dispatchesPerStep: single.lastCost.dispatchesPerStep,
      submitsPerFrame: single.lastCost.submits,
      loss: singleLoss,
    };
    return [batched, alone];
  } finally {
    group.dispose();
    single.dispose();
  }
}

/** "batched 41200 samples/s, one run 5100 samples/s: 8.1×" for the log. */
export function formatSweep(batched: Measurement, single: Measurement): string {
  return `batched ${Math.round(batched.samplesPerSecond)} samples/s, one run ${Math.round(single.samplesPerSecond)} samples/s: ${batched.singleRunRatio!.toFixed(1)}×`;
}

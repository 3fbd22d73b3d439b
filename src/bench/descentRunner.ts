import { planeGrid } from '../core/grid';
import { PLAYGROUND_LINES } from '../core/layerView';
import { hiddenLayers } from '../core/network';
import type { Dataset } from '../core/dataset';
import type { ObserveRequest, Trainer, TrainerSetup } from '../core/trainer';
import { GpuTrainer } from '../gpu/gpuTrainer';
import { timed, type Measurement } from './measurement';
import { workloadSamples, workloadSetup, type Workload } from './workloads';

/** Runs one workload on a Descent trainer: a warm-up call, then the timed calls, each read back. */
export async function runDescent(
  implementation: string,
  workload: Workload,
  dataset: Dataset,
  createTrainer: (setup: TrainerSetup) => Promise<Trainer>,
): Promise<Measurement> {
  const trainer = await createTrainer(workloadSetup(workload, dataset));
  try {
    const grid = planeGrid(workload.grid);
    const hidden = hiddenLayers(trainer.plan);
    const observe: ObserveRequest = workload.views
      ? { grid, layerView: { slot: hidden[hidden.length - 1].output, lines: PLAYGROUND_LINES, points: true }, gradientFlow: true }
      : { grid };
    // Warm-up: compiles pipelines and touches every buffer once.
    if (workload.kind === 'grid') await trainer.step(0, { grid });
    else await trainer.step(Math.min(workload.steps, 2), workload.kind === 'frame' ? observe : {});
    if (workload.views) await trainer.separability();
    const { seconds, result: loss } = await timed(async () => {
      if (workload.kind === 'train') return (await trainer.step(workload.steps)).loss;
      let last = NaN;
      for (let r = 0; r < workload.repeats; r++) {
        const observation = await trainer.step(workload.kind === 'frame' ? workload.steps : 0, observe);
        if (workload.views && r === 0) await trainer.separability();
        last = observation.loss;
      }
      return last;
    });
    const measurement: Measurement = { implementation, workload: workload.id, seconds, samplesPerSecond: workloadSamples(workload) / seconds, loss };
    if (trainer instanceof GpuTrainer) {
      measurement.dispatchesPerStep = trainer.lastCost.dispatchesPerStep || undefined;
      measurement.submitsPerFrame = trainer.lastCost.submits;
      measurement.bytesReadBackPerFrame = trainer.lastCost.bytesReadBack;
    }
    return measurement;
  } finally {
    trainer.dispose();
  }
}

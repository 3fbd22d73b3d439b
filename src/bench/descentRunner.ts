import { planeGrid } from '../core/grid';
import { PLAYGROUND_LINES } from '../core/layerView';
import { hiddenLayers } from '../core/network';
import type { Dataset } from '../core/dataset';
import type { ObserveRequest, Trainer, TrainerSetup } from '../core/trainer';
import { GpuTrainer } from '../gpu/gpuTrainer';
import { timed, type Measurement } from './measurement';
import { VIEWS_CADENCE, workloadSamples, workloadSetup, type Workload } from './workloads';

/**
 * Runs one workload on a Descent trainer: a warm-up call, then the timed calls, each read back.
 * With the see-inside views, frames ask for the layer view and gradient flow at the page's
 * cadence (every VIEWS_CADENCE.viewEvery frames), and linear separability, which the page refits
 * once per VIEWS_CADENCE.separabilityEvery frames, is timed on its own and charged at that rate.
 */
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
    const plain: ObserveRequest = { grid };
    const views: ObserveRequest = workload.views ? { grid, layerView: { slot: hidden[hidden.length - 1].output, lines: PLAYGROUND_LINES, points: true }, gradientFlow: true } : plain;
    // Warm-up: compiles pipelines and touches every buffer once.
    if (workload.kind === 'grid') await trainer.step(0, { grid });
    else await trainer.step(Math.min(workload.steps, 2), workload.kind === 'frame' ? views : {});
    if (workload.views) await trainer.separability();
    const { seconds: framesSeconds, result: loss } = await timed(async () => {
      if (workload.kind === 'train') return (await trainer.step(workload.steps)).loss;
      let last = NaN;
      for (let r = 0; r < workload.repeats; r++) {
        const observe = r % VIEWS_CADENCE.viewEvery === 0 ? views : plain;
        const observation = await trainer.step(workload.kind === 'frame' ? workload.steps : 0, observe);
        last = observation.loss;
      }
      return last;
    });
    const separability = workload.views ? (await timed(() => trainer.separability())).seconds * (workload.repeats / VIEWS_CADENCE.separabilityEvery) : 0;
    const seconds = framesSeconds + separability;
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

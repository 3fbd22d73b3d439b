import { stepSeed } from '../core/dropout';
import { scheduledStepScalars } from '../core/optimizer';
import type { LiveSettings } from '../core/trainer';
import type { ForwardPlan } from './forwardPlan';
import type { KernelSet } from './kernels/kernelSet';
import type { PassRecorder } from './passRecorder';
import type { PassUniforms } from './passUniforms';

/** One chunk of a step: its pass uniform's dynamic offset and its rows (a step is one chunk unless its minibatch is too big for the arena). */
export interface StepChunk {
  offset: number;
  rows: number;
}

/** Where a step's minibatch is read, and what it trains with. */
export interface StepPlace {
  step: number;
  batchRows: number;
  /** The step's first index in the batch-indices buffer. */
  indexBase: number;
  trainingSeed: number;
  settings: LiveSettings;
  /** Where its loss is written, for a step of a call. */
  resultSlot?: number;
}

/** Adds the pass uniforms of one step, one per chunk of at most `chunkRows` rows, each with the step's dropout seed and scheduled optimizer scalars. */
export function addStepChunks(passes: PassUniforms, place: StepPlace, chunkRows: number): StepChunk[] {
  const { step, batchRows, settings } = place;
  const scalars = scheduledStepScalars(settings, step);
  const chunks: StepChunk[] = [];
  for (let first = 0; first < batchRows; first += chunkRows) {
    const rows = Math.min(chunkRows, batchRows - first);
    const offset = passes.add({
      rows,
      batchRows,
      firstRow: first,
      indexOffset: place.indexBase + first,
      stepSeed: stepSeed(place.trainingSeed, step),
      resultSlot: place.resultSlot,
      stepSize: scalars.stepSize,
      inverseSqrtCorrection2: scalars.inverseSqrtCorrection2,
      dropoutRate: settings.dropout,
    });
    chunks.push({ offset, rows });
  }
  return chunks;
}

/** The bind groups a backward pass reads its minibatch through and writes its loss with. */
export interface BackpropGroups {
  gather: GPUBindGroup;
  loss: GPUBindGroup;
}

/** Per chunk of a step: gather, forward, loss and backward (the gradients of later chunks adding to the first's). */
export function encodeBackprop(pass: PassRecorder, passGroup: GPUBindGroup, chunks: StepChunk[], kernels: KernelSet, trainPlan: ForwardPlan, groups: BackpropGroups): void {
  for (const { offset, rows } of chunks) {
    pass.setBindGroup(1, passGroup, [offset]);
    kernels.gather.encode(pass, 'main', groups.gather, trainPlan.inputWorkgroups(rows));
    trainPlan.encodeForward(pass, rows);
    kernels.loss.encode(pass, 'train_loss', groups.loss, 1);
    trainPlan.encodeBackward(pass, rows);
  }
}

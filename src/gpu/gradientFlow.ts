import type { NetworkPlan } from '../core/network';
import type { MinibatchSchedule } from '../core/schedule';
import type { LayerGradient, LiveSettings } from '../core/trainer';
import { createStorageBuffer, uploadBuffer } from './arena';
import type { ForwardPlan } from './forwardPlan';
import type { KernelSet } from './kernels/kernelSet';
import type { ModelBuffers } from './modelBuffers';
import type { PassRecorder } from './passRecorder';
import type { PassUniforms } from './passUniforms';
import type { SplitBuffers } from './splitBuffers';
import { addStepChunks, encodeBackprop, type BackpropGroups, type StepChunk } from './stepChunks';

/**
 * The gradient flow of a GPU trainer, recorded in the same compute pass as the steps: the next
 * step's minibatch (with its dropout) forward and backward through the training arena, the
 * gradient left in the trainer's gradient buffer, then shaders/layer_stats.wgsl per dense layer.
 * Its loss goes to a scratch buffer and status word of its own, so that measuring never counts
 * as a step or a divergence. Twin: CpuTrainer's gradientFlow.
 */
export class GradientFlow {
  private readonly indices: GPUBuffer;
  private readonly groups: BackpropGroups;
  private readonly statsGroup: GPUBindGroup;
  private readonly results: GPUBuffer;
  private readonly owned: GPUBuffer[];

  constructor(
    private readonly device: GPUDevice,
    private readonly kernels: KernelSet,
    private readonly plan: NetworkPlan,
    private readonly trainPlan: ForwardPlan,
    model: ModelBuffers,
    train: SplitBuffers,
    lossUniform: GPUBuffer,
    private readonly batchSize: number,
  ) {
    this.indices = createStorageBuffer(device, batchSize * 4, 'gradient flow: batch indices');
    const lossScratch = createStorageBuffer(device, 4, 'gradient flow: loss');
    const statusScratch = createStorageBuffer(device, 4, 'gradient flow: status');
    const layers = uploadBuffer(device, Uint32Array.from(plan.dense.flatMap((layer) => [layer.weightOffset, layer.in * layer.out])), 'gradient flow: layers');
    this.results = createStorageBuffer(device, 3 * plan.dense.length * 4, 'gradient flow');
    this.owned = [this.indices, lossScratch, statusScratch, layers, this.results];
    this.groups = {
      gather: kernels.gather.bind([trainPlan.gather, trainPlan.arena, train.features, train.labels, this.indices]),
      loss: kernels.loss.bind([lossUniform, trainPlan.arena, lossScratch, statusScratch]),
    };
    this.statsGroup = kernels.layerStats.bind([model.settings, model.params, model.grads, model.state, layers, this.results]);
  }

  /** Floats the results take in a staging buffer. */
  get floats(): number {
    return 3 * this.plan.dense.length;
  }

  /** Writes the minibatch of `step` and adds its passes (one per chunk of `chunkRows`), which carry step + 1's optimizer scalars. */
  prepare(passes: PassUniforms, schedule: MinibatchSchedule, trainingSeed: number, settings: LiveSettings, step: number, chunkRows: number): StepChunk[] {
    const batch = schedule.batch(step);
    this.device.queue.writeBuffer(this.indices, 0, batch.slice(0, this.batchSize));
    return addStepChunks(passes, { step, batchRows: batch.length, indexBase: 0, trainingSeed, settings }, chunkRows);
  }

  /** Records the forward and backward passes and the per-layer sums into the call's open compute pass. */
  encode(pass: PassRecorder, passGroup: GPUBindGroup, chunks: StepChunk[]): void {
    encodeBackprop(pass, passGroup, chunks, this.kernels, this.trainPlan, this.groups);
    pass.setBindGroup(1, passGroup, [chunks[0].offset]);
    this.kernels.layerStats.encode(pass, 'main', this.statsGroup, this.plan.dense.length);
  }

  /** After the pass: the results into `staging` at float `at`. */
  encodeCopy(encoder: GPUCommandEncoder, staging: GPUBuffer, at: number): void {
    encoder.copyBufferToBuffer(this.results, 0, staging, at * 4, this.floats * 4);
  }

  read(floats: Float32Array, at: number): LayerGradient[] {
    return this.plan.dense.map((layer, l) => ({
      layer: layer.index,
      gradientNorm: floats[at + 3 * l],
      weightNorm: floats[at + 3 * l + 1],
      updateNorm: floats[at + 3 * l + 2],
    }));
  }

  destroy(): void {
    for (const buffer of this.owned) buffer.destroy();
  }
}

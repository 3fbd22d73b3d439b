import { probeRows, PROBE_ITERATIONS, PROBE_LEARNING_RATE, PROBE_MIN_DEVIATION, viewableSlots, type ViewableSlot } from '../core/layerView';
import type { NetworkPlan } from '../core/network';
import type { LayerSeparability } from '../core/trainer';
import { ArenaLayout, createStorageBuffer, uniformBuffer, uploadBuffer } from './arena';
import type { Chunk, ChunkInput, Evaluation } from './evaluation';
import type { KernelSet } from './kernels/kernelSet';
import type { PassUniforms } from './passUniforms';
import type { SplitBuffers } from './splitBuffers';
import { packProbe } from './uniforms';

/** The passes of one separability call: the probe rows' chunks (shared by every slot) and each slot's fit. */
export interface PreparedProbe {
  chunks: Chunk[];
  fits: number[];
}

/**
 * Linear separability on the GPU: for each viewable slot in turn, the probe rows of the training
 * split go through the Evaluation with their activations copied out of the arena, and
 * shaders/linear_probe.wgsl fits a linear classifier to them in one workgroup. Every slot is
 * fitted in one submit; the trainer owns the read-back.
 */
export class LinearProbe {
  private readonly slots: ViewableSlot[];
  private readonly rows: number;
  private readonly input: ChunkInput;
  private readonly inputs: GPUBuffer;
  private readonly labels: GPUBuffer;
  private readonly results: GPUBuffer;
  private readonly groups: GPUBindGroup[];
  private readonly owned: GPUBuffer[];

  constructor(
    device: GPUDevice,
    private readonly kernels: KernelSet,
    plan: NetworkPlan,
    private readonly evaluation: Evaluation,
    train: SplitBuffers,
    classes: number,
  ) {
    this.slots = viewableSlots(plan);
    const rows = probeRows(train.count);
    this.rows = rows.length;
    const widest = Math.max(...this.slots.map((s) => s.width));
    const outputs = classes > 2 ? classes : 1;
    const indices = uploadBuffer(device, rows, 'probe rows');
    this.inputs = createStorageBuffer(device, this.rows * widest * 4, 'probe inputs');
    this.labels = createStorageBuffer(device, this.rows * 4, 'probe labels');
    const scratchLayout = new ArenaLayout();
    const scratch = {
      standard: scratchLayout.reserve(this.rows * widest),
      residuals: scratchLayout.reserve(this.rows * outputs),
      weights: scratchLayout.reserve(outputs * (widest + 1)),
      moments: scratchLayout.reserve(2 * outputs * (widest + 1)),
    };
    const scratchBuffer = createStorageBuffer(device, scratchLayout.size * 4, 'probe scratch');
    this.results = createStorageBuffer(device, this.slots.length * 4, 'separability');
    const uniforms = this.slots.map(({ width }) =>
      uniformBuffer(device, packProbe({ width, outputs, iterations: PROBE_ITERATIONS, learningRate: PROBE_LEARNING_RATE, minDeviation: PROBE_MIN_DEVIATION, scratch }), 'probe'),
    );
    this.owned = [indices, this.inputs, this.labels, scratchBuffer, this.results, ...uniforms];
    const forward = evaluation.plan;
    this.input = { kernel: 'gather', group: kernels.gather.bind([forward.gather, forward.arena, train.features, train.labels, indices]) };
    this.groups = uniforms.map((uniform) => kernels.linearProbe.bind([uniform, this.inputs, this.labels, scratchBuffer, this.results]));
  }

  /** Floats the results take in a staging buffer. */
  get floats(): number {
    return this.slots.length;
  }

  prepare(passes: PassUniforms): PreparedProbe {
    const chunks = this.evaluation.chunks(passes, this.rows);
    const fits = this.slots.map((_, k) => passes.add({ rows: this.rows, resultSlot: k }));
    return { chunks, fits };
  }

  /** Records every slot's activations and fit, then copies the accuracies into `staging` at float `at`. */
  encode(encoder: GPUCommandEncoder, passGroup: GPUBindGroup, prepared: PreparedProbe, staging: GPUBuffer, at: number): void {
    const offsets = this.evaluation.plan.offsets;
    this.slots.forEach(({ slot, width }, k) => {
      const copies = [{ from: offsets.slots[slot], width, dst: this.inputs, at: 0 }];
      if (k === 0) copies.push({ from: offsets.labels, width: 1, dst: this.labels, at: 0 });
      this.evaluation.copies(encoder, passGroup, prepared.chunks, this.input, copies);
      const pass = encoder.beginComputePass({ label: `linear probe: slot ${slot}` });
      pass.setBindGroup(1, passGroup, [prepared.fits[k]]);
      this.kernels.linearProbe.encode(pass, 'fit', this.groups[k], 1);
      pass.end();
    });
    encoder.copyBufferToBuffer(this.results, 0, staging, at * 4, this.floats * 4);
  }

  read(floats: Float32Array, at: number): LayerSeparability[] {
    return this.slots.map(({ slot }, k) => ({ slot, accuracy: floats[at + k] }));
  }

  destroy(): void {
    for (const buffer of this.owned) buffer.destroy();
  }
}

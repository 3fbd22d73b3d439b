import { producerOf, type NetworkPlan } from '../core/network';
import { outputWidth } from '../core/task';
import { ArenaLayout, createStorageBuffer, uniformBuffer } from './arena';
import type { KernelSet } from './kernels/kernelSet';
import type { PassRecorder } from './passRecorder';
import { engineActivationCode, packDense, packGather, packLoss } from './uniforms';

/** Arena offsets of everything one pass of the network touches, for up to `capacity` rows. */
export interface ArenaOffsets {
  capacity: number;
  slots: number[];
  labels: number;
  /** ∂loss/∂Z per dense layer (training arenas only). */
  dz: number[];
  /** Raw gradients of the slots a residual skip needs (training arenas only). */
  raw: Map<number, number>;
}

/** Lays out an arena: every activation slot, the labels, and for training the gradients too. */
export function layoutArena(plan: NetworkPlan, capacity: number, training: boolean): { offsets: ArenaOffsets; floats: number } {
  const arena = new ArenaLayout();
  const slots = plan.slotWidths.map((width) => arena.reserve(capacity * width));
  const labels = arena.reserve(capacity);
  const dz = training ? plan.dense.map((d) => arena.reserve(capacity * d.out)) : [];
  const raw = new Map<number, number>();
  if (training) {
    for (const d of plan.dense) if (d.inputGradFrom !== null) raw.set(d.inputGradFrom, arena.reserve(capacity * plan.slotWidths[d.inputGradFrom]));
  }
  return { offsets: { capacity, slots, labels, dz, raw }, floats: arena.size };
}

/**
 * The buffers and bind groups to run the network forward (and, for training arenas, backward)
 * on up to `capacity` rows. Built once; encoding allocates nothing.
 */
export class ForwardPlan {
  readonly arena: GPUBuffer;
  readonly offsets: ArenaOffsets;
  /** The `Gather` uniform that puts rows into this arena's slot 0 and labels. */
  readonly gather: GPUBuffer;
  private readonly uniforms: GPUBuffer[] = [];
  private readonly forwardGroups: GPUBindGroup[];
  private readonly weightGradGroups: GPUBindGroup[];
  private readonly inputGradGroups: (GPUBindGroup | null)[];

  constructor(
    device: GPUDevice,
    private readonly kernels: KernelSet,
    readonly plan: NetworkPlan,
    capacity: number,
    params: GPUBuffer,
    grads: GPUBuffer | null,
    label: string,
  ) {
    const { offsets, floats } = layoutArena(plan, capacity, grads !== null);
    this.offsets = offsets;
    this.arena = createStorageBuffer(device, floats * 4, `${label} arena`);
    this.gather = uniformBuffer(device, packGather(plan.slotWidths[0], offsets.slots[0], offsets.labels), `${label} gather`);
    const training = grads !== null;
    this.forwardGroups = [];
    this.weightGradGroups = [];
    this.inputGradGroups = [];
    for (const layer of plan.dense) {
      const producer = producerOf(plan, layer.input);
      const uniform = uniformBuffer(
        device,
        packDense({
          inWidth: layer.in,
          outWidth: layer.out,
          weightOffset: layer.weightOffset,
          biasOffset: layer.biasOffset,
          activation: engineActivationCode(layer),
          layerIndex: layer.index,
          input: offsets.slots[layer.input],
          output: offsets.slots[layer.output],
          skip: layer.skip === null ? null : offsets.slots[layer.skip],
          sum: layer.sum === null ? null : offsets.slots[layer.sum],
          dz: training ? offsets.dz[layer.index] : 0,
          extraGrad: training && layer.inputGradFrom !== null ? offsets.raw.get(layer.inputGradFrom)! : null,
          rawGrad: training ? (offsets.raw.get(layer.input) ?? null) : null,
          producerOutput: producer ? offsets.slots[producer.output] : null,
          producerActivation: producer ? engineActivationCode(producer) : 0,
          producerIndex: producer ? producer.index : 0,
          producerDz: training && producer ? offsets.dz[producer.index] : null,
          hidden: layer.hidden,
        }),
        `${label} dense ${layer.index}`,
      );
      this.uniforms.push(uniform);
      this.forwardGroups.push(kernels.dense.bind('forward', uniform, this.arena, params));
      if (grads) {
        this.weightGradGroups.push(kernels.dense.bind('weightGrad', uniform, this.arena, grads));
        this.inputGradGroups.push(producer ? kernels.dense.bind('inputGrad', uniform, this.arena, params) : null);
      }
    }
  }

  /** Logits of the last forward pass: rows × outputWidth at this arena offset. */
  get logitsOffset(): number {
    return this.offsets.slots[this.plan.outputSlot];
  }

  /** `Loss` for this arena: its logits and labels, and for training the output layer's dZ. */
  lossUniform(training: boolean): ArrayBuffer {
    const last = this.plan.dense[this.plan.dense.length - 1];
    return packLoss(this.plan.spec.task, { logits: this.logitsOffset, labels: this.offsets.labels, dz: training ? this.offsets.dz[last.index] : 0 });
  }

  get outputs(): number {
    return outputWidth(this.plan.spec.task);
  }

  /** Workgroups of the kernels that fill slot 0 (gather, grid features): one thread per number of `rows` rows. */
  inputWorkgroups(rows: number): number {
    return Math.ceil((rows * this.plan.slotWidths[0]) / 256);
  }

  /** Records every layer's forward kernel for `rows` rows (the pass uniform is already bound). */
  encodeForward(pass: PassRecorder, rows: number): void {
    this.plan.dense.forEach((layer, i) => this.kernels.dense.encode(pass, 'forward', this.forwardGroups[i], rows, layer.out));
  }

  /** Records the backward kernels, last layer first, after the loss kernel has written its dZ. */
  encodeBackward(pass: PassRecorder, rows: number): void {
    for (let i = this.plan.dense.length - 1; i >= 0; i--) {
      const layer = this.plan.dense[i];
      this.kernels.dense.encode(pass, 'weightGrad', this.weightGradGroups[i], layer.out, layer.in + 1);
      const inputGroup = this.inputGradGroups[i];
      if (inputGroup) this.kernels.dense.encode(pass, 'inputGrad', inputGroup, rows, layer.in);
    }
  }

  destroy(): void {
    this.arena.destroy();
    this.gather.destroy();
    for (const uniform of this.uniforms) uniform.destroy();
  }
}

import { stepSeed } from '../core/dropout';
import type { NetworkPlan } from '../core/network';
import { scheduledStepScalars } from '../core/optimizer';
import type { MinibatchSchedule } from '../core/schedule';
import { outputWidth } from '../core/task';
import type { LiveSettings } from '../core/trainer';
import { ArenaLayout, createStorageBuffer } from './arena';
import { FUSED_MAX_LAYERS, FUSED_MAX_OUTPUTS, FUSED_MAX_WIDTH, FUSED_STEP_RECORD_WORDS } from './fusedLimits';
import type { PassRecorder } from './passRecorder';
import { SHADER_SOURCES } from './shaderSources';
import type { SplitBuffers } from './splitBuffers';
import { FUSED_BYTES, FUSED_STEPS_OFFSET, packFused, RUN_SETTINGS_BYTES, writeRunSettings, type FusedArenaOffsets } from './uniforms';
import { compiledOnce } from './compiledOnce';

/** Minibatch rows the fused kernel takes at most. */
export const FUSED_MAX_ROWS = 1024;
/**
 * Forward multiply-adds per step (rows × Σ in·out) up to which one workgroup beats the
 * layer-by-layer kernels spread over many: on SwiftShader the fused kernel wins at 2-[8,8]-1 with
 * 350 rows (31k) and loses 3–5× at 2-[64,64]-1 with 64 rows (274k) and 2-[64×4]-1 with 256 rows
 * (docs/PERFORMANCE.md). To be measured again on GPUs.
 */
export const FUSED_MAX_MULTIPLY_ADDS = 1 << 16;
/** Threads of the workgroup; the partial-loss region of the arena is sized for the largest choice. */
export const FUSED_THREAD_CHOICES = [8, 16, 32, 64, 128, 256] as const;
export type FusedThreads = (typeof FUSED_THREAD_CHOICES)[number];

/**
 * The workgroup size that suits an adapter: 64 threads on GPUs; 8 on adapters that emulate a GPU
 * on the CPU, where every barrier switches between the workgroup's fibers (one per 4 threads) and
 * fewer threads do the same work with fewer switches (docs/PERFORMANCE.md).
 */
export function fusedThreadsFor(gpu: { software: boolean }): FusedThreads {
  return gpu.software ? 8 : 64;
}


/**
 * Why the fused kernels' layer table cannot describe this network, or null when it can: an MLP (no
 * residual blocks) with at most 16 hidden layers, every layer at most 64 wide, at most 6 outputs.
 */
export function fusedLayoutIneligibility(plan: NetworkPlan): string | null {
  if (plan.spec.layers.some((layer) => layer.kind !== 'dense')) return 'residual blocks need the layer-by-layer kernels';
  if (plan.dense.length > FUSED_MAX_LAYERS) return `more than ${FUSED_MAX_LAYERS - 1} hidden layers`;
  const widest = Math.max(...plan.dense.map((layer) => Math.max(layer.in, layer.out)));
  if (widest > FUSED_MAX_WIDTH) return `a layer is ${widest} wide (the fused kernel takes at most ${FUSED_MAX_WIDTH})`;
  if (outputWidth(plan.spec.task) > FUSED_MAX_OUTPUTS) return `more than ${FUSED_MAX_OUTPUTS} outputs`;
  return null;
}

/**
 * Why the fused kernel cannot train this network with batches of `batchSize` rows, or null when
 * it can: an MLP (no residual blocks) whose every layer is at most 64 wide, with at most 16
 * hidden layers, at most 1024 rows per minibatch, and little enough work per step that one
 * workgroup is the faster way to do it.
 */
export function fusedIneligibility(plan: NetworkPlan, batchSize: number): string | null {
  const layout = fusedLayoutIneligibility(plan);
  if (layout !== null) return layout;
  if (batchSize > FUSED_MAX_ROWS) return `batches of ${batchSize} rows (the fused kernel takes at most ${FUSED_MAX_ROWS})`;
  const multiplyAdds = batchSize * plan.dense.reduce((sum, layer) => sum + layer.in * layer.out, 0);
  if (multiplyAdds > FUSED_MAX_MULTIPLY_ADDS) return `${multiplyAdds} multiply-adds per step are more than one workgroup does faster (${FUSED_MAX_MULTIPLY_ADDS})`;
  return null;
}

export function fusedEligible(plan: NetworkPlan, batchSize: number): boolean {
  return fusedIneligibility(plan, batchSize) === null;
}

/**
 * Why the fused kernel's own buffers would not fit `limits`, or null when they do: its arena (with
 * the training split's `trainCount` rows) and its schedule for a call of `maxSteps` steps.
 */
export function fusedOverLimits(plan: NetworkPlan, batchSize: number, trainCount: number, maxSteps: number, limits: GPUSupportedLimits): string | null {
  const allowed = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  const arenaBytes = fusedArena(plan, batchSize, trainCount).size * 4;
  if (arenaBytes > allowed) return `its arena needs ${arenaBytes} bytes, more than a buffer may hold (${allowed})`;
  const scheduleBytes = maxSteps * (FUSED_STEP_RECORD_WORDS + batchSize) * 4;
  if (scheduleBytes > allowed) return `its schedule needs ${scheduleBytes} bytes, more than a buffer may hold (${allowed})`;
  return null;
}

/** The buffers a fused trainer shares with the rest of a GPU trainer. */
export interface FusedBuffers {
  params: GPUBuffer;
  /** Momentum's v, or Adam's m then v: 2 × parameterCount. */
  state: GPUBuffer;
  /** status[0] = 1 once a step's loss was not finite. */
  status: GPUBuffer;
  /** One float per step of a call. */
  losses: GPUBuffer;
  /** The training split, copied into the kernel's arena once when it is built. */
  train: SplitBuffers;
}

/** Where the kernel's numbers live in its arena, and its size, in floats. */
export interface FusedArena extends FusedArenaOffsets {
  size: number;
}

/** The arena of `plan` for minibatches of up to `rows` rows from a training split of `trainCount` rows. */
export function fusedArena(plan: NetworkPlan, rows: number, trainCount: number): FusedArena {
  const layout = new ArenaLayout();
  const outputs = plan.dense.map((layer) => (layer.hidden ? layout.reserve(rows * layer.out) : 0));
  const dz = plan.dense.map((layer) => layout.reserve(rows * layer.out));
  const partials = layout.reserve(Math.max(...FUSED_THREAD_CHOICES));
  const backup = layout.reserve(plan.parameterCount);
  const features = layout.reserve(trainCount * plan.slotWidths[0]);
  const labels = layout.reserve(trainCount);
  return { outputs, dz, partials, backup, features, labels, size: layout.size };
}

/** The compiled kernel for one workgroup size, shared by single and batched trainers. */
export interface FusedPipeline {
  layout: GPUBindGroupLayout;
  pipeline: GPUComputePipeline;
}

async function compileFused(device: GPUDevice, threads: FusedThreads): Promise<FusedPipeline> {
  const kinds: GPUBufferBindingType[] = ['uniform', 'storage', 'storage', 'storage', 'storage', 'storage', 'read-only-storage', 'read-only-storage'];
  const layout = device.createBindGroupLayout({
    label: 'fused mlp',
    entries: kinds.map((type, binding) => ({ binding, visibility: GPUShaderStage.COMPUTE, buffer: { type } })),
  });
  const module = device.createShaderModule({ label: 'fused mlp', code: SHADER_SOURCES.fusedMlp });
  const pipeline = await device.createComputePipelineAsync({
    label: `fused mlp · ${threads} threads`,
    layout: device.createPipelineLayout({ label: 'fused mlp', bindGroupLayouts: [layout] }),
    compute: { module, entryPoint: 'train_steps', constants: { THREADS: threads } },
  });
  return { layout, pipeline };
}

/** The fused pipeline of `device` with this workgroup size, compiled on first use. */
export const fusedPipeline: (device: GPUDevice, threads: FusedThreads) => Promise<FusedPipeline> = compiledOnce(compileFused);

/**
 * Records k training steps of a small MLP as one dispatch of shaders/fused_mlp.wgsl, a group of
 * one run. Owns the kernel's arena, schedule, uniform and the run's RunSettings; shares
 * parameters, optimizer state, status, losses and the training split with whoever built it (a
 * GPU trainer).
 */
export class FusedMlp {
  private readonly arena: GPUBuffer;
  private readonly uniform: GPUBuffer;
  private readonly runSettings: GPUBuffer;
  private readonly layout: FusedArena;
  private readonly uniformData: ArrayBuffer;
  private schedule: GPUBuffer;
  private scheduleWords: Uint32Array<ArrayBuffer>;
  private group: GPUBindGroup;

  /**
   * A fused trainer for `plan` on minibatches of up to `batchSize` rows (fusedEligible), with
   * room for `stepsCapacity` steps per call before its schedule buffer has to grow.
   */
  constructor(
    private readonly device: GPUDevice,
    private readonly plan: NetworkPlan,
    private readonly batchSize: number,
    private readonly buffers: FusedBuffers,
    private readonly pipeline: FusedPipeline,
    settings: LiveSettings,
    stepsCapacity = 256,
  ) {
    const reason = fusedIneligibility(plan, batchSize);
    if (reason !== null) throw new Error(`the fused kernel cannot train this network: ${reason}`);
    this.layout = fusedArena(plan, batchSize, buffers.train.count);
    this.arena = createStorageBuffer(device, this.layout.size * 4, 'fused arena');
    this.copyTrainingSplit();
    this.uniformData = packFused(plan, this.layout, 0);
    this.uniform = device.createBuffer({ label: 'fused layout', size: FUSED_BYTES, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(this.uniform, 0, this.uniformData);
    this.runSettings = createStorageBuffer(device, RUN_SETTINGS_BYTES, 'fused run settings');
    this.writeSettings(settings);
    this.scheduleWords = new Uint32Array(stepsCapacity * (FUSED_STEP_RECORD_WORDS + batchSize));
    this.schedule = createStorageBuffer(device, this.scheduleWords.byteLength, 'fused schedule');
    this.group = this.bind();
  }

  /** New live settings (optimizer, momentum, L1, L2, dropout): one write of the run's RunSettings, no rebuild. */
  writeSettings(settings: LiveSettings): void {
    const data = new ArrayBuffer(RUN_SETTINGS_BYTES);
    writeRunSettings(new DataView(data), 0, settings, 0);
    this.device.queue.writeBuffer(this.runSettings, 0, data);
  }

  /**
   * Writes what steps firstStep … firstStep + steps − 1 need (their rows from the epoch
   * permutations, dropout seeds and optimizer scalars computed in double precision): two writes.
   */
  prepare(schedule: MinibatchSchedule, trainingSeed: number, settings: LiveSettings, firstStep: number, steps: number): void {
    this.ensureCapacity(steps);
    const words = this.scheduleWords;
    const floats = new Float32Array(words.buffer);
    let next = steps * FUSED_STEP_RECORD_WORDS;
    for (let s = 0; s < steps; s++) {
      const step = firstStep + s;
      const batch = schedule.batch(step);
      const scalars = scheduledStepScalars(settings, step);
      const base = s * FUSED_STEP_RECORD_WORDS;
      words[base] = batch.length;
      words[base + 1] = next;
      words[base + 2] = stepSeed(trainingSeed, step);
      floats[base + 3] = scalars.stepSize;
      floats[base + 4] = scalars.inverseSqrtCorrection2;
      words.set(batch, next);
      next += batch.length;
    }
    this.device.queue.writeBuffer(this.schedule, 0, words, 0, next);
    new DataView(this.uniformData).setUint32(FUSED_STEPS_OFFSET, steps, true);
    this.device.queue.writeBuffer(this.uniform, FUSED_STEPS_OFFSET, this.uniformData, FUSED_STEPS_OFFSET, 4);
  }

  /** Records the prepared steps: one dispatch, whatever their number. */
  record(pass: PassRecorder): void {
    pass.setPipeline(this.pipeline.pipeline);
    pass.setBindGroup(0, this.group);
    pass.dispatchWorkgroups(1);
  }

  destroy(): void {
    for (const buffer of [this.arena, this.uniform, this.runSettings, this.schedule]) buffer.destroy();
  }

  /** A call with more steps than ever before doubles the schedule buffer; steady calls allocate nothing. */
  private ensureCapacity(steps: number): void {
    const needed = steps * (FUSED_STEP_RECORD_WORDS + this.batchSize);
    if (needed <= this.scheduleWords.length) return;
    this.scheduleWords = new Uint32Array(Math.max(needed, 2 * this.scheduleWords.length));
    this.schedule.destroy();
    this.schedule = createStorageBuffer(this.device, this.scheduleWords.byteLength, 'fused schedule');
    this.group = this.bind();
  }

  /** Layer 0 and the loss read the split from the arena, so that every activation comes from one buffer. */
  private copyTrainingSplit(): void {
    const { count, features, labels } = this.buffers.train;
    if (count === 0) return;
    const encoder = this.device.createCommandEncoder({ label: 'fused arena: training split' });
    encoder.copyBufferToBuffer(features, 0, this.arena, this.layout.features * 4, count * this.plan.slotWidths[0] * 4);
    encoder.copyBufferToBuffer(labels, 0, this.arena, this.layout.labels * 4, count * 4);
    this.device.queue.submit([encoder.finish()]);
  }

  private bind(): GPUBindGroup {
    const { params, state, status, losses } = this.buffers;
    const entries = [this.uniform, params, state, status, losses, this.arena, this.schedule, this.runSettings];
    return this.device.createBindGroup({
      label: 'fused mlp',
      layout: this.pipeline.layout,
      entries: entries.map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
  }
}

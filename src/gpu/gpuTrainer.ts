import { initializeParameters } from '../core/init';
import type { Metrics } from '../core/metrics';
import { planNetwork, type NetworkPlan } from '../core/network';
import { MinibatchSchedule } from '../core/schedule';
import { featuresOf, prepareSplits, type SplitData } from '../core/splits';
import { checkOptimizerStateSize, optimizerStateSize } from '../core/optimizer';
import { liveSettingsOf, MAX_STEPS_PER_CALL, type BackendInfo, type LayerSeparability, type LiveSettings, type Observation, type ObserveRequest, type OptimizerState, type Trainer, type TrainerSetup } from '../core/trainer';
import { createStorageBuffer, uniformBuffer } from './arena';
import { planCapacity, type CapacityPlan } from './capacity';
import type { GpuDevice } from './device';
import { buildInErrorScopes, withErrorScopes, WorkFailures } from './deviceWatch';
import { Evaluation } from './evaluation';
import { ForwardPlan } from './forwardPlan';
import { forwardIneligibility, forwardPipeline, forwardRowsPerThreadFor, FusedForward, type ForwardPipeline } from './fusedForward';
import { FusedMlp, fusedIneligibility, fusedOverLimits, fusedPipeline, fusedThreadsFor, type FusedPipeline, type FusedThreads } from './fusedMlp';
import { GradientFlow } from './gradientFlow';
import { addStepChunks, encodeBackprop, type BackpropGroups, type StepChunk } from './stepChunks';
import { tilingFor, type DenseTiling } from './kernels/denseKernels';
import { kernelsFor, type KernelSet } from './kernels/kernelSet';
import { linearGroups } from './kernels/layout';
import { LinearProbe } from './linearProbe';
import { ModelBuffers } from './modelBuffers';
import { ObservationRecorder, type ObservationLayout, type PreparedObservation } from './observationRecorder';
import { CountingPass } from './passRecorder';
import { PassUniforms } from './passUniforms';
import { identityIndices, uploadSplit, type SplitBuffers } from './splitBuffers';
import { StagingPool } from './stagingPool';

export { DeviceLostError, GpuCapacityError, GpuError } from './errors';

/** What the last step() call cost, counted while it was recorded. */
export interface CallCost {
  steps: number;
  /** Dispatches recorded for the training steps alone, divided by the steps. */
  dispatchesPerStep: number;
  /** All dispatches of the call, evaluation included. */
  dispatches: number;
  submits: number;
  bytesReadBack: number;
}

/** How a GpuTrainer is built; every field has a default that suits the adapter. */
export interface GpuTrainerOptions {
  /** The dense kernels' tiling (tests pick each in turn). */
  tiling?: DenseTiling;
  /** The device's limits unless tighter ones are given (tests use them to force chunking). */
  limits?: GPUSupportedLimits;
  /**
   * How training steps run: the fused small-network kernel with this many threads where the
   * layout allows it (by default fusedThreadsFor the adapter), or the layer-by-layer kernels always.
   */
  steps?: FusedThreads | 'layered';
  /**
   * How metrics, the decision boundary, thumbnails and the layer view are evaluated: by the fused
   * forward kernel where the network allows it (the default), or layer by layer always.
   */
  evaluation?: 'fused' | 'layered';
  /** Rows each thread of the fused forward kernel takes (by default forwardRowsPerThreadFor the adapter). */
  forwardRowsPerThread?: number;
}

/** Why the fused forward kernel cannot evaluate `plan`, or null when it can. */
function forwardUnavailable(plan: NetworkPlan, asked: 'fused' | 'layered'): string | null {
  if (asked === 'layered') return 'the layer-by-layer kernels were asked for';
  return forwardIneligibility(plan);
}

/**
 * One recorded and submitted call. Its staging buffer holds the per-step losses (floats
 * 0…steps−1), the status word (float `steps`), the observation's results at `layout`, then the
 * gradient flow at `flowAt` when it was asked for.
 */
interface RecordedCall {
  staging: GPUBuffer;
  bytes: number;
  observation: PreparedObservation;
  layout: ObservationLayout;
  flowAt: number | null;
}

/** Rows of features to predict in a call (count × feature width). */
interface Predictions {
  features: Float64Array;
  count: number;
}


/** The mean of the losses up to the first one that is not finite; NaN when there is none. */
function meanOfFiniteLead(losses: Float32Array): number {
  let sum = 0;
  let finite = 0;
  for (; finite < losses.length && Number.isFinite(losses[finite]); finite++) sum += losses[finite];
  return finite > 0 ? sum / finite : NaN;
}

/**
 * Trains on WebGPU: every step(k) records k minibatch steps, and whatever is observed, into
 * one command encoder, submits once, and resolves when the results have been read back. A small
 * MLP takes its k steps in one dispatch of the fused kernel (src/gpu/fusedMlp.ts); any other
 * network takes them layer by layer.
 */
export class GpuTrainer implements Trainer {
  readonly backend: BackendInfo;
  readonly stepsPerEpoch: number;
  lastCost: CallCost = { steps: 0, dispatchesPerStep: 0, dispatches: 0, submits: 0, bytesReadBack: 0 };
  /** Which kernels take the training steps: the fused one, or the layer-by-layer ones (and why). */
  readonly stepKernels: { kind: 'fused'; threads: FusedThreads } | { kind: 'layered'; reason: string };
  /** Which kernels evaluate metrics, grids, thumbnails and the layer view: the fused forward one, or the layer-by-layer ones (and why). */
  readonly evaluationKernels: { kind: 'fused' } | { kind: 'layered'; reason: string };
  private readonly device: GPUDevice;
  private readonly model: ModelBuffers;
  private readonly train: SplitBuffers;
  private readonly test: SplitBuffers;
  private readonly identity: GPUBuffer;
  private readonly trainPlan: ForwardPlan;
  private readonly evalPlan: ForwardPlan;
  private readonly passes: PassUniforms;
  private readonly pool: StagingPool;
  private readonly observer: ObservationRecorder;
  private readonly losses: GPUBuffer;
  private readonly lossUniform: GPUBuffer;
  private indices: GPUBuffer;
  /** The training minibatch's gather (rebound when the batch indices grow) and loss. */
  private readonly trainGroups: BackpropGroups;
  private readonly optimizerGroup: GPUBindGroup;
  private readonly fused: FusedMlp | null;
  private readonly gradientFlow: GradientFlow | null;
  /** Built on the first separability() call. */
  private probe: LinearProbe | null = null;
  private settings: LiveSettings;
  private stepCount = 0;
  private diverged = false;
  /** The WebGPU failure of this trainer's work, once there is one; every later call rejects with it. */
  private readonly failures: WorkFailures;

  /**
   * Checks every buffer and dispatch against the device's limits before allocating anything
   * (a GpuCapacityError says what is too big), then builds; rejects with a GpuError when WebGPU
   * reports an error while building.
   */
  static async create(gpu: GpuDevice, setup: TrainerSetup, options: GpuTrainerOptions = {}): Promise<GpuTrainer> {
    const limits = options.limits ?? gpu.device.limits;
    const plan = planNetwork(setup.spec);
    const splits = prepareSplits(setup.spec, setup.dataset);
    const schedule = new MinibatchSchedule(splits.train.count, setup.training.batchSize, setup.training.seed);
    const capacity = planCapacity(limits, { plan, trainCount: splits.train.count, testCount: splits.test.count, batchSize: schedule.batchSize });
    const kernels = await kernelsFor(gpu.device, options.tiling ?? tilingFor(gpu));
    const threads = options.steps ?? fusedThreadsFor(gpu);
    const layeredReason =
      threads === 'layered'
        ? 'the layer-by-layer kernels were asked for'
        : (fusedIneligibility(plan, schedule.batchSize) ?? fusedOverLimits(plan, schedule.batchSize, splits.train.count, MAX_STEPS_PER_CALL, limits));
    const fused = threads !== 'layered' && layeredReason === null ? { threads, pipeline: await fusedPipeline(gpu.device, threads) } : null;
    const stepKernels = fused ? ({ kind: 'fused', threads: fused.threads } as const) : ({ kind: 'layered', reason: layeredReason! } as const);
    const forwardReason = forwardUnavailable(plan, options.evaluation ?? 'fused');
    const forward = forwardReason === null ? await forwardPipeline(gpu.device, options.forwardRowsPerThread ?? forwardRowsPerThreadFor(gpu)) : null;
    const evaluationKernels = forward ? ({ kind: 'fused' } as const) : ({ kind: 'layered', reason: forwardReason! } as const);
    return buildInErrorScopes(gpu.device, () => new GpuTrainer(gpu, kernels, setup, plan, splits, schedule, capacity, stepKernels, fused?.pipeline ?? null, evaluationKernels, forward, limits));
  }

  private constructor(
    gpu: GpuDevice,
    private readonly kernels: KernelSet,
    private readonly setup: TrainerSetup,
    readonly plan: NetworkPlan,
    splits: { train: SplitData; test: SplitData },
    private readonly schedule: MinibatchSchedule,
    private readonly capacity: CapacityPlan,
    stepKernels: GpuTrainer['stepKernels'],
    fusedKernel: FusedPipeline | null,
    evaluationKernels: GpuTrainer['evaluationKernels'],
    forwardKernel: ForwardPipeline | null,
    limits: GPUSupportedLimits,
  ) {
    const device = gpu.device;
    this.device = device;
    this.backend = { kind: 'webgpu', adapter: gpu.adapterName };
    this.failures = new WorkFailures(device);
    this.stepsPerEpoch = schedule.stepsPerEpoch;
    this.stepKernels = stepKernels;
    this.evaluationKernels = evaluationKernels;

    this.model = new ModelBuffers(device, plan);
    this.settings = liveSettingsOf(setup.training);
    this.model.writeSettings(this.settings);
    const initial = setup.parameters ?? initializeParameters(plan, setup.init, setup.training.seed, new Float32Array(plan.parameterCount), setup.initScale);
    this.checkParameterCount(initial.length);
    this.model.writeParameters(initial, true);

    this.train = uploadSplit(device, splits.train, 'train');
    this.test = uploadSplit(device, splits.test, 'test');
    this.identity = identityIndices(device, Math.max(this.train.count, this.test.count, 1));
    this.trainPlan = new ForwardPlan(device, kernels, plan, capacity.trainRows, this.model.params, this.model.grads, 'train');
    this.evalPlan = new ForwardPlan(device, kernels, plan, capacity.evalRows, this.model.params, null, 'eval');

    this.passes = new PassUniforms(device, kernels.passLayout);
    this.pool = new StagingPool(device);
    this.losses = createStorageBuffer(device, MAX_STEPS_PER_CALL * 4, 'step losses');
    this.indices = createStorageBuffer(device, 4, 'batch indices');
    this.lossUniform = uniformBuffer(device, this.trainPlan.lossUniform(true), 'loss');
    this.trainGroups = { gather: this.bindTrainGather(), loss: kernels.loss.bind([this.lossUniform, this.trainPlan.arena, this.losses, this.model.status]) };
    this.optimizerGroup = kernels.optimizer.bind([this.model.settings, this.model.params, this.model.grads, this.model.state, this.model.status, this.model.backup]);
    const maxBindingBytes = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
    const forward = forwardKernel ? new FusedForward(device, plan, forwardKernel, { params: this.model.params, train: this.train, test: this.test }, 1, maxBindingBytes) : null;
    this.observer = new ObservationRecorder(device, kernels, plan, new Evaluation(kernels, this.evalPlan), setup.spec, this.train, this.test, this.identity, this.model.status, forward);
    this.gradientFlow = this.train.count > 0 ? new GradientFlow(device, kernels, plan, this.trainPlan, this.model, this.train, this.lossUniform, schedule.batchSize) : null;
    const fusedBuffers = { params: this.model.params, state: this.model.state, status: this.model.status, losses: this.losses, train: this.train };
    this.fused = fusedKernel ? new FusedMlp(device, plan, schedule.batchSize, fusedBuffers, fusedKernel, this.settings) : null;
  }

  /** Rejects with a DeviceLostError, or a GpuError when WebGPU reported an error for the call's work. */
  async step(k: number, observe: ObserveRequest = {}): Promise<Observation> {
    this.failures.throwIfFailed();
    if (!Number.isInteger(k) || k < 0 || k > MAX_STEPS_PER_CALL) throw new RangeError(`step count must be a whole number in [0, ${MAX_STEPS_PER_CALL}], got ${k}`);
    const steps = this.diverged || this.train.count === 0 ? 0 : k;
    const firstStep = this.stepCount;
    const { result: call, errors } = withErrorScopes(this.device, () => this.record(firstStep, steps, observe));
    this.stepCount += steps;
    const data = await this.failures.settle(errors, this.pool.read(call.staging, call.bytes));
    const floats = new Float32Array(data);
    if (new Uint32Array(data, steps * 4, 1)[0] !== 0 && !this.diverged) this.handleDivergence(firstStep);
    const observation: Observation = {
      step: this.stepCount,
      epoch: this.stepCount / this.stepsPerEpoch,
      loss: meanOfFiniteLead(floats.subarray(0, steps)),
      diverged: this.diverged,
      ...this.observer.read(floats, call.observation, call.layout),
    };
    if (call.flowAt !== null) observation.gradientFlow = this.gradientFlow!.read(floats, call.flowAt);
    return observation;
  }

  /**
   * Records and submits a call: the steps, then the evaluation (and the gradient flow). Fused,
   * the steps are one dispatch. Layer by layer, a parameter backup comes first, and the steps go
   * in pieces whose batch indices fit one upload, one submit each (nearly always one piece).
   * A call with `predictions` is predict()'s, and leaves lastCost to the steps.
   */
  private record(firstStep: number, steps: number, observe: ObserveRequest, predictions?: Predictions): RecordedCall {
    this.passes.reset();
    const stepPasses = this.fused ? [] : this.addStepPasses(firstStep, steps);
    if (this.fused && steps > 0) this.fused.prepare(this.schedule, this.setup.training.seed, this.settings, firstStep, steps);
    const observation = this.observer.prepare(this.passes, observe, predictions);
    const flow = observe.gradientFlow ? this.gradientFlow : null;
    const flowChunks: StepChunk[] | null = flow?.prepare(this.passes, this.schedule, this.setup.training.seed, this.settings, firstStep + steps, this.capacity.trainRows) ?? null;
    const passGroup = this.passes.upload();
    const perPiece = this.capacity.stepsPerUpload;
    const pieces = this.fused ? 1 : Math.max(1, Math.ceil(steps / perPiece));
    const layout = this.observer.layout(observation, steps + 1);
    const flowAt = flow ? layout.end : null;
    const bytes = (layout.end + (flow?.floats ?? 0)) * 4;
    const staging = this.pool.acquire(bytes);
    let dispatches = 0;
    let stepDispatches = 0;
    for (let piece = 0; piece < pieces; piece++) {
      const first = piece * perPiece;
      const inPiece = stepPasses.slice(first, first + perPiece);
      if (inPiece.length > 0) this.uploadIndices(firstStep + first, inPiece.length);
      const encoder = this.device.createCommandEncoder({ label: `steps ${firstStep + first}+${this.fused ? steps : inPiece.length}` });
      const pass = encoder.beginComputePass({ label: 'training' });
      const counting = new CountingPass(pass);
      if (this.fused) {
        // The kernel keeps its own backup and restores it when a step diverges.
        if (steps > 0) this.fused.record(counting);
        stepDispatches += counting.dispatches;
      } else {
        if (piece === 0 && steps > 0) {
          counting.setBindGroup(1, passGroup, [stepPasses[0][0].offset]);
          this.kernels.optimizer.encode(counting, 'backup', this.optimizerGroup, ...linearGroups(this.plan.parameterCount));
        }
        const beforeSteps = counting.dispatches;
        for (const chunks of inPiece) this.encodeStep(counting, passGroup, chunks);
        stepDispatches += counting.dispatches - beforeSteps;
      }
      const last = piece === pieces - 1;
      if (last) this.observer.encodeInPass(counting, passGroup, observation);
      if (last && flow && flowChunks) flow.encode(counting, passGroup, flowChunks);
      pass.end();
      dispatches += counting.dispatches;
      if (last) {
        this.observer.encodeCopies(encoder, passGroup, observation, staging, layout);
        if (flow && flowAt !== null) flow.encodeCopy(encoder, staging, flowAt);
        if (steps > 0) encoder.copyBufferToBuffer(this.losses, 0, staging, 0, steps * 4);
        encoder.copyBufferToBuffer(this.model.status, 0, staging, steps * 4, 4);
      }
      this.device.queue.submit([encoder.finish()]);
    }
    if (!predictions) this.lastCost = { steps, dispatchesPerStep: steps > 0 ? stepDispatches / steps : 0, dispatches, submits: pieces, bytesReadBack: bytes };
    return { staging, bytes, observation, layout, flowAt };
  }

  /**
   * Adds the pass uniforms of the coming steps, one per chunk of each step's minibatch; a step's
   * indices sit at its place within its upload piece.
   */
  private addStepPasses(firstStep: number, steps: number): StepChunk[][] {
    const passes: StepChunk[][] = [];
    for (let s = 0; s < steps; s++) {
      const step = firstStep + s;
      const indexBase = (s % this.capacity.stepsPerUpload) * this.schedule.batchSize;
      const place = { step, batchRows: this.schedule.batch(step).length, indexBase, trainingSeed: this.setup.training.seed, settings: this.settings, resultSlot: s };
      passes.push(addStepChunks(this.passes, place, this.capacity.trainRows));
    }
    return passes;
  }

  /** Writes the batch indices of `count` steps from `firstStep`, growing the buffer (up to one piece) when it is too small. */
  private uploadIndices(firstStep: number, count: number): void {
    const batchSize = this.schedule.batchSize;
    const indices = new Uint32Array(count * batchSize);
    for (let s = 0; s < count; s++) indices.set(this.schedule.batch(firstStep + s), s * batchSize);
    if (this.indices.size < indices.byteLength) {
      this.indices.destroy();
      const piece = this.capacity.stepsPerUpload * batchSize * 4;
      this.indices = createStorageBuffer(this.device, Math.min(indices.byteLength * 2, piece), 'batch indices');
      this.trainGroups.gather = this.bindTrainGather();
    }
    this.device.queue.writeBuffer(this.indices, 0, indices);
  }

  /** One minibatch step: per chunk gather, forward, loss and backward (gradients adding up), then the optimizer. */
  private encodeStep(pass: CountingPass, passGroup: GPUBindGroup, chunks: StepChunk[]): void {
    encodeBackprop(pass, passGroup, chunks, this.kernels, this.trainPlan, this.trainGroups);
    this.kernels.optimizer.encode(pass, 'update', this.optimizerGroup, ...linearGroups(this.plan.parameterCount));
  }

  /**
   * Puts back the parameters from before the diverging submit (the fused kernel has done so
   * itself); steps stay refused until new parameters arrive.
   */
  private handleDivergence(firstStep: number): void {
    this.diverged = true;
    this.stepCount = Math.min(this.stepCount, firstStep);
    if (this.fused) return;
    const encoder = this.device.createCommandEncoder({ label: 'restore after divergence' });
    encoder.copyBufferToBuffer(this.model.backup, 0, this.model.params, 0, this.plan.parameterCount * 4);
    this.device.queue.submit([encoder.finish()]);
  }

  async predict(points: ArrayLike<number>): Promise<Float32Array> {
    this.failures.throwIfFailed();
    const predictions = { features: featuresOf(this.setup.spec, points), count: points.length / 2 };
    const { result: call, errors } = withErrorScopes(this.device, () => this.record(this.stepCount, 0, {}, predictions));
    const data = await this.failures.settle(errors, this.pool.read(call.staging, call.bytes));
    return this.observer.read(new Float32Array(data), call.observation, call.layout).predictions!;
  }

  async separability(): Promise<LayerSeparability[] | null> {
    this.failures.throwIfFailed();
    const task = this.plan.spec.task;
    if (task.kind !== 'classification' || this.train.count === 0) return null;
    const { result: call, errors } = withErrorScopes(this.device, () => {
      this.probe ??= new LinearProbe(this.device, this.kernels, this.plan, this.observer.evaluation, this.train, task.classes);
      this.passes.reset();
      const prepared = this.probe.prepare(this.passes);
      const passGroup = this.passes.upload();
      const bytes = this.probe.floats * 4;
      const staging = this.pool.acquire(bytes);
      const encoder = this.device.createCommandEncoder({ label: 'linear separability' });
      this.probe.encode(encoder, passGroup, prepared, staging, 0);
      this.device.queue.submit([encoder.finish()]);
      return { staging, bytes };
    });
    const data = await this.failures.settle(errors, this.pool.read(call.staging, call.bytes));
    return this.probe!.read(new Float32Array(data), 0);
  }

  async evaluate(): Promise<Metrics> {
    const observation = await this.step(0, { metrics: true });
    return observation.metrics!;
  }

  async getParameters(): Promise<Float32Array> {
    this.failures.throwIfFailed();
    const bytes = this.plan.parameterCount * 4;
    const { result: staging, errors } = withErrorScopes(this.device, () => {
      const buffer = this.pool.acquire(bytes);
      const encoder = this.device.createCommandEncoder({ label: 'read parameters' });
      encoder.copyBufferToBuffer(this.model.params, 0, buffer, 0, bytes);
      this.device.queue.submit([encoder.finish()]);
      return buffer;
    });
    return new Float32Array(await this.failures.settle(errors, this.pool.read(staging, bytes)));
  }

  setParameters(parameters: ArrayLike<number>): void {
    this.checkParameterCount(parameters.length);
    this.model.writeParameters(parameters, this.diverged);
    this.diverged = false;
  }

  async getOptimizerState(): Promise<OptimizerState> {
    this.failures.throwIfFailed();
    const step = this.stepCount;
    const bytes = optimizerStateSize(this.settings.optimizer, this.plan.parameterCount) * 4;
    if (bytes === 0) return { step, values: new Float32Array(0) };
    const { result: staging, errors } = withErrorScopes(this.device, () => {
      const buffer = this.pool.acquire(bytes);
      const encoder = this.device.createCommandEncoder({ label: 'read optimizer state' });
      encoder.copyBufferToBuffer(this.model.state, 0, buffer, 0, bytes);
      this.device.queue.submit([encoder.finish()]);
      return buffer;
    });
    return { step, values: new Float32Array(await this.failures.settle(errors, this.pool.read(staging, bytes))) };
  }

  setOptimizerState({ step, values }: OptimizerState): void {
    checkOptimizerStateSize(this.settings.optimizer, this.plan.parameterCount, values);
    this.model.writeState(values);
    this.stepCount = step;
  }

  updateSettings(settings: LiveSettings): void {
    if (settings.optimizer !== this.settings.optimizer) this.model.clearState();
    this.settings = { ...settings };
    this.model.writeSettings(this.settings);
    this.fused?.writeSettings(this.settings);
  }

  dispose(): void {
    this.fused?.destroy();
    this.trainPlan.destroy();
    this.evalPlan.destroy();
    this.model.destroy();
    this.passes.destroy();
    this.pool.destroy();
    this.observer.destroy();
    this.gradientFlow?.destroy();
    this.probe?.destroy();
    for (const buffer of [this.train.features, this.train.labels, this.test.features, this.test.labels, this.identity, this.losses, this.indices, this.lossUniform]) {
      buffer.destroy();
    }
  }



  private checkParameterCount(count: number): void {
    if (count !== this.plan.parameterCount) throw new Error(`expected ${this.plan.parameterCount} parameters, got ${count}`);
  }

  private bindTrainGather(): GPUBindGroup {
    return this.kernels.gather.bind([this.trainPlan.gather, this.trainPlan.arena, this.train.features, this.train.labels, this.indices]);
  }
}

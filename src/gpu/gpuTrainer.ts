import { initializeParameters } from '../core/init';
import type { Metrics } from '../core/metrics';
import { planNetwork, type NetworkPlan } from '../core/network';
import { stepScalars } from '../core/optimizer';
import { MinibatchSchedule } from '../core/schedule';
import { featuresOf, prepareSplits } from '../core/splits';
import { stepSeed } from '../core/dropout';
import { MAX_STEPS_PER_CALL, type BackendInfo, type LiveSettings, type Observation, type ObserveRequest, type Trainer, type TrainerSetup } from '../core/trainer';
import { createStorageBuffer, uniformBuffer } from './arena';
import type { GpuDevice } from './device';
import { watchDeviceLoss, type DeviceLoss } from './deviceLoss';
import { ForwardPlan } from './forwardPlan';
import { tilingFor, type DenseTiling } from './kernels/denseKernels';
import { kernelsFor, type KernelSet } from './kernels/kernelSet';
import { lossUniformData } from './lossUniform';
import { linearGroups } from './kernels/layout';
import { ModelBuffers } from './modelBuffers';
import { ObservationRecorder } from './observationRecorder';
import { PassUniforms } from './passUniforms';
import { CountingPass } from './passRecorder';
import { identityIndices, uploadSplit, type SplitBuffers } from './splitBuffers';
import { StagingPool } from './stagingPool';

/** Evaluation pushes rows through in chunks whose activations fit in about this many floats. */
const EVAL_ARENA_FLOATS = 1 << 24;

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

/** The device was lost (driver reset, GPU removed, tab in the background too long). */
export class DeviceLostError extends Error {
  override readonly name = 'DeviceLostError';
}

/**
 * Trains on WebGPU: every step(k) records k minibatch steps, and whatever is observed, into
 * one command encoder, submits once, and resolves when the results have been read back.
 */
export class GpuTrainer implements Trainer {
  readonly backend: BackendInfo;
  readonly plan: NetworkPlan;
  readonly stepsPerEpoch: number;
  lastCost: CallCost = { steps: 0, dispatchesPerStep: 0, dispatches: 0, submits: 0, bytesReadBack: 0 };
  private readonly device: GPUDevice;
  private readonly schedule: MinibatchSchedule;
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
  private readonly ownedBuffers: GPUBuffer[] = [];
  private indices: GPUBuffer;
  private trainGatherGroup: GPUBindGroup;
  private readonly trainLossGroup: GPUBindGroup;
  private readonly optimizerGroup: GPUBindGroup;
  private settings: LiveSettings;
  private stepCount = 0;
  private diverged = false;
  private readonly deviceLoss: DeviceLoss;

  /** `tiling` defaults to what suits the adapter; tests pick each in turn. */
  static async create(gpu: GpuDevice, setup: TrainerSetup, tiling: DenseTiling = tilingFor(gpu)): Promise<GpuTrainer> {
    return new GpuTrainer(gpu, await kernelsFor(gpu.device, tiling), setup);
  }

  private constructor(
    gpu: GpuDevice,
    private readonly kernels: KernelSet,
    private readonly setup: TrainerSetup,
  ) {
    const device = gpu.device;
    this.device = device;
    this.backend = { kind: 'webgpu', adapter: gpu.adapterName };
    this.deviceLoss = watchDeviceLoss(device);
    this.plan = planNetwork(setup.spec);
    const splits = prepareSplits(setup.spec, setup.dataset);
    this.schedule = new MinibatchSchedule(splits.train.count, setup.training.batchSize, setup.training.seed);
    this.stepsPerEpoch = this.schedule.stepsPerEpoch;

    this.model = new ModelBuffers(device, this.plan);
    this.settings = { ...setup.training };
    this.model.writeSettings(this.settings);
    const initial = setup.parameters ?? initializeParameters(this.plan, setup.init, setup.training.seed, new Float32Array(this.plan.parameterCount));
    this.checkParameterCount(initial.length);
    this.model.writeParameters(initial);

    this.train = uploadSplit(device, splits.train, 'train');
    this.test = uploadSplit(device, splits.test, 'test');
    this.identity = identityIndices(device, Math.max(this.train.count, this.test.count, 1));
    this.trainPlan = new ForwardPlan(device, kernels, this.plan, this.schedule.batchSize, this.model.params, this.model.grads, 'train');
    const slotFloats = this.plan.slotWidths.reduce((sum, width) => sum + width, 1);
    const evalCapacity = Math.max(64, Math.min(16384, Math.floor(EVAL_ARENA_FLOATS / slotFloats)));
    this.evalPlan = new ForwardPlan(device, kernels, this.plan, evalCapacity, this.model.params, null, 'eval');

    this.passes = new PassUniforms(device, kernels.passLayout);
    this.pool = new StagingPool(device);
    this.losses = createStorageBuffer(device, MAX_STEPS_PER_CALL * 4, 'step losses');
    this.indices = createStorageBuffer(device, 4, 'batch indices');
    this.trainGatherGroup = this.bindTrainGather();
    this.trainLossGroup = kernels.loss.bind([this.lossUniform(this.trainPlan, true), this.trainPlan.arena, this.losses, this.model.status]);
    this.optimizerGroup = kernels.optimizer.bind([this.model.settings, this.model.params, this.model.grads, this.model.state, this.model.status, this.model.backup]);
    this.observer = new ObservationRecorder(device, kernels, this.plan, this.evalPlan, setup.spec, this.train, this.test, this.identity, this.model.status);
  }

  async step(k: number, observe: ObserveRequest = {}): Promise<Observation> {
    const lost = this.deviceLoss.reason;
    if (lost !== null) throw new DeviceLostError(`the WebGPU device was lost (${lost})`);
    if (!Number.isInteger(k) || k < 0 || k > MAX_STEPS_PER_CALL) throw new RangeError(`step count must be a whole number in [0, ${MAX_STEPS_PER_CALL}], got ${k}`);
    const steps = this.diverged || this.train.count === 0 ? 0 : k;
    const firstStep = this.stepCount;
    this.passes.reset();
    const stepOffsets = this.prepareSteps(firstStep, steps);
    const observation = this.observer.prepare(this.passes, observe);
    const passGroup = this.passes.upload();

    const encoder = this.device.createCommandEncoder({ label: `step ${firstStep}+${steps}` });
    const pass = encoder.beginComputePass({ label: 'training' });
    const counting = new CountingPass(pass);
    if (steps > 0) {
      counting.setBindGroup(1, passGroup, [stepOffsets[0].offset]);
      this.kernels.optimizer.encode(counting, 'backup', this.optimizerGroup, ...linearGroups(this.plan.parameterCount));
    }
    const beforeSteps = counting.dispatches;
    for (const { offset, rows } of stepOffsets) {
      counting.setBindGroup(1, passGroup, [offset]);
      this.encodeStep(counting, rows);
    }
    const stepDispatches = counting.dispatches - beforeSteps;
    const staging = this.observer.encode(encoder, pass, counting, passGroup, observation, this.losses, steps, this.pool);
    this.device.queue.submit([encoder.finish()]);
    this.stepCount += steps;
    this.lastCost = {
      steps,
      dispatchesPerStep: steps > 0 ? stepDispatches / steps : 0,
      dispatches: counting.dispatches,
      submits: 1,
      bytesReadBack: staging.bytes,
    };

    const results = await this.observer.read(this.pool, staging, observation, steps);
    if (results.diverged && !this.diverged) this.handleDivergence(firstStep);
    return {
      step: this.stepCount,
      epoch: this.stepCount / this.stepsPerEpoch,
      loss: results.loss,
      diverged: this.diverged,
      ...results.observed,
    };
  }

  /** Writes the batch indices of the coming steps and adds their pass uniforms. */
  private prepareSteps(firstStep: number, steps: number): { offset: number; rows: number }[] {
    if (steps === 0) return [];
    const batchSize = this.schedule.batchSize;
    const indices = new Uint32Array(steps * batchSize);
    const offsets: { offset: number; rows: number }[] = [];
    for (let s = 0; s < steps; s++) {
      const step = firstStep + s;
      const batch = this.schedule.batch(step);
      indices.set(batch, s * batchSize);
      const scalars = stepScalars(this.settings, step + 1);
      const offset = this.passes.add({
        rows: batch.length,
        indexOffset: s * batchSize,
        stepSeed: stepSeed(this.setup.training.seed, step),
        resultSlot: s,
        stepSize: scalars.stepSize,
        inverseSqrtCorrection2: scalars.inverseSqrtCorrection2,
        dropoutRate: this.settings.dropout,
      });
      offsets.push({ offset, rows: batch.length });
    }
    if (this.indices.size < indices.byteLength) {
      this.indices.destroy();
      this.indices = createStorageBuffer(this.device, indices.byteLength * 2, 'batch indices');
      this.trainGatherGroup = this.bindTrainGather();
    }
    this.device.queue.writeBuffer(this.indices, 0, indices);
    return offsets;
  }

  /** One minibatch step: gather, forward, loss, backward, optimizer. */
  private encodeStep(pass: CountingPass, rows: number): void {
    const featureCount = this.plan.slotWidths[0];
    this.kernels.gather.encode(pass, 'main', this.trainGatherGroup, Math.ceil((rows * featureCount) / 256));
    this.trainPlan.encodeForward(pass, rows);
    this.kernels.loss.encode(pass, 'train_loss', this.trainLossGroup, 1);
    this.trainPlan.encodeBackward(pass, rows);
    this.kernels.optimizer.encode(pass, 'update', this.optimizerGroup, ...linearGroups(this.plan.parameterCount));
  }

  /** Puts back the parameters from before the diverging submit; steps stay refused until new parameters arrive. */
  private handleDivergence(firstStep: number): void {
    this.diverged = true;
    this.stepCount = Math.min(this.stepCount, firstStep);
    const encoder = this.device.createCommandEncoder({ label: 'restore after divergence' });
    encoder.copyBufferToBuffer(this.model.backup, 0, this.model.params, 0, this.plan.parameterCount * 4);
    this.device.queue.submit([encoder.finish()]);
  }

  async predict(points: ArrayLike<number>): Promise<Float32Array> {
    const features = featuresOf(this.setup.spec, points);
    return this.observer.predict(this.passes, this.pool, features, points.length / 2);
  }

  async evaluate(): Promise<Metrics> {
    const observation = await this.step(0, { metrics: true });
    return observation.metrics!;
  }

  async getParameters(): Promise<Float32Array> {
    const bytes = this.plan.parameterCount * 4;
    const staging = this.pool.acquire(bytes);
    const encoder = this.device.createCommandEncoder({ label: 'read parameters' });
    encoder.copyBufferToBuffer(this.model.params, 0, staging, 0, bytes);
    this.device.queue.submit([encoder.finish()]);
    return new Float32Array(await this.pool.read(staging, bytes));
  }

  setParameters(parameters: ArrayLike<number>): void {
    this.checkParameterCount(parameters.length);
    this.model.writeParameters(parameters);
    this.diverged = false;
  }

  updateSettings(settings: LiveSettings): void {
    if (settings.optimizer !== this.settings.optimizer) this.model.clearState();
    this.settings = { ...settings };
    this.model.writeSettings(this.settings);
  }

  dispose(): void {
    this.trainPlan.destroy();
    this.evalPlan.destroy();
    this.model.destroy();
    this.passes.destroy();
    this.pool.destroy();
    this.observer.destroy();
    for (const buffer of [this.train.features, this.train.labels, this.test.features, this.test.labels, this.identity, this.losses, this.indices, ...this.ownedBuffers]) {
      buffer.destroy();
    }
  }

  private checkParameterCount(count: number): void {
    if (count !== this.plan.parameterCount) throw new Error(`expected ${this.plan.parameterCount} parameters, got ${count}`);
  }

  private bindTrainGather(): GPUBindGroup {
    const uniform = this.gatherUniform(this.trainPlan);
    return this.kernels.gather.bind([uniform, this.trainPlan.arena, this.train.features, this.train.labels, this.indices]);
  }

  private gatherUniform(plan: ForwardPlan): GPUBuffer {
    const uniform = uniformBuffer(this.device, Uint32Array.from([this.plan.slotWidths[0], plan.offsets.slots[0], plan.offsets.labels, 0]), 'gather');
    this.ownedBuffers.push(uniform);
    return uniform;
  }

  private lossUniform(plan: ForwardPlan, training: boolean): GPUBuffer {
    const uniform = uniformBuffer(this.device, lossUniformData(this.plan, plan, training), 'loss');
    this.ownedBuffers.push(uniform);
    return uniform;
  }
}

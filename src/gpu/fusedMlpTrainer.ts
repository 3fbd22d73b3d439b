import { initializeParameters } from '../core/init';
import { planNetwork, type NetworkPlan } from '../core/network';
import { MinibatchSchedule } from '../core/schedule';
import { prepareSplits } from '../core/splits';
import type { LiveSettings, TrainerSetup } from '../core/trainer';
import { createStorageBuffer } from './arena';
import type { GpuDevice } from './device';
import { FusedMlp, fusedThreadsFor, type FusedThreads } from './fusedMlp';
import { MAX_STEPS_PER_CALL } from './gpuTrainer';
import { ModelBuffers } from './modelBuffers';
import { CountingPass } from './passRecorder';
import { uploadSplit, type SplitBuffers } from './splitBuffers';
import { StagingPool } from './stagingPool';

/** What one call of k fused steps did. */
export interface FusedStepResult {
  /** Optimizer steps taken since the trainer was built. */
  step: number;
  /** Mean minibatch loss over the steps before the first non-finite one; NaN when none. */
  loss: number;
  /** The loss of every step of the call, as the kernel wrote it. */
  losses: Float32Array;
  diverged: boolean;
  /** Dispatches recorded for the call. */
  dispatches: number;
}

/**
 * Trains a small MLP on WebGPU with the fused kernel alone: the same setup, schedule, dropout
 * streams, optimizer scalars and divergence rule as GpuTrainer, so that the two (and the CPU
 * oracle) can be compared step for step. It observes nothing but the losses; GpuTrainer adds the
 * metrics, grids and thumbnails when it records this kernel in place of its layer-by-layer steps.
 */
export class FusedMlpTrainer {
  readonly plan: NetworkPlan;
  private readonly schedule: MinibatchSchedule;
  private readonly model: ModelBuffers;
  private readonly train: SplitBuffers;
  private readonly losses: GPUBuffer;
  private readonly pool: StagingPool;
  private settings: LiveSettings;
  private stepCount = 0;
  private diverged = false;

  private constructor(
    private readonly device: GPUDevice,
    private readonly setup: TrainerSetup,
    plan: NetworkPlan,
    schedule: MinibatchSchedule,
    model: ModelBuffers,
    train: SplitBuffers,
    losses: GPUBuffer,
    private readonly fused: FusedMlp,
  ) {
    this.plan = plan;
    this.schedule = schedule;
    this.model = model;
    this.train = train;
    this.losses = losses;
    this.pool = new StagingPool(device);
    this.settings = { ...setup.training };
  }

  static async create(gpu: GpuDevice, setup: TrainerSetup, options: { threads?: FusedThreads } = {}): Promise<FusedMlpTrainer> {
    const device = gpu.device;
    const plan = planNetwork(setup.spec);
    const splits = prepareSplits(setup.spec, setup.dataset);
    const schedule = new MinibatchSchedule(splits.train.count, setup.training.batchSize, setup.training.seed);
    const model = new ModelBuffers(device, plan);
    const initial = setup.parameters ?? initializeParameters(plan, setup.init, setup.training.seed, new Float32Array(plan.parameterCount));
    if (initial.length !== plan.parameterCount) throw new Error(`expected ${plan.parameterCount} parameters, got ${initial.length}`);
    model.writeParameters(initial);
    const train = uploadSplit(device, splits.train, 'train');
    const losses = createStorageBuffer(device, MAX_STEPS_PER_CALL * 4, 'step losses');
    const buffers = { params: model.params, state: model.state, status: model.status, losses, train };
    const fused = await FusedMlp.create(device, plan, schedule.batchSize, buffers, setup.training, { threads: options.threads ?? fusedThreadsFor(gpu) });
    return new FusedMlpTrainer(device, setup, plan, schedule, model, train, losses, fused);
  }

  get stepsPerEpoch(): number {
    return this.schedule.stepsPerEpoch;
  }

  /** Takes k steps in one dispatch and one submit; a diverging call is undone as a whole. */
  async step(k: number): Promise<FusedStepResult> {
    if (!Number.isInteger(k) || k < 0 || k > MAX_STEPS_PER_CALL) throw new RangeError(`step count must be a whole number in [0, ${MAX_STEPS_PER_CALL}], got ${k}`);
    const steps = this.diverged || this.train.count === 0 ? 0 : k;
    const firstStep = this.stepCount;
    const encoder = this.device.createCommandEncoder({ label: `fused steps ${firstStep}+${steps}` });
    const pass = encoder.beginComputePass({ label: 'fused training' });
    const counting = new CountingPass(pass);
    if (steps > 0) {
      this.fused.prepare(this.schedule, this.setup.training.seed, this.settings, firstStep, steps);
      this.fused.record(counting);
    }
    pass.end();
    // The losses of the call, then the status word.
    const bytes = (steps + 1) * 4;
    const staging = this.pool.acquire(bytes);
    if (steps > 0) encoder.copyBufferToBuffer(this.losses, 0, staging, 0, steps * 4);
    encoder.copyBufferToBuffer(this.model.status, 0, staging, steps * 4, 4);
    this.device.queue.submit([encoder.finish()]);
    this.stepCount += steps;

    const data = await this.pool.read(staging, bytes);
    const losses = new Float32Array(data, 0, steps).slice();
    const divergedNow = new Uint32Array(data, steps * 4, 1)[0] !== 0;
    let sum = 0;
    let finite = 0;
    for (; finite < steps && Number.isFinite(losses[finite]); finite++) sum += losses[finite];
    if (divergedNow && !this.diverged) {
      // The kernel has already put back the parameters from the start of the call.
      this.diverged = true;
      this.stepCount = firstStep;
    }
    return { step: this.stepCount, loss: finite > 0 ? sum / finite : NaN, losses, diverged: this.diverged, dispatches: counting.dispatches };
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
    if (parameters.length !== this.plan.parameterCount) throw new Error(`expected ${this.plan.parameterCount} parameters, got ${parameters.length}`);
    this.model.writeParameters(parameters);
    this.diverged = false;
  }

  updateSettings(settings: LiveSettings): void {
    if (settings.optimizer !== this.settings.optimizer) this.model.clearState();
    this.settings = { ...settings };
    this.fused.writeSettings(settings);
  }

  dispose(): void {
    this.fused.destroy();
    this.model.destroy();
    this.pool.destroy();
    for (const buffer of [this.train.features, this.train.labels, this.losses]) buffer.destroy();
  }
}

import { stepSeed } from '../core/dropout';
import { initializeParameters } from '../core/init';
import { planNetwork, type NetworkPlan } from '../core/network';
import { scheduledStepScalars } from '../core/optimizer';
import { MinibatchSchedule } from '../core/schedule';
import { prepareSplits, type SplitData } from '../core/splits';
import { liveSettingsOf, MAX_STEPS_PER_CALL, type LiveSettings, type Observation, type ObserveRequest, type TrainerSetup } from '../core/trainer';
import { createStorageBuffer } from './arena';
import type { GpuDevice } from './device';
import { buildInErrorScopes, withErrorScopes, WorkFailures } from './deviceWatch';
import { formatBytes, GpuCapacityError } from './errors';
import { FUSED_STEP_RECORD_WORDS } from './fusedLimits';
import { fusedArena, fusedIneligibility, fusedPipeline, fusedThreadsFor, type FusedArena, type FusedPipeline, type FusedThreads } from './fusedMlp';
import { FUSED_STEPS_OFFSET, packFused, RUN_SETTINGS_BYTES, writeRunSettings } from './uniforms';
import { forwardPipeline, forwardRowsPerThreadFor, FusedForward, type ForwardPipeline, type ForwardRequest, type PreparedForward } from './fusedForward';
import { GpuTrainer } from './gpuTrainer';
import { uploadSplit, type SplitBuffers } from './splitBuffers';
import { StagingPool } from './stagingPool';

/** Runs one batched group takes at most: enough for a 4 × 4 sweep and then some. */
export const BATCHED_MAX_RUNS = 256;

/** What the last step() call cost. */
export interface BatchedCallCost {
  steps: number;
  runs: number;
  dispatches: number;
  /** Dispatches of the call divided by its steps: the group's steps, not each run's. */
  dispatchesPerStep: number;
  /** Dispatches that evaluated what the call observed (metrics, grids, thumbnails) for every run. */
  observeDispatches: number;
  submits: number;
}

export interface BatchedTrainerOptions {
  /** Threads per workgroup (by default fusedThreadsFor the adapter). */
  threads?: FusedThreads;
  /** The device's limits unless tighter ones are given. */
  limits?: GPUSupportedLimits;
}

/** One run's own state on the host: its schedule (seed), live settings and step count. */
interface RunState {
  schedule: MinibatchSchedule;
  settings: LiveSettings;
  stepCount: number;
  diverged: boolean;
}

/** A short name for a layout in error messages: features-[hidden]-outputs. */
function describeLayout(plan: NetworkPlan): string {
  const hidden = plan.dense.filter((layer) => layer.hidden).map((layer) => layer.out);
  return `${plan.slotWidths[0]}-[${hidden.join(',')}]-${plan.dense[plan.dense.length - 1].out}`;
}

function sameSplit(a: SplitData, b: SplitData): boolean {
  return a.count === b.count && a.features.every((x, i) => x === b.features[i]) && a.labels.every((y, i) => y === b.labels[i]);
}

/**
 * Why these setups cannot share one batched group, or null when they can: the same model (layers,
 * activations, features, normalisation, task), the same training and test rows and the same batch
 * size.
 */
export function batchIncompatibility(setups: readonly TrainerSetup[]): string | null {
  if (setups.length === 0) return 'a batched group needs at least one run';
  if (setups.length > BATCHED_MAX_RUNS) return `${setups.length} runs are more than a batched group takes (${BATCHED_MAX_RUNS})`;
  const first = setups[0];
  const firstSpec = JSON.stringify(first.spec);
  const firstPlan = planNetwork(first.spec);
  const firstSplits = prepareSplits(first.spec, first.dataset);
  const firstTrain = firstSplits.train;
  const firstBatch = new MinibatchSchedule(firstTrain.count, first.training.batchSize, 0).batchSize;
  for (let i = 1; i < setups.length; i++) {
    const setup = setups[i];
    const run = `run ${i + 1}`;
    if (JSON.stringify(setup.spec) !== firstSpec) {
      return `${run}: its model (${describeLayout(planNetwork(setup.spec))}, its activations, features or task) differs from run 1's (${describeLayout(firstPlan)}); a batched group trains one layout`;
    }
    const splits = prepareSplits(setup.spec, setup.dataset);
    const train = splits.train;
    if (!sameSplit(train, firstTrain) || !sameSplit(splits.test, firstSplits.test)) return `${run}: its data (training or test points) differs from run 1's; a batched group trains on one data set`;
    const batch = new MinibatchSchedule(train.count, setup.training.batchSize, 0).batchSize;
    if (batch !== firstBatch) return `${run}: its batch size (${batch}) differs from run 1's (${firstBatch}); a batched group shares one batch size`;
  }
  return null;
}

/**
 * The runs of `setups` split into batched groups, each a list of indices in order: runs join the
 * first group whose first run they can share one with (batchIncompatibility), so different
 * layouts, data sets or batch sizes form different groups. At most BATCHED_MAX_RUNS per group.
 */
export function batchGroups(setups: readonly TrainerSetup[]): number[][] {
  const groups: number[][] = [];
  setups.forEach((setup, i) => {
    const group = groups.find((members) => members.length < BATCHED_MAX_RUNS && batchIncompatibility([setups[members[0]], setup]) === null);
    if (group) group.push(i);
    else groups.push([i]);
  });
  return groups;
}

/**
 * The group's arena: every run's region of `stride` floats (a lone fused kernel's arena without the
 * split: activations, dZ, partial losses, backup), then one copy of the training split that every
 * run reads. Offsets in floats, as in FusedArena.
 */
function batchedArena(plan: NetworkPlan, batchSize: number, runs: number, trainCount: number): FusedArena & { stride: number } {
  const perRun = fusedArena(plan, batchSize, 0);
  const features = runs * perRun.size;
  const labels = features + Math.ceil((trainCount * plan.slotWidths[0]) / 4) * 4;
  return { ...perRun, stride: perRun.size, features, labels, size: labels + Math.ceil(Math.max(1, trainCount) / 4) * 4 };
}

/**
 * Trains a group of runs that share a layout and a data set, each with its own seed (initial
 * weights, minibatch order, dropout), learning rate and schedule, optimizer, momentum, L1, L2 and
 * dropout: step(k) takes k steps of every run in one dispatch of shaders/fused_mlp.wgsl
 * (one workgroup per run) and one submit. Each run equals the same run trained alone by a
 * GpuTrainer on the fused kernel, bit for bit. Its `size`, `step(k, observe)` and
 * `parameters(run)` are those of compare mode's RunGroup (src/train/runGroup.ts).
 */
export class BatchedGpuTrainer {
  readonly plan: NetworkPlan;
  readonly runs: number;
  readonly stepsPerEpoch: number;
  readonly threads: FusedThreads;
  lastCost: BatchedCallCost = { steps: 0, runs: 0, dispatches: 0, dispatchesPerStep: 0, observeDispatches: 0, submits: 0 };
  private readonly device: GPUDevice;
  private readonly gpu: GpuDevice;
  /** The layout and data every run shares, for the evaluator. */
  private readonly firstSetup: TrainerSetup;
  private readonly runStates: RunState[];
  private readonly trainCount: number;
  private readonly params: GPUBuffer;
  private readonly state: GPUBuffer;
  private readonly status: GPUBuffer;
  private readonly losses: GPUBuffer;
  private readonly arena: GPUBuffer;
  private readonly uniform: GPUBuffer;
  private readonly runSettings: GPUBuffer;
  private readonly uniformData: ArrayBuffer;
  private readonly runData: ArrayBuffer;
  private readonly pool: StagingPool;
  private readonly failures: WorkFailures;
  private schedule: GPUBuffer;
  private scheduleWords: Uint32Array<ArrayBuffer>;
  private group: GPUBindGroup;
  /** Both splits on the GPU for the fused forward kernel, and the kernel, which evaluates every run at once. */
  private readonly splits: { train: SplitBuffers; test: SplitBuffers };
  private readonly forward: FusedForward;
  /** A lone trainer that evaluates each run in turn, for a call whose results would not fit one buffer. */
  private evaluator: Promise<GpuTrainer> | null = null;

  /**
   * Throws a clear error when the setups cannot share a group (batchIncompatibility) or the fused
   * kernel cannot train their layout; a GpuCapacityError when the group's buffers would not fit.
   */
  static async create(gpu: GpuDevice, setups: TrainerSetup[], options: BatchedTrainerOptions = {}): Promise<BatchedGpuTrainer> {
    const incompatible = batchIncompatibility(setups);
    if (incompatible !== null) throw new Error(`cannot train these runs together: ${incompatible}`);
    const plan = planNetwork(setups[0].spec);
    const train = prepareSplits(setups[0].spec, setups[0].dataset).train;
    const batchSize = new MinibatchSchedule(train.count, setups[0].training.batchSize, 0).batchSize;
    const ineligible = fusedIneligibility(plan, batchSize);
    if (ineligible !== null) throw new Error(`cannot train these runs together: the fused kernel cannot train this network (${ineligible})`);
    const limits = options.limits ?? gpu.device.limits;
    const allowed = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
    const arenaBytes = 4 * batchedArena(plan, batchSize, setups.length, train.count).size;
    if (arenaBytes > allowed) {
      const what = `the arena of ${setups.length} runs`;
      throw new GpuCapacityError(what, arenaBytes, allowed, 'maxStorageBufferBindingSize', `${what} needs ${formatBytes(arenaBytes)}, more than this GPU allows in one buffer (${formatBytes(allowed)}); train fewer runs at once`);
    }
    const threads = options.threads ?? fusedThreadsFor(gpu);
    const pipeline = await fusedPipeline(gpu.device, threads);
    // Every layout the fused training kernel takes (fusedIneligibility), the forward kernel takes too.
    const forward = await forwardPipeline(gpu.device, forwardRowsPerThreadFor(gpu));
    return buildInErrorScopes(gpu.device, () => new BatchedGpuTrainer(gpu, setups, plan, train, batchSize, threads, pipeline, forward, allowed));
  }

  private constructor(
    gpu: GpuDevice,
    setups: TrainerSetup[],
    plan: NetworkPlan,
    train: SplitData,
    private readonly batchSize: number,
    threads: FusedThreads,
    private readonly pipeline: FusedPipeline,
    forwardKernel: ForwardPipeline,
    private readonly maxBindingBytes: number,
  ) {
    this.gpu = gpu;
    this.firstSetup = setups[0];
    const device = gpu.device;
    this.device = device;
    this.plan = plan;
    this.runs = setups.length;
    this.threads = threads;
    this.trainCount = train.count;
    this.failures = new WorkFailures(device);
    const count = plan.parameterCount;
    this.runStates = setups.map((setup) => ({
      schedule: new MinibatchSchedule(train.count, setup.training.batchSize, setup.training.seed),
      settings: liveSettingsOf(setup.training),
      stepCount: 0,
      diverged: false,
    }));
    this.stepsPerEpoch = this.runStates[0].schedule.stepsPerEpoch;

    this.params = createStorageBuffer(device, this.runs * count * 4, 'batched params');
    this.state = createStorageBuffer(device, this.runs * 2 * count * 4, 'batched optimizer state');
    this.status = createStorageBuffer(device, this.runs * 4, 'batched status');
    this.losses = createStorageBuffer(device, this.runs * MAX_STEPS_PER_CALL * 4, 'batched step losses');
    setups.forEach((setup, run) => {
      const initial = setup.parameters ?? initializeParameters(plan, setup.init, setup.training.seed, new Float32Array(count), setup.initScale);
      this.writeRunParameters(run, initial);
    });

    const arena = batchedArena(plan, batchSize, this.runs, train.count);
    this.arena = createStorageBuffer(device, arena.size * 4, 'batched arena');
    if (train.count > 0) {
      device.queue.writeBuffer(this.arena, arena.features * 4, Float32Array.from(train.features));
      device.queue.writeBuffer(this.arena, arena.labels * 4, Float32Array.from(train.labels));
    }

    this.uniformData = packFused(plan, arena, arena.stride);
    this.uniform = device.createBuffer({ label: 'batched layout', size: this.uniformData.byteLength, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(this.uniform, 0, this.uniformData);

    this.runData = new ArrayBuffer(this.runs * RUN_SETTINGS_BYTES);
    this.runSettings = createStorageBuffer(device, this.runData.byteLength, 'batched run settings');
    this.scheduleWords = new Uint32Array(this.runs * 64 * (FUSED_STEP_RECORD_WORDS + batchSize));
    this.schedule = createStorageBuffer(device, this.scheduleWords.byteLength, 'batched schedule');
    this.pool = new StagingPool(device);
    this.group = this.bind();
    const test = prepareSplits(setups[0].spec, setups[0].dataset).test;
    this.splits = { train: uploadSplit(device, train, 'batched train'), test: uploadSplit(device, test, 'batched test') };
    this.forward = new FusedForward(device, plan, forwardKernel, { params: this.params, ...this.splits }, this.runs, maxBindingBytes);
  }

  /**
   * Takes k steps of every run that has not diverged in one dispatch and one submit, and resolves
   * with each run's observation once its losses have been read back.
   */
  async step(k: number, observe: ObserveRequest = {}): Promise<Observation[]> {
    this.failures.throwIfFailed();
    if (!Number.isInteger(k) || k < 0 || k > MAX_STEPS_PER_CALL) throw new RangeError(`the step count must be a whole number from 0 to ${MAX_STEPS_PER_CALL}; got ${k}`);
    const steps = this.trainCount === 0 ? 0 : k;
    this.ensureCapacity(this.runs * steps * (FUSED_STEP_RECORD_WORDS + this.batchSize));
    const request: ForwardRequest = { metrics: observe.metrics, grid: observe.grid, neurons: observe.neurons };
    const { result: call, errors } = withErrorScopes(this.device, () => this.record(steps, request));
    const data = await this.failures.settle(errors, this.pool.read(call.staging, call.bytes));
    const losses = new Float32Array(data, 0, this.runs * steps);
    const status = new Uint32Array(data, 4 * this.runs * steps, this.runs);
    const observations: Observation[] = this.runStates.map((run, r) => {
      const own = losses.subarray(r * steps, (r + 1) * steps);
      const took = run.diverged ? 0 : steps;
      // A run that diverges in this call keeps its step count: the kernel put back its parameters from the call's start.
      if (status[r] !== 0) run.diverged = true;
      else run.stepCount += took;
      return { step: run.stepCount, epoch: run.stepCount / this.stepsPerEpoch, loss: took > 0 ? meanOfFiniteLead(own) : NaN, diverged: run.diverged };
    });
    if (call.forward) {
      const floats = new Float32Array(data);
      observations.forEach((observation, run) => Object.assign(observation, this.forward.read(floats, call.forwardAt, call.forward!, run)));
    } else if (observe.metrics || observe.grid || observe.neurons) await this.observeEach(observations, observe);
    return observations;
  }

  /** The number of runs (compare mode's `RunGroup`). */
  get size(): number {
    return this.runs;
  }

  /** exportParameters under compare mode's `RunGroup` name. */
  parameters(run: number): Promise<Float32Array> {
    return this.exportParameters(run);
  }

  /**
   * For a call whose results for all runs would not fit one buffer: adds what `observe` asks for to
   * each run's observation, the run's parameters going through one GpuTrainer of the group's layout
   * and data (built on first use), which evaluates them as it would its own: two round trips per run.
   */
  private async observeEach(observations: Observation[], observe: ObserveRequest): Promise<void> {
    this.evaluator ??= GpuTrainer.create(this.gpu, this.firstSetup);
    const evaluator = await this.evaluator;
    for (let run = 0; run < this.runs; run++) {
      evaluator.setParameters(await this.exportParameters(run));
      const { metrics, grid, neurons } = await evaluator.step(0, observe);
      Object.assign(observations[run], metrics && { metrics }, grid && { grid }, neurons && { neurons });
    }
  }

  /** The flat parameter vector of run `run` (plan order). */
  async exportParameters(run: number): Promise<Float32Array> {
    this.failures.throwIfFailed();
    this.checkRun(run);
    const bytes = this.plan.parameterCount * 4;
    const { result: staging, errors } = withErrorScopes(this.device, () => {
      const buffer = this.pool.acquire(bytes);
      const encoder = this.device.createCommandEncoder({ label: `read parameters of run ${run + 1}` });
      encoder.copyBufferToBuffer(this.params, run * bytes, buffer, 0, bytes);
      this.device.queue.submit([encoder.finish()]);
      return buffer;
    });
    return new Float32Array(await this.failures.settle(errors, this.pool.read(staging, bytes)));
  }

  /**
   * New parameters for run `run`; a diverged run trains again. The optimizer keeps its memory, as a
   * lone trainer's does, except after a divergence, when it may hold non-finite numbers.
   */
  setParameters(run: number, parameters: ArrayLike<number>): void {
    this.checkRun(run);
    this.writeRunParameters(run, parameters);
    if (this.runStates[run].diverged) this.clearRunState(run);
    this.runStates[run].diverged = false;
    this.device.queue.writeBuffer(this.status, run * 4, new Uint32Array([0]));
  }

  /** New live settings for run `run`; a change of optimizer clears its optimizer state, as a lone trainer does. */
  updateSettings(run: number, settings: LiveSettings): void {
    this.checkRun(run);
    const state = this.runStates[run];
    if (settings.optimizer !== state.settings.optimizer) this.clearRunState(run);
    state.settings = { ...settings };
  }

  /** Zeroes run `run`'s optimizer memory. */
  private clearRunState(run: number): void {
    const count = this.plan.parameterCount;
    this.device.queue.writeBuffer(this.state, run * 2 * count * 4, new Float32Array(2 * count));
  }

  dispose(): void {
    // An evaluator that failed to build has nothing to dispose; its error went to the call that built it.
    this.evaluator?.then(
      (evaluator) => evaluator.dispose(),
      () => {},
    );
    for (const buffer of [this.params, this.state, this.status, this.losses, this.arena, this.uniform, this.runSettings, this.schedule]) buffer.destroy();
    this.forward.destroy();
    for (const split of [this.splits.train, this.splits.test]) for (const buffer of [split.features, split.labels]) buffer.destroy();
    this.pool.destroy();
  }

  /**
   * Writes every run's schedule and settings, records one dispatch of the steps (runs workgroups)
   * and, when something is observed and the fused forward kernel takes the layout, one dispatch
   * that evaluates every run; copies losses, status and the evaluation's results out: one submit.
   * The staging buffer holds the losses (runs × steps), the status words (runs), then the
   * evaluation's results from float `forwardAt` on.
   */
  private record(steps: number, request: ForwardRequest): { staging: GPUBuffer; bytes: number; forward: PreparedForward | null; forwardAt: number } {
    const forward = this.forward.prepare(request);
    const forwardAt = this.runs * (MAX_STEPS_PER_CALL + 1);
    const bytes = 4 * (forward ? forwardAt + this.forward.floats(forward) : this.runs * (steps + 1));
    // Calls of any length use one staging size (with or without an evaluation), so that they reuse the pool's buffers.
    const staging = this.pool.acquire(Math.max(bytes, 4 * forwardAt));
    const encoder = this.device.createCommandEncoder({ label: `batched steps: ${this.runs} runs × ${steps}` });
    if (steps > 0) this.prepare(steps);
    if (steps > 0 || forward) {
      const pass = encoder.beginComputePass({ label: 'batched training' });
      if (steps > 0) {
        pass.setPipeline(this.pipeline.pipeline);
        pass.setBindGroup(0, this.group);
        pass.dispatchWorkgroups(this.runs);
      }
      // After the steps, or after the kernel put back a diverged run's parameters.
      if (forward) this.forward.record(pass, forward);
      pass.end();
    }
    if (steps > 0) encoder.copyBufferToBuffer(this.losses, 0, staging, 0, this.runs * steps * 4);
    encoder.copyBufferToBuffer(this.status, 0, staging, this.runs * steps * 4, this.runs * 4);
    if (forward) this.forward.encodeCopy(encoder, forward, staging, forwardAt);
    this.device.queue.submit([encoder.finish()]);
    const observeDispatches = forward && forward.groups > 0 ? 1 : 0;
    const stepDispatches = steps > 0 ? 1 : 0;
    this.lastCost = { steps, runs: this.runs, dispatches: stepDispatches + observeDispatches, dispatchesPerStep: steps > 0 ? 1 / steps : 0, observeDispatches, submits: 1 };
    return { staging, bytes, forward, forwardAt };
  }

  /** Each run's StepRecords and row indices (from its own seed, step count and settings), its RunSettings, and the call's step count. */
  private prepare(steps: number): void {
    const perRun = steps * (FUSED_STEP_RECORD_WORDS + this.batchSize);
    const words = this.scheduleWords;
    const floats = new Float32Array(words.buffer);
    const runView = new DataView(this.runData);
    this.runStates.forEach((run, r) => {
      const start = r * perRun;
      let next = start + steps * FUSED_STEP_RECORD_WORDS;
      for (let s = 0; s < steps; s++) {
        const step = run.stepCount + s;
        const batch = run.schedule.batch(step);
        const scalars = scheduledStepScalars(run.settings, step);
        const base = start + s * FUSED_STEP_RECORD_WORDS;
        words[base] = batch.length;
        words[base + 1] = next;
        words[base + 2] = stepSeed(run.schedule.seed, step);
        floats[base + 3] = scalars.stepSize;
        floats[base + 4] = scalars.inverseSqrtCorrection2;
        words.set(batch, next);
        next += batch.length;
      }
      writeRunSettings(runView, r, run.settings, start);
    });
    this.device.queue.writeBuffer(this.schedule, 0, words, 0, this.runs * perRun);
    this.device.queue.writeBuffer(this.runSettings, 0, this.runData);
    new DataView(this.uniformData).setUint32(FUSED_STEPS_OFFSET, steps, true);
    this.device.queue.writeBuffer(this.uniform, FUSED_STEPS_OFFSET, this.uniformData, FUSED_STEPS_OFFSET, 4);
  }

  /**
   * A call with more steps than ever before doubles the schedule buffer (steady calls allocate
   * nothing); one whose schedule would not fit a buffer is refused with a GpuCapacityError.
   */
  private ensureCapacity(words: number): void {
    if (words <= this.scheduleWords.length) return;
    if (words * 4 > this.maxBindingBytes) {
      const what = `the schedule of ${this.runs} runs`;
      throw new GpuCapacityError(what, words * 4, this.maxBindingBytes, 'maxStorageBufferBindingSize', `${what} needs ${formatBytes(words * 4)} for this call, more than this GPU allows in one buffer (${formatBytes(this.maxBindingBytes)}); take fewer steps per call`);
    }
    this.scheduleWords = new Uint32Array(Math.max(words, 2 * this.scheduleWords.length));
    this.schedule.destroy();
    this.schedule = createStorageBuffer(this.device, this.scheduleWords.byteLength, 'batched schedule');
    this.group = this.bind();
  }

  private writeRunParameters(run: number, parameters: ArrayLike<number>): void {
    const count = this.plan.parameterCount;
    if (parameters.length !== count) throw new Error(`run ${run + 1}: the parameters must be ${count} numbers; got ${parameters.length}`);
    this.device.queue.writeBuffer(this.params, run * count * 4, Float32Array.from(parameters));
  }

  private checkRun(run: number): void {
    if (!Number.isInteger(run) || run < 0 || run >= this.runs) throw new RangeError(`the run must be a whole number from 0 to ${this.runs - 1}; got ${run}`);
  }

  private bind(): GPUBindGroup {
    const entries = [this.uniform, this.params, this.state, this.status, this.losses, this.arena, this.schedule, this.runSettings];
    return this.device.createBindGroup({
      label: 'batched fused mlp',
      layout: this.pipeline.layout,
      entries: entries.map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
  }


}

/** The mean of the losses up to the first one that is not finite; NaN when there is none. */
function meanOfFiniteLead(losses: Float32Array): number {
  let sum = 0;
  let finite = 0;
  for (; finite < losses.length && Number.isFinite(losses[finite]); finite++) sum += losses[finite];
  return finite > 0 ? sum / finite : NaN;
}

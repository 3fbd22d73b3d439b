import type { Dataset } from '../core/dataset';
import { planeGrid } from '../core/grid';
import type { Metrics } from '../core/metrics';
import type { ModelSpec } from '../core/network';
import { sweepRunLabel, type SweepAxis, type SweepRunSpec } from '../core/sweepAxes';
import { learningRateAt, lrScheduleOf } from '../core/lrSchedule';
import type { GridSpec, Observation, Trainer, TrainerSetup } from '../core/trainer';
import { exportWeights, type WeightsFileV1 } from '../io/weights';
import { errorText, type Backend } from './backend';
import { datasetOf } from './dataEdits';
import { LossHistory } from './history';
import { SpeedLimit } from './pacer';
import type { BackendProvider, FrameClock } from './run';
import { RateMeter } from './rateMeter';
import { TrainerGroup, type RunGroup } from './runGroup';
import { metricsSummary } from './runSupport';
import { planSweepGroups, type SweepGroupPlan, type SweepTraining } from './sweepGroups';
import { measuredLoss, summarizeRun, type SweepPoint, type SweepResult } from './sweepResults';
import { buildTrainerSetup } from './trainerSetup';

/**
 * Compare mode's engine: every run of a sweep trained each frame. Runs are held in groups
 * (`RunGroup`); each frame every group that is not busy takes k steps of each of its runs, k sized
 * so a group's call fits the frame budget and capped by the page's Speed (steps a second per run).
 * On WebGPU, runs that share a layout form batched groups (one dispatch steps them all) and runs
 * the fused kernel cannot train have a trainer each, in one more group; every group's call is
 * submitted in the same frame. On the CPU each worker is a group and trains its runs one after
 * another, the workers side by side.
 */

/** The backends a sweep trains on; `release` closes those opened for it. */
export interface SweepBackends {
  kind: 'webgpu' | 'cpu';
  groups: Backend[];
  release(): void;
}

/** CPU workers a sweep uses: one per core beyond the page's own thread, at most 4. */
export function sweepWorkerCount(hardwareConcurrency: number): number {
  return Math.max(1, Math.min(4, (hardwareConcurrency || 1) - 1));
}

/** The page's WebGPU device (one group), or `workers` CPU workers opened for the sweep. */
export function sweepBackends(page: Backend, provider: BackendProvider, workers: number): SweepBackends {
  if (page.kind === 'webgpu') return { kind: 'webgpu', groups: [page], release: () => {} };
  const groups = Array.from({ length: workers }, () => provider.cpu('a worker of compare mode'));
  return { kind: 'cpu', groups, release: () => groups.forEach((backend) => backend.dispose()) };
}

/** The side of each run's small plane grid. */
export const SWEEP_GRID_SIZE = 24;
/** How long one group's call may take; k follows it. */
const FRAME_BUDGET_MS = 12;
const MAX_STEPS_PER_FRAME = 64;
/** The plane grids are asked for at most this often. */
const GRID_INTERVAL_MS = 200;
/** The metrics (the curves and the table) are asked for at most this often. */
const METRICS_INTERVAL_MS = 100;
/**
 * A group's observations start at most once every this many times what one costs, so that they
 * take at most a quarter of its time (a batched group evaluates its runs one after another).
 */
const OBSERVE_SPACING = 4;

/** One run of the sweep as the compare view shows it. */
export interface SweepRun {
  readonly index: number;
  readonly label: string;
  readonly spec: SweepRunSpec;
  readonly modelSpec: ModelSpec;
  /** Optimizer steps taken. */
  step: number;
  epoch: number;
  metrics: Metrics | null;
  grid: { spec: GridSpec; values: Float32Array } | null;
  curve: SweepPoint[];
  /** Both splits' curves, as the main run keeps them: an opened run goes on with them. */
  history: LossHistory;
  diverged: boolean;
}

interface GroupState {
  group: RunGroup;
  runs: SweepRun[];
  k: number;
  /** The page's Speed for this group: each call takes k steps of every run. */
  speed: SpeedLimit;
  /** What a step of every run takes, from the calls that only train (ms). */
  msPerStep: number;
  /** What an observation adds to a call (ms). */
  observeMs: number;
  /** The call in flight, if any. */
  busy: Promise<void> | null;
  lastGrid: number;
  lastMetrics: number;
}

export interface SweepStart {
  axes: readonly SweepAxis[];
  runs: readonly SweepRunSpec[];
  custom: Dataset | null;
  backends: SweepBackends;
  clock: FrameClock;
  /** The page's Speed in steps a second per run (Infinity: Max). */
  speed: number;
}

const BACKEND_NAMES = { webgpu: 'WebGPU', cpu: 'the CPU' } as const;

/** On WebGPU, batched groups where the backend offers them (planSweepGroups); on the CPU, the workers. */
function trainingOf(backends: SweepBackends, setups: readonly TrainerSetup[]): SweepTraining {
  if (backends.kind === 'cpu') return { kind: 'cpu', workers: backends.groups.length };
  const plan = backends.groups[0].createBatchedGroup ? planSweepGroups(setups) : { batched: [], alone: setups.map((_, i) => i), aloneReasons: [] };
  return { kind: 'webgpu', plan };
}

/** A group of runs, before it trains. */
interface BuiltGroup {
  group: RunGroup;
  runs: SweepRun[];
}

/** The trainers of one backend's runs, in order; any built before a failure are disposed. */
async function buildShare(backend: Backend, setups: readonly TrainerSetup[]): Promise<Trainer[]> {
  const trainers: Trainer[] = [];
  try {
    for (const setup of setups) trainers.push(await backend.createTrainer(setup));
  } catch (error) {
    trainers.forEach((trainer) => trainer.dispose());
    throw error;
  }
  return trainers;
}

/** On WebGPU: a batched group per layout the fused kernel trains, and one group of a trainer each for the rest; nothing is left built after a failure. */
async function buildGpuGroups(backend: Backend, plan: SweepGroupPlan, runs: readonly SweepRun[], setups: readonly TrainerSetup[]): Promise<BuiltGroup[]> {
  const built: BuiltGroup[] = [];
  try {
    for (const members of plan.batched) built.push({ group: await backend.createBatchedGroup!(members.map((i) => setups[i])), runs: members.map((i) => runs[i]) });
    if (plan.alone.length > 0) built.push({ group: new TrainerGroup(await buildShare(backend, plan.alone.map((i) => setups[i]))), runs: plan.alone.map((i) => runs[i]) });
  } catch (error) {
    built.forEach(({ group }) => group.dispose());
    throw error;
  }
  return built;
}

/** On the CPU: each worker builds its share of the trainers (run i goes to worker i mod workers), the workers side by side. */
async function buildWorkerGroups(backends: readonly Backend[], runs: readonly SweepRun[], setups: readonly TrainerSetup[]): Promise<BuiltGroup[]> {
  const shares = backends.map(() => [] as SweepRun[]);
  runs.forEach((run) => shares[run.index % backends.length].push(run));
  const built = await Promise.allSettled(shares.map((share, g) => buildShare(backends[g], share.map((run) => setups[run.index]))));
  const failure = built.find((result) => result.status === 'rejected');
  if (failure) {
    for (const result of built) if (result.status === 'fulfilled') result.value.forEach((trainer) => trainer.dispose());
    throw failure.reason;
  }
  return built.flatMap((result, g) => (result.status === 'fulfilled' && result.value.length > 0 ? [{ group: new TrainerGroup(result.value), runs: shares[g] }] : []));
}

/** Trains every run of a sweep until disposed; views read `runs` when `version` changes. */
export class SweepRunner {
  version = 0;
  /** Something that stopped the sweep, in words. */
  problem: string | null = null;
  /** The last move to another backend, in words (null before any). */
  moved: string | null = null;
  readonly runs: SweepRun[];
  readonly dataset: Dataset;
  /** How the runs train: WebGPU's batched groups, or CPU workers. */
  training: SweepTraining;
  private backends: SweepBackends;
  private setups: TrainerSetup[];
  private groups: GroupState[] = [];
  /** Where each run's trainer started: 0, or where the run was when it moved to another backend. */
  private offsets: { step: number; epoch: number }[];
  /** While the runs move to another backend, no frame trains; `left` holds their weights taken off the old one. */
  private moving: Promise<void> | null = null;
  private left: Float32Array[] | null = null;
  private speed: number;
  private frameHandle: number | null = null;
  private disposed = false;
  private readonly rate = new RateMeter();

  private constructor(private readonly start: SweepStart) {
    // Data is never an axis: every run trains on the same points.
    this.dataset = datasetOf(start.runs[0].config.data, start.custom);
    this.backends = start.backends;
    this.speed = start.speed;
    this.setups = start.runs.map((spec) => buildTrainerSetup('fresh', spec.config, this.dataset, null));
    this.training = trainingOf(start.backends, this.setups);
    this.offsets = start.runs.map(() => ({ step: 0, epoch: 0 }));
    this.runs = start.runs.map((spec, index) => ({
      index,
      label: sweepRunLabel(start.axes, spec.values),
      spec,
      modelSpec: this.setups[index].spec,
      step: 0,
      epoch: 0,
      metrics: null,
      grid: null,
      curve: [],
      history: new LossHistory(),
      diverged: false,
    }));
  }

  /**
   * Builds every run's trainer (fresh weights from its seed) in groups: on WebGPU batched groups of
   * the runs that share a layout the fused kernel trains (when the backend offers them) and a
   * trainer each for the rest, on the CPU a share of the runs per worker. Then starts training.
   */
  static async create(start: SweepStart): Promise<SweepRunner> {
    const runner = new SweepRunner(start);
    await runner.build();
    runner.frameHandle = start.clock.request(runner.frame);
    return runner;
  }

  /** Builds the groups of `setups` on `backends` (releasing them if that fails). */
  private async build(): Promise<void> {
    const { backends, training } = this;
    let built: BuiltGroup[];
    try {
      built = training.kind === 'webgpu' ? await buildGpuGroups(backends.groups[0], training.plan, this.runs, this.setups) : await buildWorkerGroups(backends.groups, this.runs, this.setups);
    } catch (error) {
      backends.release();
      throw error;
    }
    this.groups = built.map(({ group, runs }) => ({ group, runs, k: 1, speed: new SpeedLimit(this.speed), msPerStep: 0, observeMs: 0, busy: null, lastGrid: -Infinity, lastMetrics: -Infinity }));
  }

  /**
   * Takes every run's weights off its backend and closes the groups and the backends opened for
   * the sweep: the page is about to close the backend they train on. `moveTo` goes on elsewhere.
   */
  leaveBackend(): Promise<void> {
    this.moving ??= this.takeWeights();
    return this.moving;
  }

  private async takeWeights(): Promise<void> {
    await this.settled();
    try {
      this.left = await Promise.all(this.runs.map((run) => this.parameters(run.index)));
    } catch (error) {
      this.problem = `The comparison stopped: its weights could not be read to move them (${errorText(error)})`;
    }
    for (const state of this.groups) state.group.dispose();
    this.groups = [];
    this.backends.release();
    this.backends = { kind: this.backends.kind, groups: [], release: () => {} };
    this.version++;
  }

  /**
   * Moves the runs to `backends` (the page's backend changed): each goes on from its weights,
   * epoch and curves, as the main run does on a switch (its optimizer state starts afresh).
   */
  async moveTo(backends: SweepBackends): Promise<void> {
    const from = this.backends.kind;
    await this.leaveBackend();
    if (this.disposed || !this.left) {
      backends.release();
      return;
    }
    const weights = this.left;
    this.backends = backends;
    this.setups = this.runs.map((run, i) => buildTrainerSetup('keep', run.spec.config, this.dataset, run.modelSpec, weights[i]));
    this.training = trainingOf(backends, this.setups);
    this.offsets = this.runs.map((run) => ({ step: run.step, epoch: run.epoch }));
    try {
      await this.build();
    } catch (error) {
      this.problem = `The comparison could not move to ${BACKEND_NAMES[backends.kind]}: ${errorText(error)}`;
    }
    if (this.disposed) {
      this.groups.forEach((state) => state.group.dispose());
      this.backends.release();
    }
    this.moved = `Moved from ${BACKEND_NAMES[from]} to ${BACKEND_NAMES[backends.kind]} with each run's weights, epoch and curves.`;
    this.left = null;
    this.moving = null;
    this.version++;
  }

  /** The page's Speed changed: steps a second per run (Infinity: Max). */
  setSpeed(stepsPerSecond: number): void {
    this.speed = stepsPerSecond;
    for (const state of this.groups) state.speed.set(stepsPerSecond);
  }

  get groupCount(): number {
    return this.groups.length;
  }

  /** Optimizer steps a second over all runs, over the last second. */
  stepsPerSecond(): number {
    return this.rate.perSecond(this.start.clock.now());
  }

  results(): SweepResult[] {
    return this.runs.map((run) => summarizeRun(run.index, run.label, run.curve, run.metrics, run.diverged));
  }

  /** A run's weights now, for the main experiment or a weights file. */
  async parameters(index: number): Promise<Float32Array> {
    const state = this.groups.find((group) => group.runs.some((run) => run.index === index))!;
    return state.group.parameters(state.runs.findIndex((run) => run.index === index));
  }

  /** A run as a weights file, with its config and latest metrics. */
  async exportRun(index: number): Promise<WeightsFileV1> {
    const run = this.runs[index];
    const parameters = await this.parameters(index);
    const metrics = run.metrics ? metricsSummary(run.epoch, run.metrics) : undefined;
    return exportWeights(run.modelSpec, parameters, { config: run.spec.config, metrics });
  }

  /** Resolves when no call is in flight. */
  async settled(): Promise<void> {
    await Promise.all(this.groups.map((state) => state.busy));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.frameHandle !== null) this.start.clock.cancel(this.frameHandle);
    for (const state of this.groups) state.group.dispose();
    this.backends.release();
  }

  private frame = (now: number): void => {
    if (this.disposed) return;
    this.frameHandle = this.start.clock.request(this.frame);
    if (this.problem || this.moving) return;
    for (const state of this.groups) {
      if (state.busy) continue;
      const k = state.speed.take(now, state.k);
      if (k > 0) state.busy = this.stepGroup(state, k, now);
    }
  };

  private async stepGroup(state: GroupState, k: number, now: number): Promise<void> {
    const spacing = OBSERVE_SPACING * state.observeMs;
    const wantGrid = now - state.lastGrid >= Math.max(GRID_INTERVAL_MS, spacing);
    const wantMetrics = wantGrid || now - state.lastMetrics >= Math.max(METRICS_INTERVAL_MS, spacing);
    const grid = wantGrid ? planeGrid(SWEEP_GRID_SIZE) : undefined;
    if (wantGrid) state.lastGrid = now;
    if (wantMetrics) state.lastMetrics = now;
    const began = this.start.clock.now();
    try {
      const observations = await state.group.step(k, { metrics: wantMetrics, grid });
      if (this.disposed) return;
      const done = this.start.clock.now();
      const took = done - began;
      // k is sized by the calls that only train: an observation costs the same whatever k is.
      if (wantMetrics) state.observeMs = Math.max(0, took - k * state.msPerStep);
      else {
        state.msPerStep = took / k;
        state.k = Math.max(1, Math.min(MAX_STEPS_PER_FRAME, Math.round((k * FRAME_BUDGET_MS) / Math.max(took, 1))));
      }
      observations.forEach((observation, i) => this.observe(state.runs[i], observation, grid));
      this.rate.add(done, k * observations.filter((observation) => !observation.diverged).length);
      this.version++;
    } catch (error) {
      if (this.disposed) return;
      this.problem = `The comparison stopped: ${errorText(error)}`;
      this.version++;
    } finally {
      state.busy = null;
    }
  }

  private observe(run: SweepRun, observation: Observation, grid: GridSpec | undefined): void {
    if (run.diverged) return;
    const offset = this.offsets[run.index];
    const epoch = offset.epoch + observation.epoch;
    run.step = offset.step + observation.step;
    run.epoch = epoch;
    if (observation.diverged) run.diverged = true;
    if (observation.metrics) {
      const { train, test } = observation.metrics;
      const { training } = run.spec.config;
      run.metrics = observation.metrics;
      run.curve.push({ epoch, loss: measuredLoss(observation.metrics) });
      const learningRate = learningRateAt(training.learningRate, lrScheduleOf(training), Math.max(observation.step - 1, 0));
      run.history.add({ epoch, trainLoss: train.loss, testLoss: test?.loss ?? NaN, trainAccuracy: train.accuracy ?? NaN, testAccuracy: test?.accuracy ?? NaN, learningRate });
    }
    if (grid && observation.grid) run.grid = { spec: grid, values: observation.grid };
  }
}

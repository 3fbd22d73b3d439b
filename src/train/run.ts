import type { ExperimentConfig } from '../core/config';
import type { Dataset } from '../core/dataset';
import type { Metrics } from '../core/metrics';
import type { ModelSpec, NetworkPlan } from '../core/network';
import type { GridSpec, Observation, ObserveRequest, Trainer } from '../core/trainer';
import { MAX_STEPS_PER_CALL } from '../core/trainer';
import { DeviceLostError } from '../gpu/gpuTrainer';
import { exportWeights, type ImportedWeights, type WeightsFileV1 } from '../io/weights';
import { errorText, type Backend } from './backend';
import { diffConfigs, liveSettings } from './configChanges';
import { customDataConfig, resolveDataset, type CustomData } from './dataEdits';
import { LossHistory } from './history';
import { checkModelFitsData, modelConfigFromSpec } from './modelFit';
import { ObservePlanner } from './observePlanner';
import { DEFAULT_PACING, StepPacer, type PacerOptions } from './pacer';
import { RateMeter } from './rateMeter';
import { buildTrainerSetup, sameTask, type BuildMode } from './trainerSetup';
import { MAX_CALLS_IN_FLIGHT, metricsSummary } from './runSupport';

/** The animation-frame clock the run is driven by (requestAnimationFrame in the page; a manual one in tests). */
export interface FrameClock {
  request(callback: (now: number) => void): number;
  cancel(handle: number): void;
  now(): number;
}

/** Opens backends: the best one available (after `previousFailure`, if any), or the CPU worker for a stated reason. */
export interface BackendProvider {
  open(previousFailure?: string): Promise<Backend>;
  cpu(reason: string): Backend;
}

/** What the page shows about the run besides the per-frame numbers; replaced (never mutated) on change. */
export interface RunStatus {
  playing: boolean;
  /** "WebGPU · adapter" or "CPU · reason"; empty until a backend is open. */
  backend: string;
  /** Something that stopped training (divergence, a failure), in words; null when all is well. */
  problem: string | null;
}

/** The decision boundary (or the neuron thumbnails) of one observation, with the grid it was computed on. */
export interface GridValues<T> {
  spec: GridSpec;
  values: T;
}

export const DIVERGED_MESSAGE = 'Training diverged: the loss became NaN/∞. Lower the learning rate and press Play, or Reset.';
/** Parameters are read back this often while training: for the diagram, and to survive a lost device. */
const PARAMETER_READ_MS = 1000;
/** How often, while training, a call measures what the decision boundary costs. */
const MEASURE_VIEWS_MS = 3000;

/**
 * One experiment in the page: owns the dataset, the trainer and the loss history, rebuilds only
 * what a config change needs, and runs the frame loop. Each frame it issues a step call without
 * awaiting it (at most two in flight), with k adapted to the measured speed; views read the
 * latest results and redraw when `version` changes.
 */
export class Run {
  readonly history = new LossHistory();
  /** Bumps whenever anything a view draws changes. */
  version = 0;
  status: RunStatus = { playing: false, backend: '', problem: null };
  dataset: Dataset | null = null;
  spec: ModelSpec | null = null;
  grid: GridValues<Float32Array> | null = null;
  neurons: GridValues<Float32Array[]> | null = null;
  parameters: Float32Array | null = null;
  metrics: Metrics | null = null;
  epoch = 0;

  private backend: Backend | null = null;
  private trainer: Trainer | null = null;
  private desired: ExperimentConfig;
  private applied: { config: ExperimentConfig; dataset: Dataset } | null = null;
  private custom: CustomData | null = null;
  private pendingImport: ImportedWeights | null = null;
  private resetRequested = false;
  private applyQueued = false;
  private queue: Promise<void> = Promise.resolve();
  private busy = 0;
  private inflight = new Set<Promise<unknown>>();
  private stale = true;
  private untrained = true;
  private diverged = false;
  private epochOffset = 0;
  private lastStep = 0;
  private parametersEpoch = 0;
  private readingParameters = false;
  private lastParameterRead = -Infinity;
  private lastMeasure = 0;
  private frameHandle: number | null = null;
  private pacer: StepPacer;
  private planner: ObservePlanner | null = null;
  private readonly rate = new RateMeter();
  private readonly listeners = new Set<() => void>();

  constructor(
    config: ExperimentConfig,
    private readonly backends: BackendProvider,
    private readonly clock: FrameClock,
    private readonly pacing: PacerOptions = DEFAULT_PACING,
  ) {
    this.desired = config;
    this.pacer = new StepPacer(pacing);
  }

  /** Opens the backend, builds the first trainer and starts the frame loop. */
  start(): Promise<void> {
    this.enqueue(async () => {
      this.useBackend(await this.backends.open());
    });
    this.requestApply();
    this.frameHandle = this.clock.request(this.frame);
    return this.idle();
  }

  /** Resolves when every queued rebuild and step has been handled. */
  async idle(): Promise<void> {
    while (this.busy > 0 || this.applyQueued) await this.queue;
    await Promise.allSettled([...this.inflight]);
  }

  /** Called on status changes (play, pause, backend, problems). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get plan(): NetworkPlan | null {
    return this.trainer?.plan ?? null;
  }

  /** Steps per second over the last second. */
  stepsPerSecond(): number {
    return this.rate.perSecond(this.clock.now());
  }

  /** The experiment changed (from the store): rebuilt at the next chance, as little as needed. */
  setConfig(config: ExperimentConfig): void {
    if (config === this.desired) return;
    this.desired = config;
    this.requestApply();
  }

  /** Replaces the data with drawn or imported points; returns the data config that now describes them. */
  setCustomData(dataset: Dataset): ExperimentConfig['data'] {
    const data = customDataConfig(this.desired.data, dataset);
    this.custom = { dataset, trainFraction: data.trainFraction, seed: data.seed };
    this.desired = { ...this.desired, data };
    this.requestApply();
    return data;
  }

  /** The data as last asked for (it may not be trained on yet): what edits start from and what is exported. */
  latestDataset(): Dataset {
    return this.datasetFor(this.desired);
  }

  play(): void {
    if (this.diverged) {
      this.enqueue(async () => {
        const trainer = this.trainer;
        if (!trainer) return;
        trainer.setParameters(await trainer.getParameters());
        this.diverged = false;
      });
    }
    this.setStatus({ playing: true, problem: null });
  }

  /** Stops training; the next frame refreshes every view and reads the weights once more. */
  pause(): void {
    if (this.status.playing) this.stale = true;
    this.setStatus({ playing: false });
  }

  togglePlay(): void {
    if (this.status.playing) this.pause();
    else this.play();
  }

  /** Pauses and trains exactly one epoch (the trainer's stepsPerEpoch steps, in calls of at most 4096). */
  stepEpoch(): void {
    this.pause();
    this.enqueue(async () => {
      const trainer = this.trainer;
      if (!trainer || this.diverged) return;
      try {
        for (let remaining = trainer.stepsPerEpoch; remaining > 0 && !this.diverged; ) {
          const k = Math.min(MAX_STEPS_PER_CALL, remaining);
          remaining -= k;
          const request: ObserveRequest = remaining === 0 ? this.planner!.full() : {};
          this.accept(trainer, await trainer.step(k, request), request);
        }
        this.parameters = await trainer.getParameters();
        this.parametersEpoch = this.epoch;
        this.changed();
      } catch (error) {
        this.handleFailure(error);
      }
    });
  }

  /** Pauses and starts again from fresh weights drawn from the same seed: a rerun repeats the run exactly. */
  reset(): void {
    this.pause();
    this.resetRequested = true;
    this.requestApply();
  }

  /**
   * Takes an imported model (throws an InputError saying why when it does not fit the current
   * data); returns the experiment config that now describes it, for the store.
   */
  importWeights(imported: ImportedWeights, source: string): ExperimentConfig {
    checkModelFitsData(imported.spec, this.datasetFor(this.desired), source);
    const model = modelConfigFromSpec(imported.spec, imported.config?.model ?? this.desired.model, source);
    this.desired = { ...this.desired, model, training: imported.config?.training ?? this.desired.training };
    this.pendingImport = imported;
    this.pause();
    this.requestApply();
    return this.desired;
  }

  /** The current model as a weights file, with the config and the latest metrics. */
  exportWeights(): Promise<WeightsFileV1> {
    return new Promise((resolve, reject) => {
      this.enqueue(async () => {
        if (!this.trainer || !this.spec || !this.applied) throw new Error('there is no model yet');
        const parameters = await this.trainer.getParameters();
        resolve(exportWeights(this.spec, parameters, { config: this.applied.config, metrics: metricsSummary(this.epoch, this.metrics) }));
      }, reject);
    });
  }

  dispose(): void {
    if (this.frameHandle !== null) this.clock.cancel(this.frameHandle);
    this.frameHandle = null;
    this.trainer?.dispose();
    this.backend?.dispose();
    this.trainer = null;
  }

  private frame = (now: number): void => {
    this.frameHandle = this.clock.request(this.frame);
    const trainer = this.trainer;
    if (!trainer || this.busy > 0) return;
    if (this.status.playing) this.readParameters(trainer, now);
    if (this.inflight.size >= MAX_CALLS_IN_FLIGHT) return;
    // Calls without steps measure what the views cost; they wait until nothing else is in flight.
    const measure = this.stale || (this.status.playing && now - this.lastMeasure >= MEASURE_VIEWS_MS);
    if (measure && this.inflight.size > 0) return;
    if (this.stale) {
      this.stale = false;
      this.lastMeasure = now;
      this.launch(trainer, 0, this.planner!.full());
      this.readParameters(trainer, now, true);
    } else if (measure) {
      this.lastMeasure = now;
      this.launch(trainer, 0, this.planner!.gridOnly(now));
    } else if (this.status.playing && !this.diverged) {
      this.launch(trainer, this.pacer.next(), this.planner!.request(now));
    }
  };

  /** Issues one step call and handles its result when it comes; never awaited inside the frame. */
  private launch(trainer: Trainer, k: number, request: ObserveRequest): void {
    const start = this.clock.now();
    const call = trainer.step(k, request);
    const issueMs = this.clock.now() - start;
    const tracked = call.then(
      (observation) => {
        if (trainer !== this.trainer) return;
        const latencyMs = this.clock.now() - start;
        this.pacer.record({ steps: k, issueMs, latencyMs });
        this.planner?.record(request, latencyMs, k);
        this.accept(trainer, observation, request);
      },
      (error: unknown) => {
        if (trainer === this.trainer) this.handleFailure(error);
      },
    );
    this.inflight.add(tracked);
    void tracked.finally(() => this.inflight.delete(tracked));
  }

  /** Reads the parameters back every so often (or now, when `force`), without awaiting in the frame. */
  private readParameters(trainer: Trainer, now: number, force = false): void {
    if (this.readingParameters || (!force && now - this.lastParameterRead < PARAMETER_READ_MS)) return;
    this.readingParameters = true;
    this.lastParameterRead = now;
    const epoch = this.epoch;
    trainer.getParameters().then(
      (parameters) => {
        this.readingParameters = false;
        if (trainer !== this.trainer) return;
        this.parameters = parameters;
        this.parametersEpoch = epoch;
        this.changed();
      },
      () => {
        this.readingParameters = false;
      },
    );
  }

  /** Takes in what a step call reported. */
  private accept(trainer: Trainer, observation: Observation, request: ObserveRequest): void {
    if (trainer !== this.trainer) return;
    const taken = observation.step - this.lastStep;
    this.lastStep = observation.step;
    if (taken > 0) this.untrained = false;
    this.rate.add(this.clock.now(), Math.max(taken, 0));
    this.epoch = this.epochOffset + observation.epoch;
    if (observation.metrics) {
      this.metrics = observation.metrics;
      const { train, test } = observation.metrics;
      this.history.add({
        epoch: this.epoch,
        trainLoss: train.loss,
        testLoss: test?.loss ?? NaN,
        trainAccuracy: train.accuracy ?? NaN,
        testAccuracy: test?.accuracy ?? NaN,
      });
    }
    if (observation.grid && request.grid) this.grid = { spec: request.grid, values: observation.grid };
    if (observation.neurons && request.neurons) this.neurons = { spec: request.neurons, values: observation.neurons };
    if (observation.diverged && !this.diverged) {
      this.diverged = true;
      this.setStatus({ playing: false, problem: DIVERGED_MESSAGE });
    }
    this.changed();
  }

  /** A step call failed: a GPU failure moves the model to a new device or the CPU; anything else stops training. */
  private handleFailure(error: unknown): void {
    // The page says what happened in words; the console keeps the stack for whoever debugs it.
    console.warn('Descent: a training call failed', error);
    if (this.backend?.kind !== 'webgpu') {
      this.setStatus({ playing: false, problem: `Training failed: ${errorText(error)}` });
      return;
    }
    // Later failures of the same trainer (the other call in flight) find it gone and change nothing.
    const failed = this.trainer;
    this.trainer = null;
    const lost = error instanceof DeviceLostError;
    this.enqueue(async () => {
      const parameters = lost || !failed ? this.parameters : await failed.getParameters().catch(() => this.parameters);
      failed?.dispose();
      this.backend?.dispose();
      this.useBackend(lost ? await this.backends.open(errorText(error)) : this.backends.cpu(`WebGPU failed: ${errorText(error)}`));
      this.epoch = this.parametersEpoch;
      await this.rebuild(parameters ? 'keep' : 'fresh', this.applied!.config, this.applied!.dataset, parameters ?? undefined);
    });
  }

  private requestApply(): void {
    if (this.applyQueued) return;
    this.applyQueued = true;
    queueMicrotask(() =>
      this.enqueue(async () => {
        this.applyQueued = false;
        await this.applyDesired();
      }),
    );
  }

  /** Brings the trainer in line with the wanted config, data and imported model. */
  private async applyDesired(): Promise<void> {
    const config = this.desired;
    const dataset = this.datasetFor(config);
    const imported = this.pendingImport;
    const reset = this.resetRequested;
    this.pendingImport = null;
    this.resetRequested = false;
    const applied = this.applied;
    if (imported) {
      await this.rebuild('import', config, dataset, imported.parameters, imported.spec);
      this.untrained = false;
      return;
    }
    if (!applied || !this.trainer || reset) return this.rebuild('fresh', config, dataset);
    const changes = diffConfigs(applied.config, config);
    const dataChanged = dataset !== applied.dataset;
    if (changes.layout || changes.seed || !sameTask(dataset.task, applied.dataset.task) || (dataChanged && this.untrained)) {
      return this.rebuild('fresh', config, dataset);
    }
    if (dataChanged || changes.batch) return this.rebuild('keep', config, dataset);
    if (changes.settings) this.trainer.updateSettings(liveSettings(config.training));
    this.applied = { config, dataset };
  }

  /** The dataset for `config`: regenerated only when its data section changed, custom data as drawn; throws an InputError for a config that cannot make data. */
  private datasetFor(config: ExperimentConfig): Dataset {
    const applied = this.applied;
    const sameData = applied && !diffConfigs(applied.config, config).data;
    if (sameData && (config.data.preset !== 'custom' || this.custom?.dataset === applied.dataset)) return applied.dataset;
    const resolved = resolveDataset(config.data, this.custom);
    this.custom = resolved.custom;
    return resolved.dataset;
  }

  /** A new trainer: fresh weights, the current weights on new data or settings, or an imported model. */
  private async rebuild(mode: BuildMode, config: ExperimentConfig, dataset: Dataset, parameters?: ArrayLike<number>, importedSpec?: ModelSpec): Promise<void> {
    const old = this.trainer;
    if (mode === 'keep' && !parameters && old) parameters = await old.getParameters();
    const setup = buildTrainerSetup(mode, config, dataset, this.spec, parameters, importedSpec);
    this.trainer = null;
    old?.dispose();
    const trainer = await this.createTrainer(setup);
    this.trainer = trainer;
    this.spec = setup.spec;
    this.dataset = dataset;
    this.applied = { config, dataset };
    this.epochOffset = mode === 'keep' ? this.epoch : 0;
    this.epoch = this.epochOffset;
    this.lastStep = 0;
    if (mode !== 'keep') {
      this.history.clear();
      this.metrics = null;
      this.untrained = true;
      this.diverged = false;
      this.setStatus({ problem: null });
    }
    this.pacer = new StepPacer(this.pacing);
    this.planner = new ObservePlanner(trainer.plan, this.pacing.targetLatencyMs);
    this.parameters = setup.parameters ? Float32Array.from(setup.parameters) : null;
    this.parametersEpoch = this.epoch;
    this.lastParameterRead = -Infinity;
    this.lastMeasure = this.clock.now();
    this.stale = true;
    this.changed();
  }

  /** A trainer on the current backend; a WebGPU failure moves to the CPU worker, saying why. */
  private async createTrainer(setup: Parameters<Backend['createTrainer']>[0]): Promise<Trainer> {
    try {
      return await this.backend!.createTrainer(setup);
    } catch (error) {
      if (this.backend?.kind !== 'webgpu') throw error;
      console.warn('Descent: building a WebGPU trainer failed', error);
      this.backend.dispose();
      this.useBackend(this.backends.cpu(`WebGPU failed: ${errorText(error)}`));
      return this.backend!.createTrainer(setup);
    }
  }

  private useBackend(backend: Backend): void {
    this.backend = backend;
    this.setStatus({ backend: backend.label });
  }

  /** Runs `operation` after everything queued before it, with the frame loop holding off and in-flight calls settled first. */
  private enqueue(operation: () => Promise<void>, onError?: (error: unknown) => void): void {
    this.busy++;
    this.queue = this.queue
      .then(async () => {
        await Promise.allSettled([...this.inflight]);
        await operation();
      })
      .catch((error: unknown) => {
        if (onError) onError(error);
        else this.setStatus({ playing: false, problem: errorText(error) });
      })
      .finally(() => {
        this.busy--;
      });
  }

  private setStatus(patch: Partial<RunStatus>): void {
    const next = { ...this.status, ...patch };
    if (next.playing === this.status.playing && next.backend === this.status.backend && next.problem === this.status.problem) return;
    this.status = next;
    for (const listener of this.listeners) listener();
  }

  private changed(): void {
    this.version++;
  }
}

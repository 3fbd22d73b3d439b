import type { ExperimentConfig } from '../core/config';
import type { Dataset } from '../core/dataset';
import type { Metrics } from '../core/metrics';
import type { ModelSpec, NetworkPlan } from '../core/network';
import { viewableSlots } from '../core/layerView';
import { liveSettingsOf, MAX_STEPS_PER_CALL, type OptimizerState } from '../core/trainer';
import { DeviceLostError } from '../gpu/gpuTrainer';
import { exportWeights, type ImportedWeights, type WeightsFileV1 } from '../io/weights';
import { errorText, type Backend } from './backend';
import { diffConfigs } from './configChanges';
import { datasetOf } from './dataEdits';
import type { ExperimentSource, ParameterChange } from './experiment';
import { BackendKeeper, type BackendProvider } from './failover';
import { LossHistory } from './history';
import { NO_INSIDE_VIEWS, type InsideRequest } from './insideViews';
import { DEFAULT_PACING, SpeedLimit, type PacerOptions } from './pacer';
import { metricsSummary } from './runSupport';
import { nextPhase, type RunEvent, type RunPhase } from './runState';
import type { StepStart } from './slowMotion';
import { EMPTY_SNAPSHOT, TrainingSession, type GridValues, type RunSnapshot, type SessionHost } from './session';
import { Timeline, type TimelineEntry } from './timeline';
import { TimelineViewer } from './timelineViewer';
import { buildTrainerSetup, sameTask, type BuildMode } from './trainerSetup';

export type { BackendProvider } from './failover';
export type { GridValues, RunSnapshot } from './session';

/** The animation-frame clock the run is driven by (requestAnimationFrame in the page; a manual one in tests). */
export interface FrameClock {
  request(callback: (now: number) => void): number;
  cancel(handle: number): void;
  now(): number;
}

/** What the page shows about the run besides the per-frame numbers; replaced (never mutated) on change. */
export interface RunStatus {
  phase: RunPhase;
  playing: boolean;
  /** "WebGPU · adapter" or "CPU · reason"; empty until a backend is open. */
  backend: string;
  /** Something that stopped training (divergence, a failure), in words; null when all is well. */
  problem: string | null;
}

/** Moments worth telling the user about once (a notice, a screen-reader announcement), as they happen. */
export type RunNews = { kind: 'paused' } | { kind: 'stepped' } | { kind: 'diverged' } | { kind: 'stopped'; text: string } | { kind: 'failover'; text: string } | { kind: 'unshown'; text: string };

export const DIVERGED_MESSAGE = 'Training diverged: the loss became NaN/∞. Lower the learning rate and press Play, or Reset.';
/** A step call running longer than this shows that work is under way. */
const LONG_CALL_MS = 1000;

const EMPTY_HISTORY = new LossHistory();
const EMPTY_TIMELINE = new Timeline();

/** Where an imported model's training has got to elsewhere (a compare-mode run): its epoch and its curves. */
export interface Continuing {
  epoch: number;
  history: LossHistory;
}

/** How a rebuild starts: the session before it (for what carries over), and the weights to build with. */
interface RebuildFrom {
  previous: TrainingSession | null;
  parameters?: ArrayLike<number>;
  importedSpec?: ModelSpec;
  /** The epoch a kept model is at (defaults to the previous session's). */
  epoch?: number;
  /** A branch's curves and snapshots (defaults to the previous session's). */
  history?: LossHistory;
  timeline?: Timeline;
  /** What the views show until the new session's first observation (defaults to the previous session's). */
  snapshot?: RunSnapshot;
}

/**
 * One experiment in the page. It follows the page's store (config, custom data, backend choice),
 * rebuilds only what a change needs, and runs the frame loop through the current
 * TrainingSession; views read the session's latest snapshot and redraw when `version` changes.
 */
/** The request for a new network: a layer view of a slot it does not have is dropped. */
function insideFor(plan: NetworkPlan, request: InsideRequest): InsideRequest {
  const has = request.layerSlot !== null && viewableSlots(plan).some((s) => s.slot === request.layerSlot);
  return { ...request, layerSlot: has ? request.layerSlot : null };
}

export class Run {
  /** Bumps whenever anything a view draws changes. */
  version = 0;
  /**
   * Bumps whenever the model becomes another one or its weights change from outside the slow-motion
   * step (a new network, data, settings, backend, Reset, import, a typed or undone weight): what was
   * worked out for the model before belongs to another model.
   */
  modelRevision = 0;
  status: RunStatus = { phase: 'paused', playing: false, backend: '', problem: null };

  private session: TrainingSession | null = null;
  /** The session the views show: the current one, or while a new one is built, the one before it. */
  private shown: TrainingSession | null = null;
  /** While the timeline is scrubbed back, the session the views show instead of the live one. */
  private readonly viewer: TimelineViewer;
  private readonly backends: BackendKeeper;
  /** The page's Speed: the most steps a second; no cap until the page sets one. */
  private readonly speed = new SpeedLimit();
  private pending: { reset: boolean; imported: ImportedWeights | null; continuing?: Continuing } = { reset: false, imported: null };
  private applyQueued = false;
  private queue: Promise<void> = Promise.resolve();
  private busy = 0;
  /** Parameter changes waiting for their turn (setParameters): later ones join them. */
  private waitingChanges: ParameterChange[] | null = null;
  private steppingSince: number | null = null;
  private frameHandle: number | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly newsListeners = new Set<(news: RunNews) => void>();
  /** Called before a change of backend closes the current one (compare mode takes its runs' weights off it first). */
  private readonly leavingListeners = new Set<() => Promise<void>>();
  /** What the see-inside views want, kept across rebuilds. */
  private inside: InsideRequest = NO_INSIDE_VIEWS;
  private readonly host: SessionHost = {
    now: () => this.clock.now(),
    changed: () => this.changed(),
    diverged: () => {
      if (this.status.phase === 'diverged') return;
      this.transition('diverge');
      this.tell({ kind: 'diverged' });
    },
    failed: (session, error) => (this.viewer.owns(session) ? this.viewer.failed(error) : this.handleFailure(session, error)),
    stopped: (notice) => {
      if (!this.status.playing) return;
      this.session?.refresh();
      this.transition('pause');
      this.tell({ kind: 'stopped', text: notice });
    },
  };

  constructor(
    private readonly source: ExperimentSource,
    provider: BackendProvider,
    private readonly clock: FrameClock,
    private readonly pacing: PacerOptions = DEFAULT_PACING,
  ) {
    this.backends = new BackendKeeper(provider, (backend, failover) => this.backendChanged(backend, failover));
    this.viewer = new TimelineViewer({
      live: () => this.session,
      createTrainer: (setup) => this.backends.createTrainer(setup),
      enqueue: (operation) => this.enqueue(operation),
      changed: () => this.changed(),
      unshown: (text) => this.tell({ kind: 'unshown', text }),
      session: { host: this.host, pacing, speed: this.speed, inside: (trainer) => insideFor(trainer.plan, this.inside) },
    });
  }

  /** Opens the backend, builds the first trainer, follows the store and starts the frame loop. */
  start(): Promise<void> {
    this.enqueue(() => this.backends.open(this.source.getState().backend));
    this.unsubscribe = this.source.subscribe((state, previous) => {
      // An edit of the experiment applies to the live model: the views go back to it first.
      if (state.backend !== previous.backend || state.config !== previous.config || state.custom !== previous.custom) this.scrubTo(null);
      if (state.backend !== previous.backend) this.switchBackend();
      if (state.config !== previous.config || state.custom !== previous.custom) this.requestApply();
      if (state.parameterChange && state.parameterChange !== previous.parameterChange) this.setParameters(state.parameterChange);
    });
    this.requestApply();
    this.frameHandle = this.clock.request(this.frame);
    return this.idle();
  }

  /** Resolves when every queued rebuild and step has been handled. */
  async idle(): Promise<void> {
    while (this.busy > 0 || this.applyQueued) await this.queue;
    await this.session?.settled();
  }

  /** Caps training at this many optimizer steps a second (Infinity: as fast as the backend goes). */
  setSpeed(stepsPerSecond: number): void {
    this.speed.set(stepsPerSecond);
  }

  /** Called on status changes (play, pause, backend, problems) and when `modelRevision` bumps. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called once per moment worth telling the user about. */
  onNews(listener: (news: RunNews) => void): () => void {
    this.newsListeners.add(listener);
    return () => this.newsListeners.delete(listener);
  }

  /** Calls `listener` (and waits for it) before a change of backend closes the one in use. */
  beforeBackendChange(listener: () => Promise<void>): () => void {
    this.leavingListeners.add(listener);
    return () => this.leavingListeners.delete(listener);
  }

  /** The latest observation: epoch, metrics, decision boundary, thumbnails, weights. */
  get snapshot(): RunSnapshot {
    return this.displayed?.snapshot ?? EMPTY_SNAPSHOT;
  }
  get epoch(): number {
    return this.snapshot.epoch;
  }
  get metrics(): Metrics | null {
    return this.snapshot.metrics;
  }
  get grid(): GridValues<Float32Array> | null {
    return this.snapshot.grid;
  }
  get neurons(): GridValues<Float32Array[]> | null {
    return this.snapshot.neurons;
  }
  get parameters(): Float32Array | null {
    return this.snapshot.parameters;
  }
  /** The live model's curves (also while the timeline is scrubbed back). */
  get history(): LossHistory {
    return this.shown?.history ?? EMPTY_HISTORY;
  }
  /** The live model's weight snapshots, oldest first. */
  get timeline(): Timeline {
    return this.shown?.timeline ?? EMPTY_TIMELINE;
  }
  /** The snapshot the views show while the timeline is scrubbed back; null while they show the live model. */
  get scrubbed(): TimelineEntry | null {
    return this.viewer.scrubbed;
  }
  /** The data the current model trains on. */
  get dataset(): Dataset | null {
    return this.shown?.dataset ?? null;
  }
  /** The experiment the shown model was built for (with the live settings it has taken since). */
  get config(): ExperimentConfig | null {
    return this.shown?.config ?? null;
  }
  get spec(): ModelSpec | null {
    return this.shown?.spec ?? null;
  }
  get plan(): NetworkPlan | null {
    return this.shown?.trainer.plan ?? null;
  }

  /** The backend the run trains on now (null until it is open); compare mode trains on it too. */
  get backend(): Backend | null {
    return this.backends.backend;
  }

  /**
   * The current model's outputs on every point of its data (n × output width: probabilities or
   * values), with that data; null when there is no model, or it was replaced during the call.
   * Runs beside the training calls, in the engine, so the page does not wait for them.
   */
  async predictData(): Promise<{ dataset: Dataset; outputs: Float32Array } | null> {
    const session = this.displayed;
    if (!session) return null;
    try {
      return { dataset: session.dataset, outputs: await session.trainer.predict(session.dataset.points) };
    } catch (error) {
      // A replaced session's trainer is disposed and refuses; a failure of the current one is the step calls' to report.
      if (session !== this.displayed || this.status.phase === 'failed') return null;
      throw error;
    }
  }

  /** Steps per second over the last second; 0 while not playing. */
  stepsPerSecond(): number {
    return this.status.playing && this.session ? this.session.stepsPerSecond(this.clock.now()) : 0;
  }

  /** Whether a call has been training for long without a result (a large network's first steps): the page shows that work is under way. */
  working(): boolean {
    const now = this.clock.now();
    if (this.steppingSince !== null) return now - this.steppingSince > LONG_CALL_MS;
    return this.status.playing && (this.session?.busyFor(now) ?? 0) > LONG_CALL_MS;
  }

  play(): void {
    this.scrubTo(null);
    if (this.status.phase === 'diverged') {
      // The trainer refuses steps after a divergence until it is given (its own, restored) weights again.
      this.enqueue(async () => {
        const trainer = this.session?.trainer;
        if (trainer) trainer.setParameters(await trainer.getParameters());
      });
    }
    this.transition('play');
  }

  /**
   * What the see-inside views want from now on: a slot's layer view (one of viewableSlots of the
   * current network; a RangeError otherwise), the gradient flow, the linear separability.
   */
  seeInside(request: InsideRequest): void {
    this.session?.wantInside(request);
    this.inside = { ...request };
  }

  /** Stops training; the next frame refreshes every view on the paused model and reads the weights once more. */
  pause(): void {
    if (!this.status.playing) return;
    this.session?.refresh();
    this.transition('pause');
    this.tell({ kind: 'paused' });
  }

  togglePlay(): void {
    if (this.status.playing) this.pause();
    else this.play();
  }

  /**
   * Shows a snapshot of the timeline (pausing first): the views show the model with its weights,
   * evaluated anew; null goes back to the live model. Play goes back to the live model too.
   */
  scrubTo(entry: TimelineEntry | null): void {
    if (entry && entry !== this.viewer.scrubbed) this.pause();
    this.viewer.scrubTo(entry);
  }

  /**
   * Branches at the scrubbed snapshot: training continues from its weights and epoch, with the
   * curves and snapshots up to there; the live model's branch is dropped (the page pins its curves first).
   */
  continueFromScrubbed(): void {
    const entry = this.viewer.clearTarget();
    if (!entry) return;
    this.enqueue(async () => {
      const live = this.session;
      const shown = await this.viewer.leaveFor(entry);
      if (!live) return;
      await this.rebuild('keep', live.config, live.dataset, { previous: live, parameters: entry.parameters, epoch: entry.epoch, history: live.history.until(entry.epoch), timeline: live.timeline.until(entry.epoch), snapshot: shown });
      this.transition('play');
    });
  }

  /** Pauses and trains exactly one epoch (the trainer's stepsPerEpoch steps, in calls of at most 4096). */
  stepEpoch(): void {
    this.scrubTo(null);
    this.pause();
    this.enqueue(async () => {
      const session = this.session;
      if (!session || this.status.phase === 'diverged') return;
      this.steppingSince = this.clock.now();
      try {
        await session.train(session.trainer.stepsPerEpoch, MAX_STEPS_PER_CALL, () => this.status.phase !== 'diverged');
        this.tell({ kind: 'stepped' });
      } catch (error) {
        this.handleFailure(session, error);
      } finally {
        this.steppingSince = null;
      }
    });
  }

  /** Pauses and starts again from fresh weights drawn from the same seed: a rerun repeats the run exactly. */
  reset(): void {
    this.scrubTo(null);
    this.pause();
    this.pending.reset = true;
    this.requestApply();
  }

  /**
   * Continues from an imported model at the next rebuild. The caller has checked that it fits the
   * data and put its config in the store (`configForImport`), which the run then follows. A model
   * trained elsewhere in the page (`continuing`) goes on from its epoch with its curves.
   */
  loadWeights(imported: ImportedWeights, continuing?: Continuing): void {
    this.pending.imported = imported;
    this.pending.continuing = continuing;
    this.scrubTo(null);
    this.pause();
    this.requestApply();
  }

  /** Sets weights or biases of the current model (after the calls in flight); every view then shows the changed model. */
  setParameters(changes: readonly ParameterChange[]): void {
    // A drag sends a change a frame: those that arrive while one waits its turn go in with it.
    if (this.waitingChanges) {
      this.waitingChanges.push(...changes);
      return;
    }
    const waiting = [...changes];
    this.waitingChanges = waiting;
    this.changeParameters(
      (parameters) => {
        for (const { index, value } of waiting) {
          if (!(index >= 0 && index < parameters.length)) throw new RangeError(`there is no parameter ${index} in a model of ${parameters.length}`);
          parameters[index] = value;
        }
        this.newModelRevision();
      },
      () => {
        if (this.waitingChanges === waiting) this.waitingChanges = null;
      },
    );
  }

  /**
   * The slow-motion step's update: its parameters, then the optimizer's memory and step count after
   * it, go into the model, so that training continues as after a real step; unless the model has
   * changed since the step started (`revision`), when the update belongs to another model and is dropped.
   */
  applyStep(revision: number, values: ArrayLike<number>, optimizer: OptimizerState): void {
    this.changeParameters((parameters) => {
      if (revision !== this.modelRevision) return false;
      if (values.length !== parameters.length) throw new RangeError(`expected ${parameters.length} parameters, got ${values.length}`);
      parameters.set(values);
    }, undefined, (session) => session.trainer.setOptimizerState(optimizer));
  }

  /** Changes the current model's parameters in turn with the other calls; `done` runs when the turn is over, whatever happened. */
  private changeParameters(change: (parameters: Float32Array) => boolean | void, done: () => void = () => {}, after?: (session: TrainingSession) => void): void {
    this.enqueue(async () => {
      try {
        const session = this.session;
        if (!session) return;
        const parameters = await session.parameters();
        if (change(parameters) === false) return;
        session.setParameters(parameters);
        after?.(session);
      } finally {
        done();
      }
    });
  }

  /** Where the model's next step starts (after the calls in flight): its parameters and its optimizer's memory, with its network, data and settings; null without a model. */
  stepStart(): Promise<StepStart | null> {
    return new Promise((resolve, reject) => {
      this.enqueue(async () => {
        const session = this.session;
        if (!session) return resolve(null);
        const { plan } = session.trainer;
        const revision = this.modelRevision;
        resolve({ revision, plan, dataset: session.dataset, config: session.config, parameters: await session.parameters(), optimizer: await session.trainer.getOptimizerState() });
      }, reject);
    });
  }

  /** The model the views show (a snapshot while the timeline is scrubbed back) as a weights file, with its config and its metrics on the data now. */
  exportWeights(): Promise<WeightsFileV1> {
    return new Promise((resolve, reject) => {
      this.enqueue(async () => {
        const scrubbed = this.viewer.current;
        const session = scrubbed?.session ?? this.session;
        if (!session) throw new Error('there is no model yet');
        const parameters = await session.parameters();
        const metrics = await session.trainer.evaluate();
        const epoch = scrubbed?.entry.epoch ?? session.snapshot.epoch;
        resolve(exportWeights(session.spec, parameters, { config: session.config, metrics: metricsSummary(epoch, metrics) }));
      }, reject);
    });
  }

  dispose(): void {
    if (this.frameHandle !== null) this.clock.cancel(this.frameHandle);
    this.frameHandle = null;
    this.unsubscribe?.();
    this.viewer.dispose();
    this.session?.close();
    this.session = null;
    this.shown = null;
    this.backends.dispose();
  }

  private frame = (now: number): void => {
    this.frameHandle = this.clock.request(this.frame);
    if (this.busy > 0) return;
    this.session?.frame(now, this.status.playing);
    this.viewer.frame(now);
  };

  /** The session the views show: the scrubbed snapshot's while the timeline is scrubbed back. */
  private get displayed(): TrainingSession | null {
    return this.viewer.current?.session ?? this.shown;
  }

  /** A step call failed: a GPU failure moves the model to a new device or the CPU; anything else stops training. */
  private handleFailure(session: TrainingSession, error: unknown): void {
    if (!this.backends.canFailOver()) {
      console.warn('Descent: a training call failed', error);
      this.transition('fail', `Training failed: ${errorText(error)}`);
      return;
    }
    // The frame loop stops at once; later failures of the same session (the other call in flight) find it closed.
    this.session = null;
    this.enqueue(async () => {
      const lost = error instanceof DeviceLostError;
      const parameters = lost ? session.snapshot.parameters : await session.parameters().catch(() => session.snapshot.parameters);
      session.close();
      await this.backends.failOver(error);
      await this.rebuild(parameters ? 'keep' : 'fresh', session.config, session.dataset, { previous: session, parameters: parameters ?? undefined, epoch: session.snapshot.parametersEpoch });
    });
  }

  /** The backend choice changed: the model moves to the new backend with its weights. */
  private switchBackend(): void {
    this.enqueue(async () => {
      const previous = this.session;
      const parameters = previous ? await previous.parameters() : undefined;
      this.session = null;
      previous?.close();
      for (const listener of this.leavingListeners) await listener();
      await this.backends.open(this.source.getState().backend);
      if (previous) await this.rebuild('keep', previous.config, previous.dataset, { previous, parameters });
    });
  }

  private requestApply(): void {
    if (this.applyQueued) return;
    this.applyQueued = true;
    queueMicrotask(() =>
      this.enqueue(async () => {
        this.applyQueued = false;
        await this.applyExperiment();
      }),
    );
  }

  /** Brings the trainer in line with the store's experiment and any Reset or imported model asked for. */
  private async applyExperiment(): Promise<void> {
    const { config, custom } = this.source.getState();
    const { reset, imported, continuing } = this.pending;
    this.pending = { reset: false, imported: null };
    const session = this.session;
    const dataset = this.datasetFor(config, custom);
    if (imported) return this.rebuild('import', config, dataset, { previous: session, parameters: imported.parameters, importedSpec: imported.spec, epoch: continuing?.epoch, history: continuing?.history });
    if (!session || reset) return this.rebuild('fresh', config, dataset, { previous: session });
    const changes = diffConfigs(session.config, config);
    const dataChanged = dataset !== session.dataset;
    if (changes.layout || changes.seed || !sameTask(dataset.task, session.dataset.task) || (dataChanged && !session.trained)) {
      return this.rebuild('fresh', config, dataset, { previous: session });
    }
    if (dataChanged || changes.batch) return this.rebuild('keep', config, dataset, { previous: session });
    if (changes.settings) {
      session.trainer.updateSettings(liveSettingsOf(config.training));
      this.newModelRevision();
    }
    session.config = config;
  }

  /** The dataset for the experiment: the session's when its data is the same, else generated (a preset) or the custom points; throws an InputError for a config that cannot make data. */
  private datasetFor(config: ExperimentConfig, custom: Dataset | null): Dataset {
    const session = this.session;
    if (config.data.preset === 'custom') return datasetOf(config.data, custom);
    if (session && session.config.data.preset !== 'custom' && !diffConfigs(session.config, config).data) return session.dataset;
    return datasetOf(config.data, null);
  }

  /** A new session: fresh weights, the current weights on new data or settings, or an imported model. */
  private async rebuild(mode: BuildMode, config: ExperimentConfig, dataset: Dataset, from: RebuildFrom): Promise<void> {
    const { previous, importedSpec } = from;
    let parameters = from.parameters;
    if (mode === 'keep' && !parameters && previous) parameters = await previous.parameters();
    const setup = buildTrainerSetup(mode, config, dataset, previous?.spec ?? null, parameters, importedSpec);
    this.session = null;
    previous?.close();
    const trainer = await this.backends.createTrainer(setup);
    const kept = mode === 'keep' && previous ? previous : null;
    this.session = new TrainingSession(
      {
        trainer,
        config,
        dataset,
        spec: setup.spec,
        epochOffset: kept ? (from.epoch ?? kept.snapshot.epoch) : mode === 'import' ? (from.epoch ?? 0) : 0,
        history: kept ? (from.history ?? kept.history) : mode === 'import' ? (from.history ?? new LossHistory()) : new LossHistory(),
        timeline: kept ? (from.timeline ?? kept.timeline) : new Timeline(),
        snapshot: { ...(kept ? (from.snapshot ?? kept.snapshot) : EMPTY_SNAPSHOT), parameters: setup.parameters ? Float32Array.from(setup.parameters) : null },
        trained: mode === 'import' || (kept?.trained ?? false),
        pacing: this.pacing,
        speed: this.speed,
        inside: insideFor(trainer.plan, this.inside),
      },
      this.host,
    );
    this.shown = this.session;
    if (!kept) this.transition('freshWeights');
    this.newModelRevision();
    this.changed();
  }

  private newModelRevision(): void {
    this.modelRevision++;
    for (const listener of this.listeners) listener();
  }

  private backendChanged(backend: Backend, failover: string | null): void {
    this.setStatus({ backend: backend.label });
    if (failover) this.tell({ kind: 'failover', text: `Training moved from WebGPU to ${backend.kind === 'cpu' ? 'the CPU' : 'a new WebGPU device'}: ${failover}.` });
  }

  /** Runs `operation` after everything queued before it, with the frame loop holding off and in-flight calls settled first. */
  private enqueue(operation: () => Promise<void>, onError?: (error: unknown) => void): void {
    this.busy++;
    this.queue = this.queue
      .then(async () => {
        await this.session?.settled();
        await this.viewer.settled();
        await operation();
      })
      .catch((error: unknown) => {
        if (onError) onError(error);
        else this.transition('fail', errorText(error));
      })
      .finally(() => {
        this.busy--;
      });
  }

  private transition(event: RunEvent, failure?: string): void {
    const phase = nextPhase(this.status.phase, event);
    const problem = phase === 'diverged' ? DIVERGED_MESSAGE : phase === 'failed' ? (failure ?? this.status.problem) : null;
    this.setStatus({ phase, playing: phase === 'playing', problem });
  }

  private setStatus(patch: Partial<RunStatus>): void {
    const next = { ...this.status, ...patch };
    if (next.phase === this.status.phase && next.backend === this.status.backend && next.problem === this.status.problem) return;
    this.status = next;
    for (const listener of this.listeners) listener();
  }

  private tell(news: RunNews): void {
    for (const listener of this.newsListeners) listener(news);
  }

  private changed(): void {
    this.version++;
  }
}

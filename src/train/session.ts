import type { ExperimentConfig } from '../core/config';
import { datasetSize, type Dataset } from '../core/dataset';
import { earlyStopNotice, EpochEarlyStopping, NEVER_STOP, stoppingRuleOf, type EarlyStop, type EarlyStoppingRule } from '../core/earlyStopping';
import { learningRateAt, lrScheduleOf } from '../core/lrSchedule';
import type { Metrics } from '../core/metrics';
import type { ModelSpec } from '../core/network';
import type { GridSpec, Observation, ObserveRequest, Trainer } from '../core/trainer';
import { LossHistory } from './history';
import { EMPTY_INSIDE, InsideViews, type InsideRequest, type InsideSnapshot } from './insideViews';
import { ObservePlanner } from './observePlanner';
import { StepPacer, type PacerOptions, type SpeedLimit } from './pacer';
import { RateMeter } from './rateMeter';
import type { Timeline } from './timeline';
import { MAX_CALLS_IN_FLIGHT } from './runSupport';

/** The decision boundary (or the neuron thumbnails) of one observation, with the grid it was computed on. */
export interface GridValues<T> {
  spec: GridSpec;
  values: T;
}

/** What the views draw: the latest observation of a session. Replaced whole on change, never mutated. */
export interface RunSnapshot {
  readonly epoch: number;
  readonly metrics: Metrics | null;
  readonly grid: GridValues<Float32Array> | null;
  readonly neurons: GridValues<Float32Array[]> | null;
  readonly parameters: Float32Array | null;
  /** The epoch `parameters` were read at. */
  readonly parametersEpoch: number;
  /** The see-inside views' numbers: layer view, gradient flow, linear separability. */
  readonly inside: InsideSnapshot;
}

export const EMPTY_SNAPSHOT: RunSnapshot = { epoch: 0, metrics: null, grid: null, neurons: null, parameters: null, parametersEpoch: 0, inside: EMPTY_INSIDE };

/** What a session tells the run it belongs to. */
export interface SessionHost {
  now(): number;
  /** Something the views draw changed. */
  changed(): void;
  /** A step's loss was not finite; the trainer kept the weights from before the call. */
  diverged(): void;
  /** A step call failed. */
  failed(session: TrainingSession, error: unknown): void;
  /** Early stopping ended training; `notice` says where and why. */
  stopped(notice: string): void;
}

/** What a session starts from: its trainer and what it was built for, and what carries over from the session before it. */
export interface SessionStart {
  trainer: Trainer;
  config: ExperimentConfig;
  dataset: Dataset;
  spec: ModelSpec;
  /** The epochs trained before this trainer's step 0 (a rebuild that kept the weights). */
  epochOffset: number;
  history: LossHistory;
  /** Snapshots of the weights so far, for scrubbing back. */
  timeline: Timeline;
  snapshot: RunSnapshot;
  /** Whether the weights have been trained (or imported): new data then keeps them. */
  trained: boolean;
  pacing: PacerOptions;
  /** The page's Speed, shared by the run's sessions. */
  speed: SpeedLimit;
  /** What the see-inside views want. */
  inside: InsideRequest;
}

/** Parameters are read back this often while training: for the diagram, and to survive a lost device. */
const PARAMETER_READ_MS = 1000;
/** While the timeline wants a snapshot (every epoch at first), parameters are read this often. */
const TIMELINE_READ_MS = 100;
/** How often, while training, a call measures what the decision boundary costs. */
const MEASURE_VIEWS_MS = 3000;

/**
 * One trainer's life in the page: created with the trainer and dropped with it, so nothing in
 * it needs resetting. Issues step calls (at most two in flight, k from the pacer, observations
 * from the planner) and turns their results into snapshots; once closed, late results are ignored.
 */
export class TrainingSession {
  readonly trainer: Trainer;
  /** The experiment the trainer was built for, with the live settings it has taken since. */
  config: ExperimentConfig;
  readonly dataset: Dataset;
  readonly spec: ModelSpec;
  readonly history: LossHistory;
  readonly timeline: Timeline;
  readonly epochOffset: number;
  snapshot: RunSnapshot;
  trained: boolean;
  /** The views wait for a full observation (a new trainer, a pause). */
  private stale = true;
  private readonly pacer: StepPacer;
  private readonly speed: SpeedLimit;
  private readonly planner: ObservePlanner;
  private readonly inside: InsideViews;
  private readonly rate = new RateMeter();
  private readonly inflight = new Map<Promise<unknown>, { start: number; steps: number }>();
  private lastStep = 0;
  /** Optimizer steps asked of the trainer so far, answered or not. */
  private issuedStep = 0;
  private readonly stopping: EpochEarlyStopping;
  /** While early stopping is on, the step ending an epoch whose call is out: nothing more is issued until its test loss is judged. */
  private pendingEvaluation: number | null = null;
  private readonly hasTestPoints: boolean;
  private readingParameters = false;
  private lastParameterRead = -Infinity;
  private lastMeasure: number;
  private closed = false;

  constructor(
    start: SessionStart,
    private readonly host: SessionHost,
  ) {
    ({ trainer: this.trainer, config: this.config, dataset: this.dataset, spec: this.spec, history: this.history, timeline: this.timeline, epochOffset: this.epochOffset, trained: this.trained } = start);
    this.snapshot = { ...start.snapshot, epoch: start.epochOffset, parametersEpoch: start.epochOffset };
    this.pacer = new StepPacer(start.pacing);
    this.speed = start.speed;
    this.planner = new ObservePlanner(this.trainer.plan, start.pacing.targetLatencyMs, datasetSize(this.dataset));
    this.inside = new InsideViews(this.trainer.plan);
    this.inside.want(start.inside);
    this.snapshot = { ...this.snapshot, inside: this.inside.snapshot };
    this.lastMeasure = host.now();
    this.stopping = new EpochEarlyStopping(this.trainer.stepsPerEpoch);
    this.hasTestPoints = this.dataset.isTest.includes(1);
  }

  /** One animation frame: refresh the views when stale, measure them now and then, and train when `training`. */
  frame(now: number, training: boolean): void {
    if (training) this.readParameters(now);
    else this.speed.pause();
    this.inside.separate(now, training, this.trainer, () => this.insideChanged());
    if (this.inflight.size >= MAX_CALLS_IN_FLIGHT) return;
    // Calls without steps measure what the views cost; they wait until nothing else is in flight.
    const measure = this.stale || (training && now - this.lastMeasure >= MEASURE_VIEWS_MS);
    if (measure && this.inflight.size > 0) return;
    if (this.stale) {
      this.stale = false;
      this.lastMeasure = now;
      this.launch(0, this.inside.extend(this.planner.full(), null));
      this.readParameters(now, true);
    } else if (measure) {
      this.lastMeasure = now;
      this.launch(0, this.planner.gridOnly(now));
    } else if (training && this.pendingEvaluation === null) {
      this.launchTraining(now);
    }
  }

  /** The views refresh at the next frame (after a pause: the paused model, with every view). */
  refresh(): void {
    this.stale = true;
    this.inside.refresh();
  }

  /** What the see-inside views want (applied from the next call; a slot the network lacks is refused with a RangeError). */
  wantInside(request: InsideRequest): void {
    this.inside.want(request);
    this.stale = true;
    this.insideChanged();
  }

  get insideWanted(): InsideRequest {
    return this.inside.wanted;
  }

  /** Steps per second over the last second. */
  stepsPerSecond(now: number): number {
    return this.rate.perSecond(now);
  }

  /** How long the oldest step call in flight has been running (ms), 0 when none is. */
  busyFor(now: number): number {
    let oldest = now;
    for (const call of this.inflight.values()) if (call.steps > 0) oldest = Math.min(oldest, call.start);
    return now - oldest;
  }

  /** Resolves when the calls in flight have settled. */
  settled(): Promise<unknown> {
    return Promise.allSettled([...this.inflight.keys()]);
  }

  /** Trains `steps` steps in calls of at most `perCall`, awaiting each; the last reports everything. Stops early on divergence. */
  async train(steps: number, perCall: number, stillGoing: () => boolean): Promise<void> {
    for (let remaining = steps; remaining > 0 && stillGoing(); ) {
      const k = Math.min(perCall, remaining);
      remaining -= k;
      const request: ObserveRequest = remaining === 0 ? this.inside.extend(this.planner.full(), null) : {};
      this.issuedStep += k;
      this.accept(await this.trainer.step(k, request), request);
    }
    const parameters = await this.trainer.getParameters();
    this.snapshot = { ...this.snapshot, parameters, parametersEpoch: this.snapshot.epoch };
    this.timeline.record(this.issuedEpoch, parameters);
    this.inside.refresh();
    this.host.changed();
  }

  /** The weights as they are now (after every call in flight). */
  parameters(): Promise<Float32Array> {
    return this.trainer.getParameters();
  }

  close(): void {
    this.closed = true;
    this.trainer.dispose();
  }

  /** Early stopping's rule: the config's, while there are test points to judge. */
  private get stoppingRule(): EarlyStoppingRule {
    return this.hasTestPoints ? stoppingRuleOf(this.config.training) : NEVER_STOP;
  }

  /** Issues the frame's training call: k from the pacer, cut at the end of the epoch (whose test loss it then reports) while early stopping is on. */
  private launchTraining(now: number): void {
    // The pacer says what the engine can take in one call; early stopping may end it at an epoch's
    // end, and Speed may allow fewer steps, or none this frame.
    const cut = this.stopping.cut(this.pacer.next(), this.issuedStep, this.stoppingRule);
    const steps = this.speed.take(now, cut.steps);
    if (steps === 0) return;
    const endsEpoch = cut.endsEpoch && steps === cut.steps;
    const request = this.inside.extend(this.planner.request(now), now);
    this.launch(steps, endsEpoch ? { ...request, metrics: true } : request);
    if (endsEpoch) this.pendingEvaluation = this.issuedStep;
  }

  /** Issues one step call and handles its result when it comes; never awaited inside the frame. */
  private launch(k: number, request: ObserveRequest): void {
    const start = this.host.now();
    this.issuedStep += k;
    let call: Promise<Observation>;
    try {
      call = this.trainer.step(k, request);
    } catch (error) {
      // A trainer that throws while recording fails its call, never the frame.
      call = Promise.reject(error);
    }
    const issueMs = this.host.now() - start;
    const tracked = call.then(
      (observation) => {
        if (this.closed) return;
        const latencyMs = this.host.now() - start;
        this.pacer.record({ steps: k, issueMs, latencyMs });
        this.planner.record(request, latencyMs, k);
        this.accept(observation, request);
      },
      (error: unknown) => {
        this.pendingEvaluation = null;
        if (!this.closed) this.host.failed(this, error);
      },
    );
    this.inflight.set(tracked, { start, steps: k });
    void tracked.finally(() => this.inflight.delete(tracked));
  }

  /** The epoch the weights will be at once every step call issued so far is done. */
  private get issuedEpoch(): number {
    return this.epochOffset + this.issuedStep / this.trainer.stepsPerEpoch;
  }

  /** Reads the parameters back every so often, more often while the timeline wants a snapshot (or now, when `force`), without awaiting in the frame. */
  private readParameters(now: number, force = false): void {
    if (this.readingParameters) return;
    const since = now - this.lastParameterRead;
    if (!force && since < PARAMETER_READ_MS && !(since >= TIMELINE_READ_MS && this.timeline.wants(this.issuedEpoch))) return;
    this.readingParameters = true;
    this.lastParameterRead = now;
    const epoch = this.snapshot.epoch;
    // The trainer answers after the calls issued before it, so the weights are those of every step issued so far.
    const weightsEpoch = this.issuedEpoch;
    this.trainer.getParameters().then(
      (parameters) => {
        this.readingParameters = false;
        if (this.closed) return;
        this.timeline.record(weightsEpoch, parameters);
        this.snapshot = { ...this.snapshot, parameters, parametersEpoch: epoch };
        this.host.changed();
      },
      () => {
        this.readingParameters = false;
      },
    );
  }

  /** Takes in what a step call reported. */
  private accept(observation: Observation, request: ObserveRequest): void {
    if (this.closed) return;
    const taken = observation.step - this.lastStep;
    this.lastStep = observation.step;
    if (taken > 0) this.trained = true;
    this.rate.add(this.host.now(), Math.max(taken, 0));
    const epoch = this.epochOffset + observation.epoch;
    const metrics = observation.metrics ?? this.snapshot.metrics;
    const { training } = this.config;
    let stop: EarlyStop | null = null;
    if (observation.metrics) {
      const { train, test } = observation.metrics;
      const learningRate = learningRateAt(training.learningRate, lrScheduleOf(training), Math.max(observation.step - 1, 0));
      this.history.add({ epoch, trainLoss: train.loss, testLoss: test?.loss ?? NaN, trainAccuracy: train.accuracy ?? NaN, testAccuracy: test?.accuracy ?? NaN, learningRate });
      stop = this.stopping.observe(observation.step, epoch, test?.loss, this.stoppingRule);
    }
    if (observation.diverged || (this.pendingEvaluation !== null && observation.step >= this.pendingEvaluation)) this.pendingEvaluation = null;
    this.snapshot = {
      ...this.snapshot,
      epoch,
      metrics,
      grid: observation.grid && request.grid ? { spec: request.grid, values: observation.grid } : this.snapshot.grid,
      neurons: observation.neurons && request.neurons ? { spec: request.neurons, values: observation.neurons } : this.snapshot.neurons,
    };
    if (this.inside.accept(observation)) this.snapshot = { ...this.snapshot, inside: this.inside.snapshot };
    if (observation.diverged) {
      // The trainer undid the diverging call: its steps count from where they were.
      this.issuedStep = observation.step;
      this.host.diverged();
    } else if (stop !== null) {
      this.host.stopped(earlyStopNotice(stop));
    }
    this.host.changed();
  }

  private insideChanged(): void {
    if (this.closed) return;
    this.snapshot = { ...this.snapshot, inside: this.inside.snapshot };
    this.host.changed();
  }
}

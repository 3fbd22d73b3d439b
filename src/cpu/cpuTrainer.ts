import { gridPoints } from '../core/grid';
import { planeLineGrids, probeRows, PROBE_ITERATIONS, PROBE_LEARNING_RATE, viewableSlot, viewableSlots } from '../core/layerView';
import { initializeParameters } from '../core/init';
import { stepSeed } from '../core/dropout';
import { logitsToOutputs } from '../core/loss';
import { isDiverged, splitMetrics, type Metrics, type SplitMetrics } from '../core/metrics';
import { hiddenLayers, planNetwork, type NetworkPlan } from '../core/network';
import { checkOptimizerStateSize, optimizerStateSize, optimizerStep, scheduledStepScalars } from '../core/optimizer';
import { MinibatchSchedule } from '../core/schedule';
import { featuresOf, prepareSplits, type SplitData } from '../core/splits';
import { outputWidth } from '../core/task';
import { liveSettingsOf, type BackendInfo, type GridSpec, type LayerGradient, type LayerSeparability, type LayerView, type LayerViewRequest, type LiveSettings, type Observation, type ObserveRequest, type OptimizerState, type Trainer, type TrainerSetup } from '../core/trainer';
import type { Floats } from './floats';
import { gatherRows } from './kernels';
import { CpuNetwork, type FloatArrayConstructor } from './cpuNetwork';
import { fitLinearProbe, layerGradientStats } from './inspect';

/** Rows pushed through the network at once when evaluating; bounds the activation memory. */
const EVAL_CHUNK = 4096;

/** A synchronous trainer on typed arrays; Float32Array at run time, Float64Array as the test oracle. */
export class CpuTrainer<T extends Floats = Float32Array> implements Trainer {
  readonly plan: NetworkPlan;
  readonly network: CpuNetwork<T>;
  readonly stepsPerEpoch: number;
  backend: BackendInfo = { kind: 'cpu', adapter: 'JavaScript' };
  private readonly train: SplitData & { featuresT: T };
  private readonly test: SplitData & { featuresT: T };
  private readonly schedule: MinibatchSchedule;
  private readonly state: T;
  private readonly batchLabels: Float64Array;
  private settings: LiveSettings;
  private stepCount = 0;
  private diverged = false;

  constructor(
    private readonly setup: TrainerSetup,
    private readonly ctor: FloatArrayConstructor<T> = Float32Array as unknown as FloatArrayConstructor<T>,
  ) {
    this.plan = planNetwork(setup.spec);
    const splits = prepareSplits(setup.spec, setup.dataset);
    this.train = { ...splits.train, featuresT: this.toT(splits.train.features) };
    this.test = { ...splits.test, featuresT: this.toT(splits.test.features) };
    const { training } = setup;
    this.schedule = new MinibatchSchedule(this.train.count, training.batchSize, training.seed);
    this.stepsPerEpoch = this.schedule.stepsPerEpoch;
    this.network = new CpuNetwork(this.plan, ctor, Math.max(this.schedule.batchSize, 1));
    this.batchLabels = new Float64Array(this.schedule.batchSize);
    this.state = new ctor(optimizerStateSize('adam', this.plan.parameterCount));
    this.settings = liveSettingsOf(training);
    if (setup.parameters) this.setParameters(setup.parameters);
    else initializeParameters(this.plan, setup.init, training.seed, this.network.params, setup.initScale);
  }

  async step(k: number, observe?: ObserveRequest): Promise<Observation> {
    return this.stepSync(k, observe);
  }

  /** step() without the promise, for callers that run on the CPU anyway (the worker, the CLI, tests). */
  stepSync(k: number, observe: ObserveRequest = {}): Observation {
    let lossSum = 0;
    let taken = 0;
    if (!this.diverged && this.train.count > 0) {
      // Like the GPU: a diverging call is undone as a whole, parameters and step count alike.
      const backup = this.network.params.slice() as T;
      const firstStep = this.stepCount;
      for (let s = 0; s < k; s++) {
        const loss = this.trainOneStep();
        if (isDiverged(loss)) {
          this.diverged = true;
          this.network.params.set(backup);
          this.stepCount = firstStep;
          break;
        }
        lossSum += loss;
        taken++;
      }
    }
    const observation: Observation = {
      step: this.stepCount,
      epoch: this.stepCount / this.stepsPerEpoch,
      loss: taken > 0 ? lossSum / taken : NaN,
      diverged: this.diverged,
    };
    if (observe.metrics) observation.metrics = this.evaluateSync();
    if (observe.grid) observation.grid = this.outputsAt(gridPoints(observe.grid));
    if (observe.neurons) observation.neurons = this.neuronsAt(observe.neurons);
    if (observe.layerView) observation.layerView = this.layerView(observe.layerView);
    if (observe.gradientFlow && this.train.count > 0) observation.gradientFlow = this.gradientFlow();
    return observation;
  }

  /** One optimizer update on the next minibatch; returns its mean data loss. */
  private trainOneStep(): number {
    const loss = this.backpropagate(this.stepCount);
    optimizerStep(this.network.params, this.network.grads, this.state, this.plan.weightCount, this.settings, scheduledStepScalars(this.settings, this.stepCount));
    this.stepCount++;
    return loss;
  }

  /** Forward and backward on the minibatch of `step`, with its dropout: the gradient into network.grads; returns the mean loss. */
  private backpropagate(step: number): number {
    const rows = this.schedule.batch(step);
    const count = rows.length;
    gatherRows(this.train.featuresT, this.plan.slotWidths[0], rows, this.network.slot(0));
    for (let r = 0; r < count; r++) this.batchLabels[r] = this.train.labels[rows[r]];
    const dropout = this.settings.dropout > 0 ? { rate: this.settings.dropout, stepSeed: stepSeed(this.setup.training.seed, step) } : null;
    this.network.forward(count, dropout);
    return this.network.backward(count, this.batchLabels, dropout);
  }

  /** The next step's gradient and update, per layer, without taking the step. */
  private gradientFlow(): LayerGradient[] {
    this.backpropagate(this.stepCount);
    const { params, grads } = this.network;
    return layerGradientStats(this.plan, params, grads, this.state, this.settings, scheduledStepScalars(this.settings, this.stepCount));
  }

  async separability(): Promise<LayerSeparability[] | null> {
    return this.separabilitySync();
  }

  separabilitySync(): LayerSeparability[] | null {
    const task = this.plan.spec.task;
    if (task.kind !== 'classification' || this.train.count === 0) return null;
    const rows = probeRows(this.train.count);
    const features = new this.ctor(rows.length * this.plan.slotWidths[0]);
    gatherRows(this.train.featuresT, this.plan.slotWidths[0], rows, features);
    const labels = Float64Array.from(rows, (row) => this.train.labels[row]);
    return viewableSlots(this.plan).map(({ slot, width }) => {
      const activations = this.slotRows(features, rows.length, slot, width);
      return { slot, accuracy: fitLinearProbe(activations, rows.length, width, labels, task.classes, PROBE_ITERATIONS, PROBE_LEARNING_RATE) };
    });
  }

  private layerView(request: LayerViewRequest): LayerView {
    const { slot, width } = viewableSlot(this.plan, request.slot);
    const points = Float64Array.from(planeLineGrids(request.lines).flatMap((grid) => [...gridPoints(grid)]));
    const view: LayerView = { slot, width, lines: this.slotRows(this.toT(featuresOf(this.setup.spec, points)), points.length / 2, slot, width) };
    if (request.points) view.points = this.slotRows(this.train.featuresT, this.train.count, slot, width);
    return view;
  }

  /** Slot `slot` (width numbers a row) for `count` rows of features. */
  private slotRows(features: T, count: number, slot: number, width: number): Float32Array {
    const result = new Float32Array(count * width);
    this.forEachChunk(features, count, (start, rows) => result.set(this.network.slot(slot).subarray(0, rows * width), start * width));
    return result;
  }

  async predict(points: ArrayLike<number>): Promise<Float32Array> {
    return this.outputsAt(points);
  }

  async evaluate(): Promise<Metrics> {
    return this.evaluateSync();
  }

  evaluateSync(): Metrics {
    return { train: this.splitMetricsOf(this.train), test: this.test.count > 0 ? this.splitMetricsOf(this.test) : null };
  }

  async getParameters(): Promise<Float32Array> {
    return Float32Array.from(this.network.params);
  }

  setParameters(parameters: ArrayLike<number>): void {
    if (parameters.length !== this.plan.parameterCount) {
      throw new Error(`expected ${this.plan.parameterCount} parameters, got ${parameters.length}`);
    }
    this.network.params.set(parameters);
    if (this.diverged) this.state.fill(0);
    this.diverged = false;
  }

  async getOptimizerState(): Promise<OptimizerState> {
    return { step: this.stepCount, values: this.state.slice(0, optimizerStateSize(this.settings.optimizer, this.plan.parameterCount)) };
  }

  setOptimizerState({ step, values }: OptimizerState): void {
    checkOptimizerStateSize(this.settings.optimizer, this.plan.parameterCount, values);
    this.state.fill(0);
    this.state.set(values);
    this.stepCount = step;
  }

  updateSettings(settings: LiveSettings): void {
    if (settings.optimizer !== this.settings.optimizer) this.state.fill(0);
    this.settings = { ...settings };
  }

  dispose(): void {}

  private toT(values: Float64Array): T {
    const out = new this.ctor(values.length);
    out.set(values);
    return out;
  }

  /** Runs `features` (count × featureWidth) through the network in chunks; visit gets each chunk's logits. */
  private forEachChunk(features: T, count: number, visit: (start: number, rows: number) => void): void {
    const width = this.plan.slotWidths[0];
    const chunk = Math.min(Math.max(count, 1), EVAL_CHUNK);
    this.network.ensureCapacity(chunk);
    for (let start = 0; start < count; start += chunk) {
      const rows = Math.min(chunk, count - start);
      this.network.slot(0).set(features.subarray(start * width, (start + rows) * width));
      this.network.forward(rows, null);
      visit(start, rows);
    }
  }

  private logits(length: number): T {
    return this.network.slot(this.plan.outputSlot).subarray(0, length) as T;
  }

  private splitMetricsOf(split: SplitData & { featuresT: T }): SplitMetrics {
    const outputs = outputWidth(this.plan.spec.task);
    const logits = new Float64Array(split.count * outputs);
    this.forEachChunk(split.featuresT, split.count, (start, rows) => logits.set(this.logits(rows * outputs), start * outputs));
    return splitMetrics(this.plan.spec.task, logits, split.labels, split.count);
  }

  private outputsAt(points: ArrayLike<number>): Float32Array {
    const count = points.length / 2;
    const outputs = outputWidth(this.plan.spec.task);
    const result = new Float32Array(count * outputs);
    this.forEachChunk(this.toT(featuresOf(this.setup.spec, points)), count, (start, rows) => result.set(this.logits(rows * outputs), start * outputs));
    return logitsToOutputs(this.plan.spec.task, result, count);
  }

  private neuronsAt(grid: GridSpec): Float32Array[] {
    const count = grid.width * grid.height;
    const layers = hiddenLayers(this.plan);
    const results = layers.map((layer) => new Float32Array(count * layer.out));
    this.forEachChunk(this.toT(featuresOf(this.setup.spec, gridPoints(grid))), count, (start, rows) =>
      layers.forEach((layer, i) => results[i].set(this.network.slot(layer.output).subarray(0, rows * layer.out), start * layer.out)),
    );
    return results;
  }
}

import { planeLineGrids, viewableSlot } from '../core/layerView';
import type { Metrics, SplitMetrics } from '../core/metrics';
import { hiddenLayers, type ModelSpec, type NetworkPlan } from '../core/network';
import { outputWidth } from '../core/task';
import type { GridSpec, Observation, ObserveRequest } from '../core/trainer';
import { createStorageBuffer, uniformBuffer } from './arena';
import { Evaluation, type ArenaCopy, type Chunk, type ChunkInput } from './evaluation';
import type { FusedForward, PreparedForward } from './fusedForward';
import type { KernelSet } from './kernels/kernelSet';
import type { PassRecorder } from './passRecorder';
import type { PassUniforms } from './passUniforms';
import { identityIndices, type SplitBuffers } from './splitBuffers';
import { GRID_FEATURES_BYTES, gridFeaturesOf } from './uniforms';

/** Predictions' buffers, kept between calls and grown when a call has more rows. */
interface PredictBuffers {
  rows: number;
  features: GPUBuffer;
  labels: GPUBuffer;
  identity: GPUBuffer;
  results: GPUBuffer;
  gatherGroup: GPUBindGroup;
  outputsGroup: GPUBindGroup;
}

/** A grid uniform with its grid-features bind group: one per grid a call may evaluate, since all are written before the submit. */
interface GridInput {
  uniform: GPUBuffer;
  input: ChunkInput;
}

/** The evaluation passes one call asked for, laid out before recording. */
export interface PreparedObservation {
  metrics: { train: Chunk[]; test: Chunk[] } | null;
  grid: { spec: GridSpec; chunks: Chunk[] } | null;
  neurons: { spec: GridSpec; chunks: Chunk[] } | null;
  layerView: { slot: number; width: number; horizontal: Chunk[]; vertical: Chunk[]; points: Chunk[] | null } | null;
  predictions: { count: number; chunks: Chunk[] } | null;
  /** Metrics, grid, thumbnails and layer view in one dispatch of the fused forward kernel, when the network allows it. */
  forward: PreparedForward | null;
}

/** Where each result of an observation sits in a call's staging buffer (in floats). */
export interface ObservationLayout {
  metrics: number;
  grid: number;
  neurons: number[];
  layerLines: number;
  layerPoints: number;
  predictions: number;
  /** The fused forward kernel's results. */
  forward: number;
  /** The first float after the observation's results. */
  end: number;
}

/**
 * Records what a call observes after its training steps (metrics over both splits, the
 * decision-boundary grid, the neuron thumbnails, a layer's view of the plane, predictions), lays
 * the results out in the call's staging buffer and reads them from there. A small MLP's metrics,
 * grid, thumbnails and layer view take one dispatch of the fused forward kernel (`forward`);
 * everything else goes through one Evaluation, layer by layer. The trainer owns the compute pass,
 * the staging buffer and the read-back.
 */
export class ObservationRecorder {
  readonly evaluation: Evaluation;
  private readonly gatherInputs: { train: ChunkInput; test: ChunkInput };
  private readonly metricsResults: GPUBuffer;
  private readonly metricsGroup: GPUBindGroup;
  private readonly lossUniform: GPUBuffer;
  private readonly grids: { decision: GridInput; neurons: GridInput; horizontal: GridInput; vertical: GridInput };
  private gridResults: GPUBuffer;
  private gridOutputsGroup: GPUBindGroup;
  private predictBuffers: PredictBuffers | null = null;
  private readonly owned: GPUBuffer[] = [];

  constructor(
    private readonly device: GPUDevice,
    private readonly kernels: KernelSet,
    private readonly plan: NetworkPlan,
    evaluation: Evaluation,
    private readonly spec: ModelSpec,
    private readonly train: SplitBuffers,
    private readonly test: SplitBuffers,
    identity: GPUBuffer,
    private readonly status: GPUBuffer,
    private readonly fusedForward: FusedForward | null = null,
  ) {
    this.evaluation = evaluation;
    const forward = evaluation.plan;
    const arena = forward.arena;
    this.gatherInputs = {
      train: { kernel: 'gather', group: kernels.gather.bind([forward.gather, arena, train.features, train.labels, identity]) },
      test: { kernel: 'gather', group: kernels.gather.bind([forward.gather, arena, test.features, test.labels, identity]) },
    };
    this.lossUniform = this.own(uniformBuffer(device, forward.lossUniform(false), 'eval loss'));
    const chunkCount = evaluation.chunkCount(train.count) + evaluation.chunkCount(test.count);
    this.metricsResults = this.own(createStorageBuffer(device, 2 * chunkCount * 4, 'metrics partial sums'));
    this.metricsGroup = kernels.loss.bind([this.lossUniform, arena, this.metricsResults, status]);
    const gridInput = (label: string): GridInput => {
      const uniform = this.own(device.createBuffer({ label, size: GRID_FEATURES_BYTES, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST }));
      return { uniform, input: { kernel: 'gridFeatures', group: kernels.gridFeatures.bind([uniform, arena]) } };
    };
    this.grids = { decision: gridInput('grid'), neurons: gridInput('neuron grid'), horizontal: gridInput('layer view: horizontal lines'), vertical: gridInput('layer view: vertical lines') };
    this.gridResults = createStorageBuffer(device, 4, 'grid outputs');
    this.gridOutputsGroup = kernels.loss.bind([this.lossUniform, arena, this.gridResults, status]);
  }

  /**
   * Adds the evaluation passes `observe` needs and writes their uniforms; `predictions` are
   * `count` rows of features (count × feature width) to run through the model.
   */
  prepare(passes: PassUniforms, observe: ObserveRequest, predictions?: { features: Float64Array; count: number }): PreparedObservation {
    const chunksOf = (count: number, firstSlot = 0): Chunk[] => this.evaluation.chunks(passes, count, firstSlot);
    const prepared: PreparedObservation = { metrics: null, grid: null, neurons: null, layerView: null, predictions: null, forward: null };
    prepared.forward = this.fusedForward?.prepare(observe) ?? null;
    // What the fused forward kernel took, the layer-by-layer path leaves.
    const layered: ObserveRequest = prepared.forward ? {} : observe;
    if (layered.metrics) {
      const train = chunksOf(this.train.count);
      prepared.metrics = { train, test: chunksOf(this.test.count, train.length) };
    }
    if (layered.grid) {
      this.writeGrid(this.grids.decision, layered.grid);
      this.ensureGridResults(layered.grid.width * layered.grid.height * outputWidth(this.plan.spec.task));
      prepared.grid = { spec: layered.grid, chunks: chunksOf(layered.grid.width * layered.grid.height) };
    }
    if (layered.neurons) {
      this.writeGrid(this.grids.neurons, layered.neurons);
      prepared.neurons = { spec: layered.neurons, chunks: chunksOf(layered.neurons.width * layered.neurons.height) };
    }
    if (layered.layerView) {
      const { slot, width } = viewableSlot(this.plan, layered.layerView.slot);
      const [horizontal, vertical] = planeLineGrids(layered.layerView.lines);
      this.writeGrid(this.grids.horizontal, horizontal);
      this.writeGrid(this.grids.vertical, vertical);
      prepared.layerView = {
        slot,
        width,
        horizontal: chunksOf(horizontal.width * horizontal.height),
        vertical: chunksOf(vertical.width * vertical.height),
        points: layered.layerView.points ? chunksOf(this.train.count) : null,
      };
    }
    if (predictions) {
      const buffers = this.predictBuffersFor(predictions.count);
      if (predictions.count > 0) this.device.queue.writeBuffer(buffers.features, 0, Float32Array.from(predictions.features));
      prepared.predictions = { count: predictions.count, chunks: chunksOf(predictions.count) };
    }
    return prepared;
  }

  /** Records the chunks whose epilogue runs in the call's open compute pass: metrics, grid, predictions. */
  encodeInPass(recorder: PassRecorder, passGroup: GPUBindGroup, prepared: PreparedObservation): void {
    if (prepared.forward) this.fusedForward!.record(recorder, prepared.forward);
    const evaluation = this.evaluation;
    if (prepared.metrics) {
      evaluation.metrics(recorder, passGroup, prepared.metrics.train, this.gatherInputs.train, this.metricsGroup);
      evaluation.metrics(recorder, passGroup, prepared.metrics.test, this.gatherInputs.test, this.metricsGroup);
    }
    if (prepared.grid) evaluation.outputs(recorder, passGroup, prepared.grid.chunks, this.grids.decision.input, this.gridOutputsGroup);
    if (prepared.predictions) {
      const buffers = this.predictBuffers!;
      evaluation.outputs(recorder, passGroup, prepared.predictions.chunks, { kernel: 'gather', group: buffers.gatherGroup }, buffers.outputsGroup);
    }
  }

  /** Where the observation's results go in a staging buffer, from float `start` on. */
  layout(prepared: PreparedObservation, start: number): ObservationLayout {
    let end = start;
    const take = (floats: number): number => {
      const at = end;
      end += floats;
      return at;
    };
    const metrics = take(prepared.metrics ? 2 * (prepared.metrics.train.length + prepared.metrics.test.length) : 0);
    const grid = take(prepared.grid ? prepared.grid.spec.width * prepared.grid.spec.height * outputWidth(this.plan.spec.task) : 0);
    const cells = prepared.neurons ? prepared.neurons.spec.width * prepared.neurons.spec.height : 0;
    const neurons = prepared.neurons ? hiddenLayers(this.plan).map((layer) => take(cells * layer.out)) : [];
    const view = prepared.layerView;
    const lineRows = view ? [...view.horizontal, ...view.vertical].reduce((sum, chunk) => sum + chunk.rows, 0) : 0;
    const layerLines = take(view ? lineRows * view.width : 0);
    const layerPoints = take(view?.points ? this.train.count * view.width : 0);
    const predictions = take(prepared.predictions ? prepared.predictions.count * outputWidth(this.plan.spec.task) : 0);
    const forward = take(prepared.forward ? this.fusedForward!.floats(prepared.forward) : 0);
    return { metrics, grid, neurons, layerLines, layerPoints, predictions, forward, end };
  }

  /**
   * After the call's compute pass: the chunks whose results are copied out of the arena (a small
   * pass each), then the copies of every result into `staging` at `layout`.
   */
  encodeCopies(encoder: GPUCommandEncoder, passGroup: GPUBindGroup, prepared: PreparedObservation, staging: GPUBuffer, layout: ObservationLayout): void {
    const evaluation = this.evaluation;
    const slots = evaluation.plan.offsets.slots;
    if (prepared.neurons) {
      const copies = hiddenLayers(this.plan).map((layer, i): ArenaCopy => ({ from: slots[layer.output], width: layer.out, dst: staging, at: layout.neurons[i] }));
      evaluation.copies(encoder, passGroup, prepared.neurons.chunks, this.grids.neurons.input, copies);
    }
    const view = prepared.layerView;
    if (view) {
      const copyTo = (at: number): ArenaCopy[] => [{ from: slots[view.slot], width: view.width, dst: staging, at }];
      const horizontalRows = view.horizontal.reduce((sum, chunk) => sum + chunk.rows, 0);
      evaluation.copies(encoder, passGroup, view.horizontal, this.grids.horizontal.input, copyTo(layout.layerLines));
      evaluation.copies(encoder, passGroup, view.vertical, this.grids.vertical.input, copyTo(layout.layerLines + horizontalRows * view.width));
      if (view.points) evaluation.copies(encoder, passGroup, view.points, this.gatherInputs.train, copyTo(layout.layerPoints));
    }
    const copy = (source: GPUBuffer, at: number, floats: number): void => {
      if (floats > 0) encoder.copyBufferToBuffer(source, 0, staging, at * 4, floats * 4);
    };
    copy(this.metricsResults, layout.metrics, layout.grid - layout.metrics);
    copy(this.gridResults, layout.grid, (layout.neurons[0] ?? layout.layerLines) - layout.grid);
    if (this.predictBuffers) copy(this.predictBuffers.results, layout.predictions, layout.forward - layout.predictions);
    if (prepared.forward) this.fusedForward!.encodeCopy(encoder, prepared.forward, staging, layout.forward);
  }

  /** The observation's numbers, from the staging buffer's contents. */
  read(floats: Float32Array, prepared: PreparedObservation, layout: ObservationLayout): Partial<Observation> & { predictions?: Float32Array } {
    const observed: Partial<Observation> & { predictions?: Float32Array } = {};
    if (prepared.metrics) observed.metrics = this.metricsOf(floats.subarray(layout.metrics), prepared.metrics.train.length, prepared.metrics.test.length);
    if (prepared.grid) observed.grid = floats.slice(layout.grid, layout.neurons[0] ?? layout.layerLines);
    if (prepared.neurons) {
      const cells = prepared.neurons.spec.width * prepared.neurons.spec.height;
      observed.neurons = hiddenLayers(this.plan).map((layer, i) => floats.slice(layout.neurons[i], layout.neurons[i] + cells * layer.out));
    }
    const view = prepared.layerView;
    if (view) {
      observed.layerView = { slot: view.slot, width: view.width, lines: floats.slice(layout.layerLines, layout.layerPoints) };
      if (view.points) observed.layerView.points = floats.slice(layout.layerPoints, layout.predictions);
    }
    if (prepared.predictions) observed.predictions = floats.slice(layout.predictions, layout.forward);
    if (prepared.forward) Object.assign(observed, this.fusedForward!.read(floats, layout.forward, prepared.forward, 0));
    return observed;
  }

  /** The predictions' buffers for `count` rows: the ones of the last call when they are big enough. */
  private predictBuffersFor(count: number): PredictBuffers {
    if (this.predictBuffers && this.predictBuffers.rows >= count) return this.predictBuffers;
    this.destroyPredictBuffers();
    const rows = Math.max(count, 1);
    const forward = this.evaluation.plan;
    const features = createStorageBuffer(this.device, rows * this.plan.slotWidths[0] * 4, 'predict features');
    const labels = createStorageBuffer(this.device, rows * 4, 'predict labels');
    const identity = identityIndices(this.device, rows);
    const results = createStorageBuffer(this.device, rows * outputWidth(this.plan.spec.task) * 4, 'predictions');
    this.predictBuffers = {
      rows,
      features,
      labels,
      identity,
      results,
      gatherGroup: this.kernels.gather.bind([forward.gather, forward.arena, features, labels, identity]),
      outputsGroup: this.kernels.loss.bind([this.lossUniform, forward.arena, results, this.status]),
    };
    return this.predictBuffers;
  }

  private destroyPredictBuffers(): void {
    const buffers = this.predictBuffers;
    if (buffers) for (const buffer of [buffers.features, buffers.labels, buffers.identity, buffers.results]) buffer.destroy();
    this.predictBuffers = null;
  }

  private ensureGridResults(floats: number): void {
    if (this.gridResults.size >= floats * 4) return;
    this.gridResults.destroy();
    this.gridResults = createStorageBuffer(this.device, floats * 4, 'grid outputs');
    this.gridOutputsGroup = this.kernels.loss.bind([this.lossUniform, this.evaluation.plan.arena, this.gridResults, this.status]);
  }

  destroy(): void {
    for (const buffer of [...this.owned, this.gridResults]) buffer.destroy();
    this.destroyPredictBuffers();
    this.fusedForward?.destroy();
  }

  private own(buffer: GPUBuffer): GPUBuffer {
    this.owned.push(buffer);
    return buffer;
  }

  private writeGrid(grid: GridInput, spec: GridSpec): void {
    this.device.queue.writeBuffer(grid.uniform, 0, gridFeaturesOf(this.spec, spec, this.evaluation.plan.offsets.slots[0]));
  }

  private metricsOf(sums: Float32Array, trainChunks: number, testChunks: number): Metrics {
    const total = (from: number, count: number): [number, number] => {
      let loss = 0;
      let correct = 0;
      for (let c = from; c < from + count; c++) {
        loss += sums[2 * c];
        correct += sums[2 * c + 1];
      }
      return [loss, correct];
    };
    const [trainLoss, trainCorrect] = total(0, trainChunks);
    const [testLoss, testCorrect] = total(trainChunks, testChunks);
    return {
      train: this.splitMetrics(trainLoss, trainCorrect, this.train.count),
      test: this.test.count > 0 ? this.splitMetrics(testLoss, testCorrect, this.test.count) : null,
    };
  }

  /** Metrics from the summed loss and correct count of one split. */
  private splitMetrics(lossSum: number, correct: number, count: number): SplitMetrics {
    return {
      loss: count > 0 ? lossSum / count : NaN,
      accuracy: this.plan.spec.task.kind === 'classification' ? (count > 0 ? correct / count : NaN) : null,
      count,
    };
  }
}

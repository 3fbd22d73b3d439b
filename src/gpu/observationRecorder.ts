import type { Metrics, SplitMetrics } from '../core/metrics';
import { hiddenLayers, type ModelSpec, type NetworkPlan } from '../core/network';
import { outputWidth } from '../core/task';
import type { GridSpec, Observation, ObserveRequest } from '../core/trainer';
import { createStorageBuffer, uniformBuffer } from './arena';
import type { ForwardPlan } from './forwardPlan';
import type { KernelSet } from './kernels/kernelSet';
import type { PassRecorder } from './passRecorder';
import type { PassUniforms } from './passUniforms';
import { identityIndices, type SplitBuffers } from './splitBuffers';
import type { StagingPool } from './stagingPool';
import { GRID_FEATURES_BYTES, gridFeaturesOf } from './uniforms';

/** A run of at most the evaluation arena's capacity of rows, with its pass uniform's offset. */
interface Chunk {
  offset: number;
  rows: number;
  first: number;
}

/** Cuts `count` rows into chunks of at most `capacity`, adding each one's pass uniform (result slots from `firstSlot`). */
function chunkRows(passes: PassUniforms, count: number, capacity: number, firstSlot = 0): Chunk[] {
  const chunks: Chunk[] = [];
  for (let first = 0, slot = firstSlot; first < count; first += capacity, slot++) {
    const rows = Math.min(capacity, count - first);
    chunks.push({ offset: passes.add({ rows, indexOffset: first, firstRow: first, resultSlot: slot }), rows, first });
  }
  return chunks;
}

/** What fills slot 0 of a chunk: rows gathered from a buffer of features, or the features of grid cells. */
type ChunkInput = { kind: 'gather'; group: GPUBindGroup } | { kind: 'grid'; group: GPUBindGroup };

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

/** The evaluation passes one step() call asked for, laid out before recording. */
export interface PreparedObservation {
  metrics: { train: Chunk[]; test: Chunk[] } | null;
  grid: { spec: GridSpec; chunks: Chunk[] } | null;
  neurons: { spec: GridSpec; chunks: Chunk[] } | null;
}

/** Where each result of an observation sits in a call's staging buffer (in floats). */
export interface ObservationLayout {
  metrics: number;
  grid: number;
  neurons: number[];
  /** The first float after the observation's results. */
  end: number;
}

/**
 * Records what an observation needs after the training steps (metrics over both splits, the
 * decision-boundary grid, the neuron thumbnails) into the same encoder, lays its results out in
 * the call's staging buffer and reads them from there; also runs predictions.
 */
export class ObservationRecorder {
  private readonly gatherGroups: { train: GPUBindGroup; test: GPUBindGroup };
  private readonly metricsResults: GPUBuffer;
  private readonly metricsGroup: GPUBindGroup;
  private readonly lossUniform: GPUBuffer;
  private readonly gridUniform: GPUBuffer;
  private readonly neuronUniform: GPUBuffer;
  private readonly gridFeaturesGroup: GPUBindGroup;
  private readonly neuronFeaturesGroup: GPUBindGroup;
  private gridResults: GPUBuffer;
  private gridOutputsGroup: GPUBindGroup;
  private predictBuffers: PredictBuffers | null = null;
  private readonly owned: GPUBuffer[] = [];

  constructor(
    private readonly device: GPUDevice,
    private readonly kernels: KernelSet,
    private readonly plan: NetworkPlan,
    private readonly evalPlan: ForwardPlan,
    private readonly spec: ModelSpec,
    private readonly train: SplitBuffers,
    private readonly test: SplitBuffers,
    identity: GPUBuffer,
    private readonly status: GPUBuffer,
  ) {
    const arena = evalPlan.arena;
    this.gatherGroups = {
      train: kernels.gather.bind([evalPlan.gather, arena, train.features, train.labels, identity]),
      test: kernels.gather.bind([evalPlan.gather, arena, test.features, test.labels, identity]),
    };
    this.lossUniform = this.own(uniformBuffer(device, evalPlan.lossUniform(false), 'eval loss'));
    const chunkCount = this.chunkCount(train.count) + this.chunkCount(test.count);
    this.metricsResults = this.own(createStorageBuffer(device, 2 * chunkCount * 4, 'metrics partial sums'));
    this.metricsGroup = kernels.loss.bind([this.lossUniform, arena, this.metricsResults, status]);
    this.gridUniform = this.own(device.createBuffer({ label: 'grid', size: GRID_FEATURES_BYTES, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST }));
    this.neuronUniform = this.own(device.createBuffer({ label: 'neuron grid', size: GRID_FEATURES_BYTES, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST }));
    this.gridFeaturesGroup = kernels.gridFeatures.bind([this.gridUniform, arena]);
    this.neuronFeaturesGroup = kernels.gridFeatures.bind([this.neuronUniform, arena]);
    this.gridResults = createStorageBuffer(device, 4, 'grid outputs');
    this.gridOutputsGroup = kernels.loss.bind([this.lossUniform, arena, this.gridResults, status]);
  }

  /** Adds the evaluation passes `observe` needs and writes their grid uniforms. */
  prepare(passes: PassUniforms, observe: ObserveRequest): PreparedObservation {
    const chunksOf = (count: number, firstSlot: number): Chunk[] => chunkRows(passes, count, this.evalPlan.offsets.capacity, firstSlot);
    const prepared: PreparedObservation = { metrics: null, grid: null, neurons: null };
    if (observe.metrics) {
      const train = chunksOf(this.train.count, 0);
      prepared.metrics = { train, test: chunksOf(this.test.count, train.length) };
    }
    if (observe.grid) {
      this.writeGridUniform(this.gridUniform, observe.grid);
      const floats = observe.grid.width * observe.grid.height * outputWidth(this.plan.spec.task);
      if (this.gridResults.size < floats * 4) {
        this.gridResults.destroy();
        this.gridResults = createStorageBuffer(this.device, floats * 4, 'grid outputs');
        this.gridOutputsGroup = this.kernels.loss.bind([this.lossUniform, this.evalPlan.arena, this.gridResults, this.status]);
      }
      prepared.grid = { spec: observe.grid, chunks: chunksOf(observe.grid.width * observe.grid.height, 0) };
    }
    if (observe.neurons) {
      this.writeGridUniform(this.neuronUniform, observe.neurons);
      prepared.neurons = { spec: observe.neurons, chunks: chunksOf(observe.neurons.width * observe.neurons.height, 0) };
    }
    return prepared;
  }

  /** Records the metric and grid chunks into the call's open compute pass. */
  encodeInPass(recorder: PassRecorder, passGroup: GPUBindGroup, prepared: PreparedObservation): void {
    if (prepared.metrics) {
      for (const [split, chunks] of [['train', prepared.metrics.train] as const, ['test', prepared.metrics.test] as const]) {
        for (const chunk of chunks) {
          this.encodeForwardChunk(recorder, passGroup, chunk, { kind: 'gather', group: this.gatherGroups[split] });
          this.kernels.loss.encode(recorder, 'split_metrics', this.metricsGroup, 1);
        }
      }
    }
    for (const chunk of prepared.grid?.chunks ?? []) {
      this.encodeForwardChunk(recorder, passGroup, chunk, { kind: 'grid', group: this.gridFeaturesGroup });
      this.kernels.loss.encode(recorder, 'to_outputs', this.gridOutputsGroup, Math.ceil(chunk.rows / 256));
    }
  }

  /** Where the observation's results go in a staging buffer, from float `start` on. */
  layout(prepared: PreparedObservation, start: number): ObservationLayout {
    const metrics = start;
    const grid = metrics + (prepared.metrics ? 2 * (prepared.metrics.train.length + prepared.metrics.test.length) : 0);
    let end = grid + (prepared.grid ? prepared.grid.spec.width * prepared.grid.spec.height * outputWidth(this.plan.spec.task) : 0);
    const neurons: number[] = [];
    if (prepared.neurons) {
      const cells = prepared.neurons.spec.width * prepared.neurons.spec.height;
      for (const layer of hiddenLayers(this.plan)) {
        neurons.push(end);
        end += cells * layer.out;
      }
    }
    return { metrics, grid, neurons, end };
  }

  /**
   * After the call's compute pass: the neuron thumbnails (a small pass per chunk, so their slots
   * can be copied out) and the copies of every result into `staging` at `layout`.
   */
  encodeCopies(encoder: GPUCommandEncoder, passGroup: GPUBindGroup, prepared: PreparedObservation, staging: GPUBuffer, layout: ObservationLayout): void {
    const layers = hiddenLayers(this.plan);
    for (const chunk of prepared.neurons?.chunks ?? []) {
      const neuronPass = encoder.beginComputePass({ label: 'neuron thumbnails' });
      this.encodeForwardChunk(neuronPass, passGroup, chunk, { kind: 'grid', group: this.neuronFeaturesGroup });
      neuronPass.end();
      layers.forEach((layer, i) => {
        const slot = this.evalPlan.offsets.slots[layer.output];
        encoder.copyBufferToBuffer(this.evalPlan.arena, slot * 4, staging, (layout.neurons[i] + chunk.first * layer.out) * 4, chunk.rows * layer.out * 4);
      });
    }
    const metricsFloats = layout.grid - layout.metrics;
    const gridFloats = (layout.neurons[0] ?? layout.end) - layout.grid;
    if (metricsFloats > 0) encoder.copyBufferToBuffer(this.metricsResults, 0, staging, layout.metrics * 4, metricsFloats * 4);
    if (gridFloats > 0) encoder.copyBufferToBuffer(this.gridResults, 0, staging, layout.grid * 4, gridFloats * 4);
  }

  /** The observation's numbers, from the staging buffer's contents. */
  read(floats: Float32Array, prepared: PreparedObservation, layout: ObservationLayout): Partial<Observation> {
    const observed: Partial<Observation> = {};
    if (prepared.metrics) observed.metrics = this.metricsOf(floats.subarray(layout.metrics), prepared.metrics.train.length, prepared.metrics.test.length);
    if (prepared.grid) observed.grid = floats.slice(layout.grid, layout.neurons[0] ?? layout.end);
    if (prepared.neurons) {
      const cells = prepared.neurons.spec.width * prepared.neurons.spec.height;
      observed.neurons = hiddenLayers(this.plan).map((layer, i) => floats.slice(layout.neurons[i], layout.neurons[i] + cells * layer.out));
    }
    return observed;
  }

  /** Model outputs for `count` rows of precomputed features (count × features), in one submit. */
  async predict(passes: PassUniforms, pool: StagingPool, features: Float64Array, count: number): Promise<Float32Array> {
    const outputs = outputWidth(this.plan.spec.task);
    const buffers = this.predictBuffersFor(count);
    if (count > 0) this.device.queue.writeBuffer(buffers.features, 0, Float32Array.from(features));
    passes.reset();
    const chunks = chunkRows(passes, count, this.evalPlan.offsets.capacity);
    const passGroup = passes.upload();
    const encoder = this.device.createCommandEncoder({ label: 'predict' });
    const pass = encoder.beginComputePass({ label: 'predict' });
    for (const chunk of chunks) {
      this.encodeForwardChunk(pass, passGroup, chunk, { kind: 'gather', group: buffers.gatherGroup });
      this.kernels.loss.encode(pass, 'to_outputs', buffers.outputsGroup, Math.ceil(chunk.rows / 256));
    }
    pass.end();
    const bytes = count * outputs * 4;
    const staging = pool.acquire(bytes);
    if (bytes > 0) encoder.copyBufferToBuffer(buffers.results, 0, staging, 0, bytes);
    this.device.queue.submit([encoder.finish()]);
    const data = await pool.read(staging, bytes);
    return new Float32Array(data, 0, count * outputs);
  }

  /** One chunk of rows through the network: its pass uniform, the kernel that fills slot 0, then every layer. */
  private encodeForwardChunk(recorder: PassRecorder, passGroup: GPUBindGroup, chunk: Chunk, input: ChunkInput): void {
    recorder.setBindGroup(1, passGroup, [chunk.offset]);
    const kernel = input.kind === 'gather' ? this.kernels.gather : this.kernels.gridFeatures;
    kernel.encode(recorder, 'main', input.group, this.evalPlan.inputWorkgroups(chunk.rows));
    this.evalPlan.encodeForward(recorder, chunk.rows);
  }

  /** The predictions' buffers for `count` rows: the ones of the last call when they are big enough. */
  private predictBuffersFor(count: number): PredictBuffers {
    if (this.predictBuffers && this.predictBuffers.rows >= count) return this.predictBuffers;
    this.destroyPredictBuffers();
    const rows = Math.max(count, 1);
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
      gatherGroup: this.kernels.gather.bind([this.evalPlan.gather, this.evalPlan.arena, features, labels, identity]),
      outputsGroup: this.kernels.loss.bind([this.lossUniform, this.evalPlan.arena, results, this.status]),
    };
    return this.predictBuffers;
  }

  private destroyPredictBuffers(): void {
    const buffers = this.predictBuffers;
    if (buffers) for (const buffer of [buffers.features, buffers.labels, buffers.identity, buffers.results]) buffer.destroy();
    this.predictBuffers = null;
  }

  destroy(): void {
    for (const buffer of [...this.owned, this.gridResults]) buffer.destroy();
    this.destroyPredictBuffers();
  }

  private chunkCount(rows: number): number {
    return Math.ceil(rows / this.evalPlan.offsets.capacity);
  }

  private own(buffer: GPUBuffer): GPUBuffer {
    this.owned.push(buffer);
    return buffer;
  }

  private writeGridUniform(uniform: GPUBuffer, grid: GridSpec): void {
    this.device.queue.writeBuffer(uniform, 0, gridFeaturesOf(this.spec, grid, this.evalPlan.offsets.slots[0]));
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

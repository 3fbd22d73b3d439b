import { planeLineGrids, viewableSlot } from '../core/layerView';
import type { Metrics, SplitMetrics } from '../core/metrics';
import { hiddenLayers, type NetworkPlan } from '../core/network';
import { outputWidth } from '../core/task';
import type { GridSpec, Observation, ObserveRequest } from '../core/trainer';
import { createStorageBuffer, uniformBuffer } from './arena';
import { FORWARD_SOURCES, type ForwardSource } from './engineCodes';
import { FORWARD_NONE } from './fusedLimits';
import { fusedLayoutIneligibility } from './fusedMlp';
import type { PassRecorder } from './passRecorder';
import { SHADER_SOURCES } from './shaderSources';
import type { SplitBuffers } from './splitBuffers';
import { FORWARD_JOB_BYTES, packForwardCall, packFused, writeForwardJob } from './uniforms';
import { compiledOnce } from './compiledOnce';

/** Jobs one call holds at most: the two splits, the grid, the thumbnails and the layer view's two sets of lines. */
const MAX_JOBS = 6;

/**
 * Multiply-adds per row (Σ in·out) up to which one thread per row beats the layer-by-layer kernels
 * for a single run: on SwiftShader the fused forward kernel took half the CPU time of the layered
 * path for 2-[8,8]-1 (88 per row) and 2.5× its time for 2-[64×4]-1 (12.7k); the two meet near 750
 * (docs/PERFORMANCE.md). Playground's largest network, six hidden layers of 8 on nine features,
 * has 400. To be measured again on GPUs.
 */
export const FORWARD_MAX_MULTIPLY_ADDS = 512;

/** Multiply-adds of one row through the network. */
export function multiplyAddsPerRow(plan: NetworkPlan): number {
  return plan.dense.reduce((sum, layer) => sum + layer.in * layer.out, 0);
}

/**
 * Why a single trainer evaluates this network layer by layer rather than with the fused forward
 * kernel, or null when the kernel takes it: a layout the fused kernels' layer table describes (an
 * MLP, every layer at most 64 wide), small enough that one thread per row is the faster way. (A
 * batched group uses the kernel for any layout it describes: one dispatch for all runs beats a
 * round trip per run.)
 */
export function forwardIneligibility(plan: NetworkPlan): string | null {
  const layout = fusedLayoutIneligibility(plan);
  if (layout !== null) return layout;
  const multiplyAdds = multiplyAddsPerRow(plan);
  if (multiplyAdds > FORWARD_MAX_MULTIPLY_ADDS) return `${multiplyAdds} multiply-adds per row are more than one thread per row does faster (${FORWARD_MAX_MULTIPLY_ADDS})`;
  return null;
}

/** Threads of a forward workgroup; its only barriers are those of the metrics' partial sums. */
export const FORWARD_THREADS = 64;

/**
 * Rows each thread of the forward kernel takes in turn: 1 on GPUs; 16 on adapters that emulate a
 * GPU on the CPU, where an invocation that computes nothing already cost a third of a 2-[8,8]-1
 * row (docs/PERFORMANCE.md).
 */
export function forwardRowsPerThreadFor(gpu: { software: boolean }): number {
  return gpu.software ? 16 : 1;
}

/** The compiled forward kernel for one number of rows per thread, shared by every trainer of a device. */
export interface ForwardPipeline {
  layout: GPUBindGroupLayout;
  pipeline: GPUComputePipeline;
  rowsPerThread: number;
}

async function compileForward(device: GPUDevice, rowsPerThread: number): Promise<ForwardPipeline> {
  const kinds: GPUBufferBindingType[] = ['uniform', 'uniform', 'read-only-storage', 'read-only-storage', 'read-only-storage', 'read-only-storage', 'read-only-storage', 'read-only-storage', 'storage'];
  const layout = device.createBindGroupLayout({
    label: 'fused forward',
    entries: kinds.map((type, binding) => ({ binding, visibility: GPUShaderStage.COMPUTE, buffer: { type } })),
  });
  const module = device.createShaderModule({ label: 'fused forward', code: SHADER_SOURCES.fusedForward });
  const pipeline = await device.createComputePipelineAsync({
    label: 'fused forward',
    layout: device.createPipelineLayout({ label: 'fused forward', bindGroupLayouts: [layout] }),
    compute: { module, entryPoint: 'evaluate', constants: { THREADS: FORWARD_THREADS, ROWS_PER_THREAD: rowsPerThread } },
  });
  return { layout, pipeline, rowsPerThread };
}

/** The forward pipeline of `device` taking `rowsPerThread` rows a thread, compiled on first use. */
export const forwardPipeline: (device: GPUDevice, rowsPerThread: number) => Promise<ForwardPipeline> = compiledOnce(compileForward);

/** A region of one run's results: its first float and its length. */
interface Region {
  at: number;
  floats: number;
}

/** What one call evaluates, laid out in each run's results (offsets in floats from the run's start). */
export interface PreparedForward {
  /** Workgroups along x: every job's, end to end. */
  groups: number;
  /** Floats of results per run. */
  runStride: number;
  /** Per-workgroup (Σ loss, Σ correct) pairs of each split. */
  metrics: { train: Region; test: Region } | null;
  grid: Region | null;
  /** Every hidden layer's activations over the thumbnails' grid, one layer after another. */
  neurons: { at: number; cells: number } | null;
  /** The horizontal lines' activations then the vertical ones'; the training points' after them when asked for. */
  layerView: { slot: number; width: number; lines: Region; points: Region | null } | null;
}

/** What the fused forward kernel evaluates for a call: everything ObserveRequest asks for but the gradient flow. */
export type ForwardRequest = Pick<ObserveRequest, 'metrics' | 'grid' | 'neurons' | 'layerView'>;

/**
 * Evaluates a small MLP's decision boundary, metrics, thumbnails and layer view for one run or
 * every run of a batched group in ONE dispatch of shaders/fused_forward.wgsl (workgroups along x
 * over the rows of every job, along y over the runs). Owns its uniforms, job table and results;
 * reads the runs' parameters (runs × parameterCount) and the splits from the trainer that built it.
 */
export class FusedForward {
  private readonly fused: GPUBuffer;
  private readonly call: GPUBuffer;
  private readonly jobs: GPUBuffer;
  private readonly jobData = new ArrayBuffer(MAX_JOBS * FORWARD_JOB_BYTES);
  private results: GPUBuffer;
  private group: GPUBindGroup;

  constructor(
    private readonly device: GPUDevice,
    private readonly plan: NetworkPlan,
    private readonly pipeline: ForwardPipeline,
    private readonly buffers: { params: GPUBuffer; train: SplitBuffers; test: SplitBuffers },
    readonly runs: number,
    /** The most bytes one buffer may hold on this device: a call whose results need more is left to the layer-by-layer path. */
    private readonly maxBindingBytes: number,
  ) {
    const reason = fusedLayoutIneligibility(plan);
    if (reason !== null) throw new Error(`the fused forward kernel cannot evaluate this network: ${reason}`);
    const noArena = { outputs: plan.dense.map(() => 0), dz: plan.dense.map(() => 0), partials: 0, backup: 0, features: 0, labels: 0 };
    this.fused = uniformBuffer(device, packFused(plan, noArena, 0), 'fused forward layout');
    this.call = uniformBuffer(device, packForwardCall(plan.spec, 0, 0), 'fused forward call');
    this.jobs = createStorageBuffer(device, this.jobData.byteLength, 'fused forward jobs');
    this.results = createStorageBuffer(device, 4, 'fused forward results');
    this.group = this.bind();
  }

  /**
   * Lays out what `request` asks for and writes the call's job table and uniform (two writes);
   * null when it asks for nothing, or for more results than one buffer may hold.
   */
  prepare(request: ForwardRequest): PreparedForward | null {
    const plan = this.plan;
    const outputs = outputWidth(plan.spec.task);
    const jobs = new DataView(this.jobData);
    let jobCount = 0;
    let groups = 0;
    let floats = 0;
    const take = (count: number): Region => {
      const region = { at: floats, floats: count };
      floats += count;
      return region;
    };
    const rowsPerGroup = FORWARD_THREADS * this.pipeline.rowsPerThread;
    const addJob = (rows: number, source: ForwardSource, what: { grid?: GridSpec; outputs?: number; partials?: number; view?: number; viewFirst?: number; viewLast?: number }): number => {
      const blocks = Math.ceil(rows / rowsPerGroup);
      if (rows > 0) {
        writeForwardJob(jobs, jobCount++, {
          firstGroup: groups,
          rows,
          source: FORWARD_SOURCES.indexOf(source),
          grid: what.grid,
          outputs: what.outputs ?? FORWARD_NONE,
          partials: what.partials ?? FORWARD_NONE,
          view: what.view ?? FORWARD_NONE,
          viewFirst: what.viewFirst ?? 0,
          viewLast: what.viewLast ?? 0,
        });
      }
      groups += blocks;
      return blocks;
    };
    const { train, test } = this.buffers;
    const prepared: PreparedForward = { groups: 0, runStride: 0, metrics: null, grid: null, neurons: null, layerView: null };

    if (request.layerView) {
      const { slot, width } = viewableSlot(plan, request.layerView.slot);
      const [horizontal, vertical] = planeLineGrids(request.layerView.lines);
      const horizontalRows = horizontal.width * horizontal.height;
      const verticalRows = vertical.width * vertical.height;
      const lines = take((horizontalRows + verticalRows) * width);
      const view = (grid: GridSpec, at: number): void => void addJob(grid.width * grid.height, 'grid', { grid, view: at, viewFirst: slot, viewLast: slot });
      view(horizontal, lines.at);
      view(vertical, lines.at + horizontalRows * width);
      prepared.layerView = { slot, width, lines, points: request.layerView.points ? take(train.count * width) : null };
    }
    const points = prepared.layerView?.points;
    if (request.metrics || points) {
      // The training rows' job does both: the metrics' partial sums and the layer view's points.
      const blocks = Math.ceil(train.count / rowsPerGroup);
      const trainSums = request.metrics ? take(2 * blocks) : null;
      const slot = prepared.layerView?.slot ?? 0;
      addJob(train.count, 'train', { partials: trainSums?.at, view: points?.at, viewFirst: slot, viewLast: slot });
      if (request.metrics) {
        const testSums = take(2 * Math.ceil(test.count / rowsPerGroup));
        addJob(test.count, 'test', { partials: testSums.at });
        prepared.metrics = { train: trainSums!, test: testSums };
      }
    }
    if (request.grid) {
      const cells = request.grid.width * request.grid.height;
      prepared.grid = take(cells * outputs);
      addJob(cells, 'grid', { grid: request.grid, outputs: prepared.grid.at });
    }
    if (request.neurons) {
      const cells = request.neurons.width * request.neurons.height;
      const hidden = hiddenLayers(plan);
      const region = take(cells * hidden.reduce((sum, layer) => sum + layer.out, 0));
      if (hidden.length > 0) addJob(cells, 'grid', { grid: request.neurons, view: region.at, viewFirst: hidden[0].output, viewLast: hidden[hidden.length - 1].output });
      prepared.neurons = { at: region.at, cells };
    }
    prepared.groups = groups;
    prepared.runStride = Math.max(floats, 1);
    if ((jobCount === 0 && floats === 0) || this.runs * prepared.runStride * 4 > this.maxBindingBytes) return null;
    this.ensureResults(this.runs * prepared.runStride);
    this.device.queue.writeBuffer(this.jobs, 0, this.jobData, 0, Math.max(jobCount, 1) * FORWARD_JOB_BYTES);
    this.device.queue.writeBuffer(this.call, 0, packForwardCall(plan.spec, jobCount, prepared.runStride));
    return prepared;
  }

  /** Records the prepared call: one dispatch for every job of every run (none when there are no rows). */
  record(pass: PassRecorder, prepared: PreparedForward): void {
    if (prepared.groups === 0) return;
    pass.setPipeline(this.pipeline.pipeline);
    pass.setBindGroup(0, this.group);
    pass.dispatchWorkgroups(prepared.groups, this.runs);
  }

  /** Floats the prepared call's results take in a staging buffer: every run's. */
  floats(prepared: PreparedForward): number {
    return this.runs * prepared.runStride;
  }

  /** Copies every run's results into `staging` from float `at` on (after the compute pass). */
  encodeCopy(encoder: GPUCommandEncoder, prepared: PreparedForward, staging: GPUBuffer, at: number): void {
    encoder.copyBufferToBuffer(this.results, 0, staging, at * 4, this.floats(prepared) * 4);
  }

  /** Run `run`'s numbers from a staging buffer's contents whose results start at float `at`. */
  read(floats: Float32Array, at: number, prepared: PreparedForward, run: number): Partial<Observation> {
    const base = at + run * prepared.runStride;
    const slice = (region: Region): Float32Array => floats.slice(base + region.at, base + region.at + region.floats);
    const observed: Partial<Observation> = {};
    if (prepared.metrics) observed.metrics = this.metricsOf(slice(prepared.metrics.train), slice(prepared.metrics.test));
    if (prepared.grid) observed.grid = slice(prepared.grid);
    if (prepared.neurons) {
      let next = base + prepared.neurons.at;
      observed.neurons = hiddenLayers(this.plan).map((layer) => floats.slice(next, (next += prepared.neurons!.cells * layer.out)));
    }
    const view = prepared.layerView;
    if (view) {
      observed.layerView = { slot: view.slot, width: view.width, lines: slice(view.lines) };
      if (view.points) observed.layerView.points = slice(view.points);
    }
    return observed;
  }

  destroy(): void {
    for (const buffer of [this.fused, this.call, this.jobs, this.results]) buffer.destroy();
  }

  private metricsOf(trainSums: Float32Array, testSums: Float32Array): Metrics {
    const test = this.buffers.test.count;
    return { train: this.splitMetrics(trainSums, this.buffers.train.count), test: test > 0 ? this.splitMetrics(testSums, test) : null };
  }

  /** A split's metrics from its workgroups' (Σ loss, Σ correct) pairs, summed in double precision. */
  private splitMetrics(sums: Float32Array, count: number): SplitMetrics {
    let loss = 0;
    let correct = 0;
    for (let i = 0; i < sums.length; i += 2) {
      loss += sums[i];
      correct += sums[i + 1];
    }
    return {
      loss: count > 0 ? loss / count : NaN,
      accuracy: this.plan.spec.task.kind === 'classification' ? (count > 0 ? correct / count : NaN) : null,
      count,
    };
  }

  /** Grows the results buffer to `floats` when a call needs more; steady calls allocate nothing. */
  private ensureResults(floats: number): void {
    if (this.results.size >= floats * 4) return;
    this.results.destroy();
    this.results = createStorageBuffer(this.device, floats * 4, 'fused forward results');
    this.group = this.bind();
  }

  private bind(): GPUBindGroup {
    const { params, train, test } = this.buffers;
    const entries = [this.fused, this.call, params, this.jobs, train.features, train.labels, test.features, test.labels, this.results];
    return this.device.createBindGroup({
      label: 'fused forward',
      layout: this.pipeline.layout,
      entries: entries.map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
  }
}

import type { ForwardPlan } from './forwardPlan';
import type { KernelSet } from './kernels/kernelSet';
import type { PassRecorder } from './passRecorder';
import type { PassUniforms } from './passUniforms';

/** A run of at most the evaluation arena's capacity of rows, with its pass uniform's offset. */
export interface Chunk {
  offset: number;
  rows: number;
  /** Its first row within the whole set. */
  first: number;
}

/** What fills slot 0 of a chunk: rows gathered through a bind group of the gather kernel, or the features of grid cells. */
export interface ChunkInput {
  kernel: 'gather' | 'gridFeatures';
  group: GPUBindGroup;
}

/** After a chunk, `width` floats a row from arena offset `from` are copied to `dst`, the set's row 0 at float `at`. */
export interface ArenaCopy {
  from: number;
  width: number;
  dst: GPUBuffer;
  at: number;
}

/**
 * The one way rows are evaluated on the GPU: cut into chunks that fit the evaluation arena, each
 * chunk's slot 0 filled (gather or grid features), pushed forward through every layer, then an
 * epilogue: the loss kernel's metrics or outputs in the caller's compute pass, or copies out of
 * the arena (thumbnails, the layer view, the separability probe's inputs), which need a pass of
 * their own per chunk. Used for the metrics, the decision boundary, the thumbnails, predictions,
 * the layer view and the separability probe.
 */
export class Evaluation {
  constructor(
    private readonly kernels: KernelSet,
    readonly plan: ForwardPlan,
  ) {}

  /** Cuts `count` rows into chunks, adding each one's pass uniform (result slots numbered from `firstSlot`). */
  chunks(passes: PassUniforms, count: number, firstSlot = 0): Chunk[] {
    const capacity = this.plan.offsets.capacity;
    const chunks: Chunk[] = [];
    for (let first = 0, slot = firstSlot; first < count; first += capacity, slot++) {
      const rows = Math.min(capacity, count - first);
      chunks.push({ offset: passes.add({ rows, indexOffset: first, firstRow: first, resultSlot: slot }), rows, first });
    }
    return chunks;
  }

  /** Chunks needed for `count` rows. */
  chunkCount(count: number): number {
    return Math.ceil(count / this.plan.offsets.capacity);
  }

  /** One chunk through the network: its pass uniform, the kernel that fills slot 0, then every layer. */
  forward(recorder: PassRecorder, passGroup: GPUBindGroup, chunk: Chunk, input: ChunkInput): void {
    recorder.setBindGroup(1, passGroup, [chunk.offset]);
    this.kernels[input.kernel].encode(recorder, 'main', input.group, this.plan.inputWorkgroups(chunk.rows));
    this.plan.encodeForward(recorder, chunk.rows);
  }

  /** Epilogue in the pass: the summed loss and correct count of each chunk (loss kernel bound to `group`). */
  metrics(recorder: PassRecorder, passGroup: GPUBindGroup, chunks: Chunk[], input: ChunkInput, group: GPUBindGroup): void {
    for (const chunk of chunks) {
      this.forward(recorder, passGroup, chunk, input);
      this.kernels.loss.encode(recorder, 'split_metrics', group, 1);
    }
  }

  /** Epilogue in the pass: probabilities or values of every row (loss kernel bound to `group`). */
  outputs(recorder: PassRecorder, passGroup: GPUBindGroup, chunks: Chunk[], input: ChunkInput, group: GPUBindGroup): void {
    for (const chunk of chunks) {
      this.forward(recorder, passGroup, chunk, input);
      this.kernels.loss.encode(recorder, 'to_outputs', group, Math.ceil(chunk.rows / 256));
    }
  }

  /** Epilogue after a pass of its own per chunk: copies out of the arena. */
  copies(encoder: GPUCommandEncoder, passGroup: GPUBindGroup, chunks: Chunk[], input: ChunkInput, copies: ArenaCopy[]): void {
    for (const chunk of chunks) {
      const pass = encoder.beginComputePass({ label: 'evaluation chunk' });
      this.forward(pass, passGroup, chunk, input);
      pass.end();
      for (const { from, width, dst, at } of copies) encoder.copyBufferToBuffer(this.plan.arena, from * 4, dst, (at + chunk.first * width) * 4, chunk.rows * width * 4);
    }
  }
}

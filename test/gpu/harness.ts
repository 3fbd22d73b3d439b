import { ArenaLayout, createStorageBuffer, uniformBuffer, uploadBuffer } from '../../src/gpu/arena';
import type { GpuDevice } from '../../src/gpu/device';
import { tilingFor, type DenseTiling } from '../../src/gpu/kernels/denseKernels';
import { kernelsFor, type KernelSet } from '../../src/gpu/kernels/kernelSet';
import { PASS_BYTES, PASS_STRIDE, writePass, type PassUniform } from '../../src/gpu/uniforms';
import type { PassRecorder } from '../../src/gpu/passRecorder';
import { createRng } from '../../src/core/rng';

/** Awkward sizes every kernel is checked on: not multiples of the tiles, on both sides of them. */
export const AWKWARD_SIZES = [1, 3, 7, 63, 65, 257] as const;

/** Seeded values in [−scale, scale], never all zero. */
export function randomValues(count: number, seed: number, scale = 1): Float32Array<ArrayBuffer> {
  const rng = createRng(seed);
  return Float32Array.from({ length: count }, () => rng.uniform(-scale, scale));
}

/** Named regions of one arena buffer; every region not given values starts poisoned with NaN. */
export class TestArena {
  private readonly layout = new ArenaLayout();
  private readonly regions = new Map<string, { offset: number; length: number; values: Float32Array | null }>();

  region(name: string, length: number, values: Float32Array | null = null): number {
    const offset = this.layout.reserve(length);
    this.regions.set(name, { offset, length, values });
    return offset;
  }

  offset(name: string): number {
    return this.regions.get(name)!.offset;
  }

  /** The arena's initial contents: given values where set, NaN everywhere else. */
  contents(): Float32Array<ArrayBuffer> {
    const data = new Float32Array(this.layout.size).fill(NaN);
    for (const { offset, values } of this.regions.values()) if (values) data.set(values, offset);
    return data;
  }

  slice(data: Float32Array, name: string): Float32Array {
    const { offset, length } = this.regions.get(name)!;
    return data.slice(offset, offset + length);
  }
}

/** Runs kernels on hand-made buffers and reads buffers back. */
export class KernelHarness {
  private constructor(
    readonly gpu: GpuDevice,
    readonly kernels: KernelSet,
  ) {}

  static async create(gpu: GpuDevice, tiling: DenseTiling = tilingFor(gpu)): Promise<KernelHarness> {
    return new KernelHarness(gpu, await kernelsFor(gpu.device, tiling));
  }

  get device(): GPUDevice {
    return this.gpu.device;
  }

  upload(values: Float32Array<ArrayBuffer> | Uint32Array<ArrayBuffer>, label = 'test data'): GPUBuffer {
    return uploadBuffer(this.device, values, label);
  }

  empty(bytes: number, label = 'test output'): GPUBuffer {
    return createStorageBuffer(this.device, bytes, label);
  }

  uniform(data: ArrayBuffer | ArrayBufferView, label = 'test uniform'): GPUBuffer {
    return uniformBuffer(this.device, data, label);
  }

  /** Records `encode` in one compute pass with group(1) bound to a single pass uniform, and submits. */
  run(pass: PassUniform, encode: (recorder: PassRecorder) => void): void {
    const data = new ArrayBuffer(PASS_STRIDE);
    writePass(new DataView(data), 0, pass);
    const passBuffer = this.uniform(data, 'test pass');
    const group = this.device.createBindGroup({ layout: this.kernels.passLayout, entries: [{ binding: 0, resource: { buffer: passBuffer, size: PASS_BYTES } }] });
    const encoder = this.device.createCommandEncoder();
    const computePass = encoder.beginComputePass();
    computePass.setBindGroup(1, group, [0]);
    encode(computePass);
    computePass.end();
    this.device.queue.submit([encoder.finish()]);
  }

  /** The contents of a storage buffer. */
  async read(buffer: GPUBuffer): Promise<Float32Array> {
    const staging = this.device.createBuffer({ size: buffer.size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    const encoder = this.device.createCommandEncoder();
    encoder.copyBufferToBuffer(buffer, 0, staging, 0, buffer.size);
    this.device.queue.submit([encoder.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    const copy = new Float32Array(staging.getMappedRange().slice(0));
    staging.destroy();
    return copy;
  }
}

/** Largest |a − b| over the largest |b|: for values all much smaller than 1, stricter than relativeError. */
export function relativeToLargest(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return worst / scale;
}

/** Largest |a − b| over max(1, largest |b|): float32 error relative to the output's scale. Infinity if any value is NaN. */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Infinity;
  let worst = 0;
  let scale = 1;
  for (let i = 0; i < expected.length; i++) {
    if (Number.isNaN(actual[i]) || Number.isNaN(expected[i])) return Infinity;
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return worst / scale;
}

/** How many GPU buffers `device` creates while `work` runs. */
export async function buffersCreatedDuring(device: GPUDevice, work: () => Promise<unknown>): Promise<number> {
  const createBuffer = device.createBuffer.bind(device);
  let created = 0;
  device.createBuffer = (descriptor: GPUBufferDescriptor) => {
    created++;
    return createBuffer(descriptor);
  };
  try {
    await work();
  } finally {
    device.createBuffer = createBuffer;
  }
  return created;
}

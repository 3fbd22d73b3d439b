import { PASS_BYTES, PASS_STRIDE, writePass, type PassUniform } from './uniforms';

/**
 * The per-pass uniforms of one submit (one per training step and evaluation chunk), uploaded
 * with a single write and selected per pass with a dynamic offset into one bind group.
 */
export class PassUniforms {
  private data = new ArrayBuffer(0);
  private view = new DataView(this.data);
  private count = 0;
  private buffer: GPUBuffer | null = null;
  private bindGroup: GPUBindGroup | null = null;

  constructor(
    private readonly device: GPUDevice,
    private readonly layout: GPUBindGroupLayout,
  ) {}

  /** Starts a new submit's list of passes. */
  reset(): void {
    this.count = 0;
  }

  /** Appends one pass; returns its dynamic offset in bytes. */
  add(pass: PassUniform): number {
    const offset = this.count * PASS_STRIDE;
    if (offset + PASS_STRIDE > this.data.byteLength) {
      const grown = new ArrayBuffer(Math.max(PASS_STRIDE * 64, this.data.byteLength * 2));
      new Uint8Array(grown).set(new Uint8Array(this.data));
      this.data = grown;
      this.view = new DataView(grown);
    }
    writePass(this.view, offset, pass);
    this.count++;
    return offset;
  }

  /** Uploads the passes added since reset(); returns the bind group to use with their offsets. */
  upload(): GPUBindGroup {
    const bytes = this.count * PASS_STRIDE;
    if (!this.buffer || this.buffer.size < bytes) {
      this.buffer?.destroy();
      this.buffer = this.device.createBuffer({ label: 'passes', size: Math.max(this.data.byteLength, PASS_STRIDE * 64), usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
      this.bindGroup = this.device.createBindGroup({
        label: 'passes',
        layout: this.layout,
        entries: [{ binding: 0, resource: { buffer: this.buffer, size: PASS_BYTES } }],
      });
    }
    this.device.queue.writeBuffer(this.buffer, 0, this.data, 0, bytes);
    return this.bindGroup!;
  }

  destroy(): void {
    this.buffer?.destroy();
  }
}

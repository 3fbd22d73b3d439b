/**
 * Buffers the GPU copies results into so the CPU can map them. A buffer goes back to the pool
 * once its contents have been read, so steady-state frames allocate nothing.
 */
export class StagingPool {
  private free: GPUBuffer[] = [];
  private all: GPUBuffer[] = [];

  constructor(private readonly device: GPUDevice) {}

  /** A mappable buffer of at least `bytes` bytes. */
  acquire(bytes: number): GPUBuffer {
    const size = Math.max(16, Math.ceil(bytes / 256) * 256);
    const index = this.free.findIndex((buffer) => buffer.size >= size && buffer.size <= 4 * size);
    if (index >= 0) return this.free.splice(index, 1)[0];
    const buffer = this.device.createBuffer({ label: 'staging', size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    this.all.push(buffer);
    return buffer;
  }

  /** Maps `buffer`, copies `bytes` bytes out, and returns the buffer to the pool. */
  async read(buffer: GPUBuffer, bytes: number): Promise<ArrayBuffer> {
    await buffer.mapAsync(GPUMapMode.READ, 0, Math.ceil(bytes / 4) * 4 || 4);
    const copy = buffer.getMappedRange(0, Math.ceil(bytes / 4) * 4 || 4).slice(0);
    buffer.unmap();
    this.free.push(buffer);
    return copy;
  }

  destroy(): void {
    for (const buffer of this.all) buffer.destroy();
    this.all = [];
    this.free = [];
  }
}

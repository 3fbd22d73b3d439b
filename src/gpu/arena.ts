/** Offsets inside one storage buffer that holds many row-major matrices (the activation arena). */
export class ArenaLayout {
  private used = 0;

  /** Reserves `floats` numbers and returns their offset (in floats, 16-byte aligned). */
  reserve(floats: number): number {
    const offset = this.used;
    this.used += Math.ceil(Math.max(floats, 1) / 4) * 4;
    return offset;
  }

  /** Floats reserved so far. */
  get size(): number {
    return this.used;
  }
}

/** A storage buffer of at least `bytes` bytes (zero-sized bindings are invalid, so never less than 16). */
export function createStorageBuffer(device: GPUDevice, bytes: number, label: string, extraUsage = 0): GPUBuffer {
  return device.createBuffer({
    label,
    size: Math.max(16, Math.ceil(bytes / 4) * 4),
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST | extraUsage,
  });
}

/** A storage buffer holding `values` as float32 (or u32 for a Uint32Array). */
export function uploadBuffer(device: GPUDevice, values: Float32Array<ArrayBuffer> | Uint32Array<ArrayBuffer>, label: string): GPUBuffer {
  const buffer = createStorageBuffer(device, values.byteLength, label);
  if (values.byteLength > 0) device.queue.writeBuffer(buffer, 0, values);
  return buffer;
}

/** A uniform buffer initialised with `data`. */
export function uniformBuffer(device: GPUDevice, data: ArrayBuffer | ArrayBufferView, label: string): GPUBuffer {
  const buffer = device.createBuffer({ label, size: Math.ceil(data.byteLength / 16) * 16, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(buffer, 0, data instanceof ArrayBuffer ? data : (data.buffer as ArrayBuffer), data instanceof ArrayBuffer ? 0 : data.byteOffset, data.byteLength);
  return buffer;
}

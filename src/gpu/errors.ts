/**
 * The ways the WebGPU engine fails, each its own type, so the page and the CLI can tell them
 * apart from a diverging run (a non-finite loss, reported in the observation, never thrown).
 */

/** The device was lost (driver reset, GPU removed, tab in the background too long). */
export class DeviceLostError extends Error {
  override readonly name = 'DeviceLostError';
}

/** WebGPU reported a validation, out-of-memory or internal error for the engine's work. */
export class GpuError extends Error {
  override readonly name = 'GpuError';

  constructor(
    readonly kind: 'validation' | 'out-of-memory' | 'internal',
    message: string,
  ) {
    super(message);
  }
}

/** The network and data need a buffer or a dispatch larger than this GPU allows; nothing was allocated. */
export class GpuCapacityError extends Error {
  override readonly name = 'GpuCapacityError';

  constructor(
    /** What is too big, e.g. "the training activations (one minibatch)". */
    readonly what: string,
    readonly needed: number,
    readonly allowed: number,
    /** The device limit that refuses it, e.g. "maxStorageBufferBindingSize". */
    readonly limit: string,
    message: string,
  ) {
    super(message);
  }
}

/** Bytes in the units a person reads: "1.9 GB", "256 MB", "12 KB" (powers of 1024). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 || Number.isInteger(value) ? 0 : 1;
  return `${value.toFixed(digits).replace(/\.0$/, '')} ${units[unit]}`;
}

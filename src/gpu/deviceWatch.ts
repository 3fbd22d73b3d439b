import { DeviceLostError, GpuError } from './errors';

/** What has gone wrong on a device outside any error scope: its loss, and its uncaptured errors. */
export interface DeviceWatch {
  lost: string | null;
  /** Uncaptured errors so far; a trainer compares it with the count when it was built. */
  uncapturedCount: number;
  lastUncaptured: GpuError | null;
}

const watches = new WeakMap<GPUDevice, DeviceWatch>();

function gpuErrorOf(error: GPUError): GpuError {
  const kind = error instanceof GPUOutOfMemoryError ? 'out-of-memory' : error instanceof GPUValidationError ? 'validation' : 'internal';
  return new GpuError(kind, `WebGPU ${kind} error: ${error.message}`);
}

/**
 * The watch of `device`: one `lost` and one `uncapturederror` listener for the device's whole
 * life. The listeners hold only this record, never a trainer, so a disposed trainer can be
 * collected (a listener per trainer would keep every trainer ever built on the device reachable).
 */
export function watchDevice(device: GPUDevice): DeviceWatch {
  let watch = watches.get(device);
  if (!watch) {
    const record: DeviceWatch = { lost: null, uncapturedCount: 0, lastUncaptured: null };
    void device.lost.then((info) => {
      record.lost = info.message || info.reason || 'unknown reason';
    });
    device.addEventListener('uncapturederror', (event) => {
      // The next call of each trainer on the device rejects with it, so the error is reported
      // there; left alone, Dawn in Node prints it on stdout (breaking `descent … --json`).
      event.preventDefault();
      record.uncapturedCount++;
      record.lastUncaptured = gpuErrorOf((event as GPUUncapturedErrorEvent).error);
    });
    watches.set(device, record);
    watch = record;
  }
  return watch;
}

/**
 * One trainer's view of its device: the first failure of its work sticks (a lost device, an
 * uncaptured error since the trainer was built, or an error caught in a call's scopes), and every
 * later call throws it.
 */
export class WorkFailures {
  private readonly watch: DeviceWatch;
  private readonly uncapturedAtStart: number;
  private failure: GpuError | null = null;

  constructor(device: GPUDevice) {
    this.watch = watchDevice(device);
    this.uncapturedAtStart = this.watch.uncapturedCount;
  }

  /** Throws when the device was lost, or a WebGPU error hit this trainer's work (`caught` in a scope, or uncaptured since it was built). */
  throwIfFailed(caught: GpuError | null = null): void {
    const lost = this.watch.lost;
    if (lost !== null) throw new DeviceLostError(`the WebGPU device was lost (${lost})`);
    if (this.watch.uncapturedCount > this.uncapturedAtStart) this.failure ??= this.watch.lastUncaptured;
    this.failure ??= caught;
    if (this.failure) throw this.failure;
  }

  /** Waits for a call's results and its error scopes; a WebGPU error wins over whatever was read back. */
  async settle<T>(errors: Promise<GpuError | null>, results: Promise<T>): Promise<T> {
    const [caught, read] = await Promise.allSettled([errors, results]);
    this.throwIfFailed(caught.status === 'fulfilled' ? caught.value : null);
    if (read.status === 'rejected') throw read.reason;
    return read.value;
  }
}

/**
 * Runs `body` (synchronous WebGPU calls) inside validation, out-of-memory and internal error
 * scopes; `errors` resolves to the first error they caught as a GpuError, or null.
 */
export function withErrorScopes<T>(device: GPUDevice, body: () => T): { result: T; errors: Promise<GpuError | null> } {
  const filters: GPUErrorFilter[] = ['validation', 'out-of-memory', 'internal'];
  for (const filter of filters) device.pushErrorScope(filter);
  let result: T;
  try {
    result = body();
  } catch (error) {
    // Keep the device's scope stack balanced; the thrown error is the failure to report.
    filters.forEach(() => void device.popErrorScope());
    throw error;
  }
  const popped = filters.map(() => device.popErrorScope());
  const errors = Promise.all(popped).then((caught) => {
    const first = caught.find((error) => error !== null);
    return first ? gpuErrorOf(first) : null;
  });
  return { result, errors };
}

/** Builds with `make` inside error scopes; a WebGPU error while building disposes what was built and rejects with that error. */
export async function buildInErrorScopes<T extends { dispose(): void }>(device: GPUDevice, make: () => T): Promise<T> {
  const { result, errors } = withErrorScopes(device, make);
  const error = await errors;
  if (error) {
    result.dispose();
    throw error;
  }
  return result;
}

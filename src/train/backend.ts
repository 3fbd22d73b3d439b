import type { Trainer, TrainerSetup } from '../core/trainer';
import { openGpuDevice, type GpuDevice } from '../gpu/device';
import { GpuTrainer } from '../gpu/gpuTrainer';
import { WorkerChannel } from './workerChannel';
import type { MessageEndpoint } from './workerProtocol';
import { WorkerTrainer } from './workerTrainer';

/** Where trainers run: WebGPU on one device, or the CPU engine in a Web Worker. */
export interface Backend {
  readonly kind: 'webgpu' | 'cpu';
  /** What the Backend readout shows: "WebGPU · <adapter>" or "CPU · <why WebGPU is not used>". */
  readonly label: string;
  createTrainer(setup: TrainerSetup): Promise<Trainer>;
  dispose(): void;
}

/** What a backend is opened from: the page's WebGPU entry point (if any) and a way to start the CPU worker. */
export interface BackendEnvironment {
  gpu: GPU | undefined;
  startWorker(): MessageEndpoint & { terminate(): void; onerror: ((event: ErrorEvent) => void) | null };
}

const CPU_ADAPTER = 'JavaScript in a Web Worker';

/** The message of anything thrown, as one line. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function gpuBackend(gpu: GpuDevice): Backend {
  return {
    kind: 'webgpu',
    label: `WebGPU · ${gpu.adapterName}`,
    createTrainer: (setup) => GpuTrainer.create(gpu, setup),
    dispose: () => gpu.device.destroy(),
  };
}

/** The CPU engine in a worker; `reason` says why WebGPU is not used. */
export function cpuBackend(env: BackendEnvironment, reason: string): Backend {
  const worker = env.startWorker();
  const channel = new WorkerChannel(worker);
  worker.onerror = (event) => channel.fail(new Error(`the CPU worker failed: ${event.message || 'it could not start'}`));
  return {
    kind: 'cpu',
    label: `CPU · ${reason}`,
    createTrainer: (setup) => WorkerTrainer.create(channel, setup, { kind: 'cpu', adapter: CPU_ADAPTER, reason }),
    dispose: () => channel.close(),
  };
}

/**
 * WebGPU when the page has it and an adapter and device open; otherwise the CPU worker, with
 * the reason. `previousFailure` (a lost device, a failed trainer) is part of the reason if WebGPU fails again.
 */
export async function openBackend(env: BackendEnvironment, previousFailure?: string): Promise<Backend> {
  if (!env.gpu) return cpuBackend(env, previousFailure ?? 'this browser has no WebGPU (navigator.gpu is missing)');
  try {
    return gpuBackend(await openGpuDevice(env.gpu));
  } catch (error) {
    const reason = errorText(error);
    return cpuBackend(env, previousFailure ? `${previousFailure}; then ${reason}` : reason);
  }
}

import type { Trainer, TrainerSetup } from '../core/trainer';
import { BatchedGpuTrainer } from '../gpu/batchedTrainer';
import { openGpuDevice, type GpuDevice } from '../gpu/device';
import { GpuTrainer } from '../gpu/gpuTrainer';
import type { BackendChoice } from './experiment';
import type { RunGroup } from './runGroup';
import { WorkerChannel } from './workerChannel';
import type { MessageEndpoint } from './workerProtocol';
import { WorkerTrainer } from './workerTrainer';

/** Where trainers run: WebGPU on one device, or the CPU engine in a Web Worker. */
export interface Backend {
  readonly kind: 'webgpu' | 'cpu';
  /** What the Backend readout shows: "WebGPU · <adapter>" or "CPU · <why WebGPU is not used>". */
  readonly label: string;
  createTrainer(setup: TrainerSetup): Promise<Trainer>;
  /**
   * WebGPU only: runs that share a layout, data and batch size (batchGroups) and that the fused
   * kernel can train (batchedIneligibility), trained as one group in one dispatch a call.
   */
  createBatchedGroup?(setups: TrainerSetup[]): Promise<RunGroup>;
  dispose(): void;
}

/** What a backend is opened from: the page's WebGPU entry point (if any) and a way to start the CPU worker. */
export interface BackendEnvironment {
  gpu: GPU | undefined;
  startWorker(): MessageEndpoint & { terminate(): void; onerror: ((event: ErrorEvent) => void) | null };
}

const CPU_ADAPTER = 'JavaScript in a Web Worker';
export const CPU_CHOSEN = 'chosen in Run on';

/** The message of anything thrown, as one line. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Trainers on one WebGPU device; disposing it destroys the device. */
export function gpuBackend(gpu: GpuDevice): Backend {
  return {
    kind: 'webgpu',
    label: `WebGPU · ${gpu.adapterName}`,
    createTrainer: (setup) => GpuTrainer.create(gpu, setup),
    createBatchedGroup: (setups) => BatchedGpuTrainer.create(gpu, setups),
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

/** Why Auto leaves a software WebGPU adapter for the CPU worker. */
export function softwareAdapterReason(adapterName: string): string {
  return `Auto: the CPU worker is faster than this software WebGPU (${adapterName})`;
}

/**
 * The backend `choice` asks for. WebGPU when chosen, or with Auto when the adapter is a real GPU
 * (a software adapter such as SwiftShader trains slower than the CPU worker); otherwise the CPU
 * worker, with the reason. `previousFailure` (a lost device, a failed trainer) is part of the reason if WebGPU fails again.
 */
export async function openBackend(env: BackendEnvironment, choice: BackendChoice, previousFailure?: string): Promise<Backend> {
  const withPrevious = (reason: string) => (previousFailure ? `${previousFailure}; then ${reason}` : reason);
  if (choice === 'cpu') return cpuBackend(env, CPU_CHOSEN);
  if (!env.gpu) return cpuBackend(env, withPrevious('this browser has no WebGPU (navigator.gpu is missing)'));
  let gpu: GpuDevice;
  try {
    gpu = await openGpuDevice(env.gpu);
  } catch (error) {
    return cpuBackend(env, withPrevious(errorText(error)));
  }
  if (choice === 'auto' && gpu.software) {
    gpu.device.destroy();
    return cpuBackend(env, softwareAdapterReason(gpu.adapterName));
  }
  return gpuBackend(gpu);
}

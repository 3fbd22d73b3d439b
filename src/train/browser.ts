import { cpuBackend, openBackend, type BackendEnvironment } from './backend';
import type { BackendProvider } from './failover';
import type { FrameClock } from './run';

/** The page's WebGPU entry point and the CPU worker script. */
const environment: BackendEnvironment = {
  gpu: typeof navigator !== 'undefined' ? navigator.gpu : undefined,
  startWorker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'descent-cpu-trainer' }),
};

/** Backends for the page: the one the Run on choice asks for, else the CPU engine in a Web Worker. */
export const browserBackends: BackendProvider = {
  open: (choice, previousFailure) => openBackend(environment, choice, previousFailure),
  cpu: (reason) => cpuBackend(environment, reason),
};

/** The page's animation frames and clock. */
export const browserClock: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
  now: () => performance.now(),
};

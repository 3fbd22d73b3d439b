import type { Metrics } from '../core/metrics';
import type { NetworkPlan } from '../core/network';
import type { LayerSeparability, LiveSettings, Observation, ObserveRequest, OptimizerState, Trainer } from '../core/trainer';
import { TrainingFailedError } from './errors';
import { describeGpuError, uncapturedError } from './nodeWebgpu';

const SCOPES: GPUErrorFilter[] = ['validation', 'out-of-memory', 'internal'];

/**
 * Runs `work` with WebGPU's error scopes open, so that a validation, out-of-memory or internal
 * error is caught (Dawn would otherwise print it on stdout and carry on) and becomes the
 * rejection, with its reason. `what` starts the message: `WebGPU failed while training`.
 */
export async function withGpuErrors<T>(device: GPUDevice, what: string, work: () => Promise<T>): Promise<T> {
  for (const filter of SCOPES) device.pushErrorScope(filter);
  let result: T;
  let thrown: unknown = null;
  try {
    result = await work();
  } catch (error) {
    thrown = error;
  }
  const errors: (GPUError | null)[] = [];
  for (let i = 0; i < SCOPES.length; i++) errors.push(await device.popErrorScope());
  const reported = errors.find((error): error is GPUError => error !== null);
  const reason = reported ? describeGpuError(reported) : uncapturedError(device) ?? (thrown === null ? null : (thrown as Error).message ?? String(thrown));
  if (reason !== null) throw new TrainingFailedError(`${what}: ${reason}`);
  return result!;
}

/** A WebGPU trainer whose every call fails with WebGPU's own reason when the device reports an error. */
export class GuardedGpuTrainer implements Trainer {
  constructor(
    private readonly trainer: Trainer,
    private readonly device: GPUDevice,
  ) {}

  get backend() {
    return this.trainer.backend;
  }

  get plan(): NetworkPlan {
    return this.trainer.plan;
  }

  get stepsPerEpoch(): number {
    return this.trainer.stepsPerEpoch;
  }

  step(k: number, observe?: ObserveRequest): Promise<Observation> {
    return withGpuErrors(this.device, 'WebGPU failed while training', () => this.trainer.step(k, observe));
  }

  predict(points: ArrayLike<number>): Promise<Float32Array> {
    return withGpuErrors(this.device, 'WebGPU failed while predicting', () => this.trainer.predict(points));
  }

  evaluate(): Promise<Metrics> {
    return withGpuErrors(this.device, 'WebGPU failed while evaluating', () => this.trainer.evaluate());
  }

  separability(): Promise<LayerSeparability[] | null> {
    return withGpuErrors(this.device, 'WebGPU failed while fitting the linear probes', () => this.trainer.separability());
  }

  getParameters(): Promise<Float32Array> {
    return withGpuErrors(this.device, 'WebGPU failed while reading the weights', () => this.trainer.getParameters());
  }

  getOptimizerState(): Promise<OptimizerState> {
    return withGpuErrors(this.device, 'WebGPU failed while reading the optimizer state', () => this.trainer.getOptimizerState());
  }

  setParameters(parameters: ArrayLike<number>): void {
    this.trainer.setParameters(parameters);
  }

  setOptimizerState(state: OptimizerState): void {
    this.trainer.setOptimizerState(state);
  }

  updateSettings(settings: LiveSettings): void {
    this.trainer.updateSettings(settings);
  }

  dispose(): void {
    this.trainer.dispose();
  }
}

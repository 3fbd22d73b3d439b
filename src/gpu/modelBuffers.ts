import type { NetworkPlan } from '../core/network';
import type { LiveSettings } from '../core/trainer';
import { createStorageBuffer } from './arena';
import { SETTINGS_BYTES, settingsOf } from './uniforms';

/** The model's numbers on the GPU: parameters, gradients, optimizer state, a backup, and the status word. */
export class ModelBuffers {
  readonly params: GPUBuffer;
  readonly grads: GPUBuffer;
  /** Momentum's v, or Adam's m then v: 2 × parameterCount. */
  readonly state: GPUBuffer;
  /** The parameters at the start of the current submit, kept while training is healthy. */
  readonly backup: GPUBuffer;
  /** status[0] = 1 once a step's loss was not finite. */
  readonly status: GPUBuffer;
  readonly settings: GPUBuffer;

  constructor(
    private readonly device: GPUDevice,
    private readonly plan: NetworkPlan,
  ) {
    const bytes = plan.parameterCount * 4;
    this.params = createStorageBuffer(device, bytes, 'params');
    this.grads = createStorageBuffer(device, bytes, 'grads');
    this.state = createStorageBuffer(device, 2 * bytes, 'optimizer state');
    this.backup = createStorageBuffer(device, bytes, 'params backup');
    this.status = createStorageBuffer(device, 16, 'status');
    this.settings = device.createBuffer({ label: 'settings', size: SETTINGS_BYTES, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  }

  /** Writes the optimizer settings uniform (a learning-rate change is no rebuild). */
  writeSettings(settings: LiveSettings): void {
    this.device.queue.writeBuffer(this.settings, 0, settingsOf(this.plan, settings));
  }

  /** New parameters: the divergence flag starts afresh; the optimizer state stays unless `clearState` is true. */
  writeParameters(parameters: ArrayLike<number>, clearState: boolean): void {
    this.device.queue.writeBuffer(this.params, 0, Float32Array.from(parameters));
    const encoder = this.device.createCommandEncoder({ label: 'clear status' });
    if (clearState) encoder.clearBuffer(this.state);
    encoder.clearBuffer(this.status);
    this.device.queue.submit([encoder.finish()]);
  }

  /** The optimizer's memory from `values` (its first numbers; the rest zero). */
  writeState(values: ArrayLike<number>): void {
    const state = new Float32Array(2 * this.plan.parameterCount);
    state.set(values);
    this.device.queue.writeBuffer(this.state, 0, state);
  }

  clearState(): void {
    const encoder = this.device.createCommandEncoder({ label: 'clear optimizer state' });
    encoder.clearBuffer(this.state);
    encoder.clearBuffer(this.status);
    this.device.queue.submit([encoder.finish()]);
  }

  destroy(): void {
    for (const buffer of [this.params, this.grads, this.state, this.backup, this.status, this.settings]) buffer.destroy();
  }
}

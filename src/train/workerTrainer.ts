import type { Metrics } from '../core/metrics';
import { planNetwork, type NetworkPlan } from '../core/network';
import type { BackendInfo, LayerSeparability, LiveSettings, Observation, ObserveRequest, OptimizerState, Trainer, TrainerSetup } from '../core/trainer';
import type { WorkerChannel } from './workerChannel';

/** A CpuTrainer that lives in a Web Worker, driven by messages: the Trainer interface without blocking the page. */
export class WorkerTrainer implements Trainer {
  readonly plan: NetworkPlan;

  private constructor(
    private readonly channel: WorkerChannel,
    private readonly id: number,
    readonly backend: BackendInfo,
    readonly stepsPerEpoch: number,
    setup: TrainerSetup,
  ) {
    this.plan = planNetwork(setup.spec);
  }

  /** Builds the trainer in the worker (its data is copied there once). */
  static async create(channel: WorkerChannel, setup: TrainerSetup, backend: BackendInfo): Promise<WorkerTrainer> {
    const id = channel.newTrainerId();
    const parameters = setup.parameters ? Float32Array.from(setup.parameters) : undefined;
    const created = await channel.request<{ stepsPerEpoch: number }>(id, {
      type: 'create',
      setup: { ...setup, parameters },
      adapter: backend.adapter,
      reason: backend.reason,
    });
    return new WorkerTrainer(channel, id, backend, created.stepsPerEpoch, setup);
  }

  step(k: number, observe?: ObserveRequest): Promise<Observation> {
    return this.channel.request(this.id, { type: 'step', k, observe });
  }

  predict(points: ArrayLike<number>): Promise<Float32Array> {
    return this.channel.request(this.id, { type: 'predict', points: Float64Array.from(points) });
  }

  evaluate(): Promise<Metrics> {
    return this.channel.request(this.id, { type: 'evaluate' });
  }

  separability(): Promise<LayerSeparability[] | null> {
    return this.channel.request(this.id, { type: 'separability' });
  }

  getParameters(): Promise<Float32Array> {
    return this.channel.request(this.id, { type: 'getParameters' });
  }

  getOptimizerState(): Promise<OptimizerState> {
    return this.channel.request(this.id, { type: 'getOptimizerState' });
  }

  // The fire-and-forget calls below can only fail when the worker is gone; the next step() reports that.

  setParameters(parameters: ArrayLike<number>): void {
    if (parameters.length !== this.plan.parameterCount) throw new Error(`expected ${this.plan.parameterCount} parameters, got ${parameters.length}`);
    const copy = Float32Array.from(parameters);
    void this.channel.request(this.id, { type: 'setParameters', parameters: copy }, [copy.buffer]).catch(() => {});
  }

  setOptimizerState({ step, values }: OptimizerState): void {
    const copy = Float64Array.from(values);
    void this.channel.request(this.id, { type: 'setOptimizerState', state: { step, values: copy } }, [copy.buffer]).catch(() => {});
  }

  updateSettings(settings: LiveSettings): void {
    void this.channel.request(this.id, { type: 'updateSettings', settings: { ...settings } }).catch(() => {});
  }

  dispose(): void {
    void this.channel.request(this.id, { type: 'dispose' }).catch(() => {});
  }
}

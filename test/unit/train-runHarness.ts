import type { ExperimentConfig } from '../../src/core/config';
import { defaultConfig } from '../../src/core/config';
import type { LiveSettings, Observation, ObserveRequest, OptimizerState, Trainer, TrainerSetup } from '../../src/core/trainer';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import type { Backend } from '../../src/train/backend';
import type { BackendChoice } from '../../src/train/experiment';
import type { PacerOptions } from '../../src/train/pacer';
import { Run, type BackendProvider, type FrameClock } from '../../src/train/run';
import { createAppStore } from '../../src/ui/store';

/** A frame clock driven by the test on real time: frames(n) runs n frames, letting pending results arrive after each. */
export class ManualClock implements FrameClock {
  private callbacks = new Map<number, (now: number) => void>();
  private nextHandle = 1;

  request(callback: (now: number) => void): number {
    this.callbacks.set(this.nextHandle, callback);
    return this.nextHandle++;
  }

  cancel(handle: number): void {
    this.callbacks.delete(handle);
  }

  now(): number {
    return performance.now();
  }

  async frames(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const due = [...this.callbacks.values()];
      this.callbacks.clear();
      for (const callback of due) callback(this.now());
      await settle();
    }
  }
}

/** Lets every resolved promise's handlers run. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A CpuTrainer that counts what is asked of it. */
export class SpyTrainer implements Trainer {
  readonly inner: CpuTrainer;
  settingsUpdates: LiveSettings[] = [];
  stepCalls: { k: number; observe?: ObserveRequest }[] = [];
  disposed = false;

  constructor(readonly setup: TrainerSetup) {
    this.inner = new CpuTrainer(setup);
  }

  get backend() {
    return this.inner.backend;
  }
  get plan() {
    return this.inner.plan;
  }
  get stepsPerEpoch() {
    return this.inner.stepsPerEpoch;
  }
  /** Computes after the caller has moved on, as the worker does, so issuing a call costs the page nothing. */
  step(k: number, observe?: ObserveRequest): Promise<Observation> {
    this.stepCalls.push({ k, observe });
    return settle().then(() => this.inner.stepSync(k, observe));
  }
  predict(points: ArrayLike<number>) {
    return this.inner.predict(points);
  }
  evaluate() {
    return this.inner.evaluate();
  }
  separability() {
    return this.inner.separability();
  }
  getParameters() {
    return this.inner.getParameters();
  }
  getOptimizerState() {
    return this.inner.getOptimizerState();
  }
  setParameters(parameters: ArrayLike<number>) {
    this.inner.setParameters(parameters);
  }
  setOptimizerState(state: OptimizerState) {
    this.inner.setOptimizerState(state);
  }
  updateSettings(settings: LiveSettings) {
    this.settingsUpdates.push(settings);
    this.inner.updateSettings(settings);
  }
  dispose() {
    this.disposed = true;
  }
}

/** A backend of SpyTrainers; `wrap` may replace each trainer it makes. */
export function spyBackend(kind: 'cpu' | 'webgpu', label: string, made: SpyTrainer[], wrap?: (trainer: SpyTrainer) => Trainer): Backend {
  return {
    kind,
    label,
    createTrainer: async (setup) => {
      const trainer = new SpyTrainer(setup);
      made.push(trainer);
      return wrap ? wrap(trainer) : trainer;
    },
    dispose: () => {},
  };
}

/**
 * A run of the default experiment (200 points) on a backend of SpyTrainers, following a page
 * store, started and refreshed once; `backend` is the store's backend choice.
 */
export async function startedRun(edit?: (config: ExperimentConfig) => void, provider?: BackendProvider, pacing?: PacerOptions, backend: BackendChoice = 'auto') {
  const config = defaultConfig();
  config.data.points = 200;
  edit?.(config);
  const made: SpyTrainer[] = [];
  const backends: BackendProvider = provider ?? { open: async () => spyBackend('cpu', 'CPU · test', made), cpu: (reason) => spyBackend('cpu', `CPU · ${reason}`, made) };
  const clock = new ManualClock();
  const store = createAppStore(config, null, backend);
  const run = new Run(store, backends, clock, pacing);
  await run.start();
  await clock.frames(1);
  await run.idle();
  return { run, clock, made, config, store };
}

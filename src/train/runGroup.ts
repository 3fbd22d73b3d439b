import type { Observation, ObserveRequest, Trainer } from '../core/trainer';

/** Runs trained together: `step` takes k steps of every run and reports one observation per run, in order. */
export interface RunGroup {
  readonly size: number;
  step(k: number, observe: ObserveRequest): Promise<Observation[]>;
  parameters(run: number): Promise<Float32Array>;
  dispose(): void;
}

/** A group of independent trainers: all their calls are issued at once (on one worker they run one after another). */
export class TrainerGroup implements RunGroup {
  constructor(private readonly trainers: readonly Trainer[]) {}

  get size(): number {
    return this.trainers.length;
  }

  step(k: number, observe: ObserveRequest): Promise<Observation[]> {
    return Promise.all(this.trainers.map((trainer) => trainer.step(k, observe)));
  }

  parameters(run: number): Promise<Float32Array> {
    return this.trainers[run].getParameters();
  }

  dispose(): void {
    for (const trainer of this.trainers) trainer.dispose();
  }
}

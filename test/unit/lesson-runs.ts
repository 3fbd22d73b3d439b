import type { ExperimentConfig } from '../../src/core/config';
import type { Metrics } from '../../src/core/metrics';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { generateDataset } from '../../src/data/presets';
import { LESSONS, type LessonSetup } from '../../src/lessons/lessons';
import { buildTrainerSetup } from '../../src/train/trainerSetup';

/** Training a lesson's experiment as the page does: its data, its fresh weights, its seeds. */

export function lessonSetup(lessonId: string, label: string): LessonSetup {
  const lesson = LESSONS.find((candidate) => candidate.id === lessonId);
  const setup = lesson?.setups.find((candidate) => candidate.label === label);
  if (!setup) throw new Error(`no setup "${label}" in lesson "${lessonId}"`);
  return setup;
}

export function trainerFor(config: ExperimentConfig): CpuTrainer {
  return new CpuTrainer(buildTrainerSetup('fresh', config, generateDataset(config.data), null));
}

export interface LessonRun {
  trainer: CpuTrainer;
  /** Metrics after every `every` steps, then at the end. */
  checkpoints: Metrics[];
  /** Minibatch loss of every step call (one per `every` steps). */
  losses: number[];
  diverged: boolean;
}

/** Trains `steps` steps, observing the metrics every `every` steps. */
export function trainLesson(config: ExperimentConfig, steps: number, every = steps): LessonRun {
  const trainer = trainerFor(config);
  const checkpoints: Metrics[] = [];
  const losses: number[] = [];
  let diverged = false;
  for (let done = 0; done < steps && !diverged; done += every) {
    const observation = trainer.stepSync(Math.min(every, steps - done), { metrics: true });
    checkpoints.push(observation.metrics!);
    losses.push(observation.loss);
    diverged = observation.diverged;
  }
  return { trainer, checkpoints, losses, diverged };
}

export const lastOf = (run: LessonRun): Metrics => run.checkpoints[run.checkpoints.length - 1];

/** Learning-rate schedules: the rate used by optimizer step s (counting from 0) from the base rate. */

export const LR_SCHEDULES = ['constant', 'step', 'exponential', 'cosine', 'warmup'] as const;
export type LrScheduleName = (typeof LR_SCHEDULES)[number];

export interface LrSchedule {
  kind: LrScheduleName;
  /** step: the rate is multiplied by `gamma` every `stepSize` steps. */
  stepSize: number;
  /** step and exponential: the factor (exponential: per step, so 0.999 halves the rate in about 693 steps). */
  gamma: number;
  /** cosine: steps from the base rate down to 0; warmup: steps of the linear rise from 0 to the base rate. */
  length: number;
}

/** The config fields a schedule is made from (TrainingConfig's, named here so core/config.ts stays the only importer). */
export interface LrScheduleFields {
  lrSchedule: LrScheduleName;
  /** step: steps between decays; cosine: steps down to 0. */
  lrStep: number;
  lrGamma: number;
  warmupSteps: number;
}

/** The schedule a training config asks for. */
export function lrScheduleOf(training: LrScheduleFields): LrSchedule {
  const length = training.lrSchedule === 'warmup' ? training.warmupSteps : training.lrStep;
  return { kind: training.lrSchedule, stepSize: training.lrStep, gamma: training.lrGamma, length };
}

export function constantSchedule(): LrSchedule {
  return { kind: 'constant', stepSize: 1000, gamma: 0.5, length: 1000 };
}

/** The learning rate at optimizer step `step` (0-based). */
export function learningRateAt(base: number, schedule: LrSchedule, step: number): number {
  switch (schedule.kind) {
    case 'constant':
      return base;
    case 'step':
      return base * schedule.gamma ** Math.floor(step / schedule.stepSize);
    case 'exponential':
      return base * schedule.gamma ** step;
    case 'cosine':
      // Half a cosine from the base rate to 0 over `length` steps, then 0.
      return step >= schedule.length ? 0 : (base * (1 + Math.cos((Math.PI * step) / schedule.length))) / 2;
    case 'warmup':
      // Linear from base/length at step 0 to the base rate at step length − 1, then constant.
      return step >= schedule.length ? base : (base * (step + 1)) / schedule.length;
  }
}

import { describe, expect, it } from 'vitest';
import { expandSweep } from '../../src/core/sweepAxes';
import { decodeCompare, splitCompareHash } from '../../src/io/compareLink';
import { LESSONS } from '../../src/lessons/lessons';
import { lessonHash } from '../../src/ui/LessonsPanel';
import { lessonSetup, logJaggedness, trainerFor, trainingLossByEpoch } from './lesson-runs';

/** The lessons that open compare mode: their links carry the sweep, and what they say the sweep shows is what the CPU engine trains. */

const sweepOf = (lessonId: string, label: string) => {
  const setup = lessonSetup(lessonId, label);
  return expandSweep(setup.config, setup.sweep!);
};

describe('the sweep lessons', { timeout: 300_000 }, () => {
  it('open compare mode with their sweep', () => {
    for (const [id, label, runs] of [
      ['initialisation-luck', '16 seeds', 16],
      ['learning-rates-side-by-side', 'Seeds × learning rates', 16],
    ] as const) {
      const lesson = LESSONS.find((candidate) => candidate.id === id)!;
      const setup = lessonSetup(id, label);
      const { compare } = splitCompareHash(lessonHash(lesson, setup));
      expect(decodeCompare(compare!)).toEqual({ axes: setup.sweep });
      expect(sweepOf(id, label)).toHaveLength(runs);
    }
  });

  it('initialisation luck: by epoch 400 some of the 16 seeds fit the spiral (over 95%) and some are stuck under 75%', () => {
    const accuracies = sweepOf('initialisation-luck', '16 seeds').map(({ config }) => {
      const trainer = trainerFor(config);
      return trainer.stepSync(400 * trainer.stepsPerEpoch, { metrics: true }).metrics!.train.accuracy!;
    });
    expect(accuracies.filter((accuracy) => accuracy > 0.95).length, accuracies.join(' ')).toBeGreaterThanOrEqual(3);
    expect(accuracies.filter((accuracy) => accuracy < 0.75).length, accuracies.join(' ')).toBeGreaterThanOrEqual(3);
  });

  it('learning rates side by side: at epoch 20 the loss falls from rate 0.01 to 0.1 to 1 on every seed; at 10 it jumps and ends above 0.1', () => {
    const runs = sweepOf('learning-rates-side-by-side', 'Seeds × learning rates');
    for (const seed of [1, 2, 3, 4]) {
      const curve = (rate: number) => trainingLossByEpoch(runs.find((run) => run.values[0] === seed && run.values[1] === rate)!.config, 20);
      const [slow, middle, fast, tooFast] = [0.01, 0.1, 1, 10].map(curve);
      const name = `seed ${seed}`;
      expect(slow.losses.at(-1), name).toBeGreaterThan(0.5);
      expect(slow.losses.at(-1), name).toBeGreaterThan(middle.losses.at(-1)!);
      expect(middle.losses.at(-1), name).toBeGreaterThan(fast.losses.at(-1)!);
      expect(fast.losses.at(-1), name).toBeLessThan(0.05);
      // Rate 10 either ends above rate 0.1, jagged, or blows up altogether.
      if (!tooFast.diverged) {
        expect(tooFast.losses.at(-1), name).toBeGreaterThan(middle.losses.at(-1)!);
        expect(logJaggedness(tooFast.losses), name).toBeGreaterThan(Math.max(0.1, logJaggedness(fast.losses)));
      }
    }
  });
});

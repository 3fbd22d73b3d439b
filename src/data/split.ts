import { LIMITS } from '../core/config';
import { createRng, deriveSeed, permutation } from '../core/rng';
import { SETTING_LABELS } from '../core/settingLabels';
import { checkInteger, checkNumber } from './validate';

/** Stream label that keeps the split's random draws apart from the points' draws of the same seed. */
const SPLIT_STREAM = 0x5b117;

/** n test flags (1 = test): exactly round(n·(1 − trainFraction)) of them set, chosen by a permutation seeded from `seed`. */
export function assignSplit(n: number, trainFraction: number, seed: number): Uint8Array {
  checkInteger(SETTING_LABELS.data.points, n, 0, LIMITS.points.max);
  checkNumber(SETTING_LABELS.data.trainFraction, trainFraction, LIMITS.trainFraction);
  checkInteger(SETTING_LABELS.data.seed, seed, LIMITS.seed.min, LIMITS.seed.max);
  const isTest = new Uint8Array(n);
  const testCount = Math.round(n * (1 - trainFraction));
  if (testCount === 0) return isTest;
  const order = permutation(n, createRng(deriveSeed(seed, SPLIT_STREAM)));
  for (let i = 0; i < testCount; i++) isTest[order[i]] = 1;
  return isTest;
}

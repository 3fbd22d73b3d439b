import type { Preset } from './preset';
import { jitter, randomOnCircle, type ClassSampler } from './geometry';

/** Radius ranges (plane units): class 0 fills the inner disc, class 1 the outer ring. */
export const CIRCLE_RADII = { inner: [0, 2.5], outer: [3.5, 5] } as const;

/** circle: class 0 inside r ≤ 2.5, class 1 on the ring 3.5 ≤ r ≤ 5; noise = Gaussian jitter of σ = noise plane units. */
export const sampleCircle: ClassSampler = (rng, label, _classes, noise) => {
  const [lo, hi] = label === 0 ? CIRCLE_RADII.inner : CIRCLE_RADII.outer;
  const [x1, x2] = randomOnCircle(rng, rng.uniform(lo, hi));
  return jitter(rng, x1, x2, noise);
};

export const circle = { name: 'circle', label: 'Circle', kind: 'classification', usesClasses: false, sample: sampleCircle } as const satisfies Preset;

import type { Preset } from './preset';
import { clusterPoint, type ClassSampler } from './geometry';

/** Cluster centres (plane units): class 0 bottom-left, class 1 top-right. */
export const GAUSS_CENTRES: readonly [number, number][] = [
  [-2.5, -2.5],
  [2.5, 2.5],
];

/** Distance between the two centres (plane units). */
const GAUSS_SPACING = 5 * Math.SQRT2;

/** gauss: two Gaussian clusters at (∓2.5, ∓2.5); noise widens them, σ = (0.1 + 0.3·noise)·7.07 plane units. */
export const sampleGauss: ClassSampler = (rng, label, _classes, noise) => {
  const [c1, c2] = GAUSS_CENTRES[label];
  return clusterPoint(rng, c1, c2, noise, GAUSS_SPACING);
};

export const gauss = { name: 'gauss', label: 'Two Gaussians', kind: 'classification', usesClasses: false, sample: sampleGauss } as const satisfies Preset;

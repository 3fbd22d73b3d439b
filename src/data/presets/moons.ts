import type { Preset } from './preset';
import { jitter, type ClassSampler } from './geometry';

/** Radius (plane units) of both half circles. */
export const MOON_RADIUS = 3.5;
/** σ (plane units) of the Gaussian jitter at noise 1. */
const MOON_JITTER = 1.5;

/** moons: two interleaved half circles of radius 3.5 (class 0 arches up, class 1 down); noise = Gaussian jitter of σ = 1.5·noise plane units. */
export const sampleMoons: ClassSampler = (rng, label, _classes, noise) => {
  const angle = rng.uniform(0, Math.PI);
  // In units of the radius: class 0 on the upper half of the circle about (−0.5, −0.25),
  // class 1 on the lower half of the circle about (0.5, 0.25).
  const x1 = label === 0 ? Math.cos(angle) - 0.5 : 0.5 - Math.cos(angle);
  const x2 = label === 0 ? Math.sin(angle) - 0.25 : 0.25 - Math.sin(angle);
  return jitter(rng, MOON_RADIUS * x1, MOON_RADIUS * x2, MOON_JITTER * noise);
};

export const moons = { name: 'moons', label: 'Moons', kind: 'classification', usesClasses: false, sample: sampleMoons } as const satisfies Preset;

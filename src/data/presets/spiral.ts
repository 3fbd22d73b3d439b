import type { Preset } from './preset';
import { jitter, type ClassSampler } from './geometry';

/** Outer radius (plane units) of every arm. */
const SPIRAL_RADIUS = 5.5;
/** Turns of all arms together: 2 arms turn 1.75 times each, k arms 3.5/k times, so neighbouring arms stay 1.57 apart. */
const TOTAL_TURNS = 3.5;
/** σ (plane units) of the Gaussian jitter at noise 1: about the half-gap between neighbouring arms. */
const SPIRAL_JITTER = 0.6;

/** Position of the point a fraction t ∈ [0, 1] along arm `label` of k (t = 0 at the centre). */
export function spiralArmPoint(t: number, label: number, classes: number): [number, number] {
  const r = SPIRAL_RADIUS * t;
  const angle = 2 * Math.PI * ((TOTAL_TURNS / classes) * t + label / classes);
  return [r * Math.sin(angle), r * Math.cos(angle)];
}

/** spiral: k interleaved arms out to r = 5.5, points evenly spread along each arm; noise = Gaussian jitter of σ = 0.6·noise plane units. */
export const sampleSpiral: ClassSampler = (rng, label, classes, noise) => {
  // √u makes the density along the arm roughly uniform in arc length (sparse at the crowded centre).
  const [x1, x2] = spiralArmPoint(Math.sqrt(rng.next()), label, classes);
  return jitter(rng, x1, x2, SPIRAL_JITTER * noise);
};

export const spiral = { name: 'spiral', label: 'Spiral', kind: 'classification', usesClasses: true, sample: sampleSpiral } as const satisfies Preset;

import { PLANE_EXTENT } from '../../core/grid';
import type { Rng } from '../../core/rng';

/** Shared building blocks of the presets: the plane's bounds, jitter, Gaussian clusters. */

/** Draws one point (x1, x2) of class `label` (0…classes−1); noise is the preset's 0…1 noise level. */
export type ClassSampler = (rng: Rng, label: number, classes: number, noise: number) => [number, number];

/** A regression preset's clean target at (x1, x2), roughly within [−1, 1]. */
export type RegressionSurface = (x1: number, x2: number) => number;

const [PLANE_MIN, PLANE_MAX] = PLANE_EXTENT;

/** Redraws of a jittered point that falls outside the plane before it is clamped instead. */
const MAX_REDRAWS = 16;

/** A coordinate clamped into the plane [−6, 6]. */
export function clampToPlane(value: number): number {
  return Math.min(PLANE_MAX, Math.max(PLANE_MIN, value));
}

function insidePlane(x1: number, x2: number): boolean {
  return x1 >= PLANE_MIN && x1 <= PLANE_MAX && x2 >= PLANE_MIN && x2 <= PLANE_MAX;
}

/** (x1, x2) plus isotropic Gaussian jitter of standard deviation sigma (plane units), redrawn until inside the plane. */
export function jitter(rng: Rng, x1: number, x2: number, sigma: number): [number, number] {
  if (sigma > 0) {
    for (let attempt = 0; attempt < MAX_REDRAWS; attempt++) {
      const y1 = x1 + sigma * rng.normal();
      const y2 = x2 + sigma * rng.normal();
      if (insidePlane(y1, y2)) return [y1, y2];
    }
  }
  return [clampToPlane(x1), clampToPlane(x2)];
}

/** A point on the circle of radius r (plane units) at a uniformly random angle. */
export function randomOnCircle(rng: Rng, r: number): [number, number] {
  const angle = rng.uniform(0, 2 * Math.PI);
  return [r * Math.cos(angle), r * Math.sin(angle)];
}

/** σ (plane units) of a Gaussian cluster (gauss, blobs) whose centre lies `spacing` from the nearest other centre. */
export function clusterSigma(noise: number, spacing: number): number {
  return (0.1 + 0.3 * noise) * spacing;
}

/** A point of the Gaussian cluster centred at (c1, c2), `spacing` from its nearest neighbour; it widens with noise. */
export function clusterPoint(rng: Rng, c1: number, c2: number, noise: number, spacing: number): [number, number] {
  return jitter(rng, c1, c2, clusterSigma(noise, spacing));
}

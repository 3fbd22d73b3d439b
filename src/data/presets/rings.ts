import type { Preset } from './preset';
import { jitter, randomOnCircle, type ClassSampler } from './geometry';

/** Radius (plane units) of the outermost ring's outer edge. */
const RINGS_RADIUS = 5.5;
/** Share of a band's width left empty on each side of a boundary between two rings. */
const RING_GAP = 0.15;

/** Radius range [inner, outer] (plane units) of ring `label` of k at noise 0; ring 0 is the central disc. */
export function ringRadii(label: number, classes: number): [number, number] {
  const width = RINGS_RADIUS / classes;
  const inner = label === 0 ? 0 : (label + RING_GAP) * width;
  return [inner, (label + 1 - RING_GAP) * width];
}

/** rings: k concentric bands of equal width, class 0 at the centre; noise = Gaussian jitter of σ = noise·(band width)/3. */
export const sampleRings: ClassSampler = (rng, label, classes, noise) => {
  const [inner, outer] = ringRadii(label, classes);
  const [x1, x2] = randomOnCircle(rng, rng.uniform(inner, outer));
  return jitter(rng, x1, x2, (noise * RINGS_RADIUS) / classes / 3);
};

export const rings = { name: 'rings', label: 'Rings', kind: 'classification', usesClasses: true, sample: sampleRings } as const satisfies Preset;

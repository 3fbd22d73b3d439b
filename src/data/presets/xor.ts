import type { Preset } from './preset';
import { jitter, type ClassSampler } from './geometry';

/** Clean points keep this distance (plane units) from both axes, so the quadrants are separated by a gap. */
export const XOR_MARGIN = 0.3;
const XOR_EXTENT = 5.5;
/** σ (plane units) of the Gaussian jitter at noise 1. */
const XOR_JITTER = 1.5;

/** xor: class 1 where x1·x2 > 0, class 0 where x1·x2 < 0, |x1|, |x2| ∈ [0.3, 5.5]; noise = Gaussian jitter of σ = 1.5·noise plane units. */
export const sampleXor: ClassSampler = (rng, label, _classes, noise) => {
  const sign1 = rng.next() < 0.5 ? -1 : 1;
  const sign2 = label === 1 ? sign1 : -sign1;
  const x1 = sign1 * rng.uniform(XOR_MARGIN, XOR_EXTENT);
  const x2 = sign2 * rng.uniform(XOR_MARGIN, XOR_EXTENT);
  return jitter(rng, x1, x2, XOR_JITTER * noise);
};

export const xor = { name: 'xor', label: 'XOR', kind: 'classification', usesClasses: false, sample: sampleXor } as const satisfies Preset;

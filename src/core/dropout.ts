/**
 * Inverted dropout masks from a counter-based hash, so that the CPU engine and the WGSL
 * kernels (shaders/common.wgsl, `dropout_keep`) draw exactly the same mask without sharing state.
 */

import { deriveSeed } from './rng';

/** The dropout stream of step s is seeded from the training seed and s. */
export function stepSeed(trainingSeed: number, step: number): number {
  return deriveSeed(trainingSeed ^ 0x5eed, step);
}

/** The PCG hash of one 32-bit word (Jarzynski & Olano, "Hash Functions for GPU Rendering"). */
export function pcgHash(value: number): number {
  const state = (Math.imul(value >>> 0, 747796405) + 2891336453) >>> 0;
  const word = Math.imul(((state >>> ((state >>> 28) + 4)) ^ state) >>> 0, 277803737) >>> 0;
  return ((word >>> 22) ^ word) >>> 0;
}

/** The per-layer key of one training step: mixes the step's seed with the layer's index. */
export function dropoutLayerKey(stepSeed: number, layer: number): number {
  return pcgHash((stepSeed ^ Math.imul(layer, 0x9e3779b9)) >>> 0);
}

/** Whether element `index` (row·width + column in the minibatch) survives dropout at `rate`. */
export function dropoutKeep(layerKey: number, index: number, rate: number): boolean {
  const bits = pcgHash((index + layerKey) >>> 0) >>> 8;
  // The GPU compares against the rate in float32; so does this twin.
  return bits / 16777216 >= Math.fround(rate);
}

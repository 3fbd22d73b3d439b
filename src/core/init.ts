import { defaultConfig, type InitScheme } from './config';
import type { NetworkPlan } from './network';
import { createRng } from './rng';

/** The distribution of one weight of a layer with `fanIn` inputs and `fanOut` outputs. */
function drawWeight(scheme: InitScheme, scale: number, fanIn: number, fanOut: number, rng: ReturnType<typeof createRng>): number {
  switch (scheme) {
    case 'zeros':
      return 0;
    case 'uniform':
      return rng.uniform(-0.5, 0.5);
    case 'xavier': {
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      return rng.uniform(-limit, limit);
    }
    case 'he':
      return rng.normal() * Math.sqrt(2 / fanIn);
    case 'normal':
      return rng.normal() * scale;
  }
}

/**
 * Fresh parameters for a plan: weights drawn layer by layer in row-major order from a generator
 * seeded with `seed`, biases 0; `scale` is σ of the `normal` scheme. Returns a vector of
 * plan.parameterCount numbers.
 */
export function initializeParameters<T extends Float32Array | Float64Array>(
  plan: NetworkPlan,
  scheme: InitScheme,
  seed: number,
  out: T,
  scale = defaultConfig().model.initScale,
): T {
  const rng = createRng(seed);
  out.fill(0);
  for (const layer of plan.dense) {
    const count = layer.in * layer.out;
    for (let i = 0; i < count; i++) out[layer.weightOffset + i] = drawWeight(scheme, scale, layer.in, layer.out, rng);
  }
  return out;
}

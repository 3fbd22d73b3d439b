import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { initializeParameters } from '../../src/core/init';
import { buildModelSpec, planNetwork } from '../../src/core/network';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { generateDataset } from '../../src/data/presets';
import { buildTrainerSetup } from '../../src/train/trainerSetup';

const plan = planNetwork(buildModelSpec({ ...defaultConfig().model, hidden: [200, 200] }, { kind: 'classification', classes: 2 }));

/** The root mean square of the weights of the 200 × 200 layer. */
function spreadOfMiddleLayer(params: ArrayLike<number>): number {
  const layer = plan.dense[1];
  let sum = 0;
  for (let i = 0; i < layer.in * layer.out; i++) sum += params[layer.weightOffset + i] ** 2;
  return Math.sqrt(sum / (layer.in * layer.out));
}

describe('the Normal initialisation, N(0, σ²)', () => {
  it.each([0.01, 1, 1000])('draws weights of standard deviation σ = %f whatever the layer’s size, biases 0', (scale) => {
    const params = initializeParameters(plan, 'normal', 5, new Float64Array(plan.parameterCount), scale);
    expect(spreadOfMiddleLayer(params) / scale).toBeCloseTo(1, 1);
    expect(params[plan.dense[1].biasOffset]).toBe(0);
  });

  it('is the same draw scaled: σ changes the size, not the pattern', () => {
    const small = initializeParameters(plan, 'normal', 9, new Float64Array(plan.parameterCount), 0.01);
    const large = initializeParameters(plan, 'normal', 9, new Float64Array(plan.parameterCount), 1000);
    for (let i = 0; i < 100; i++) expect(large[i]).toBeCloseTo(small[i] * 100_000, 6);
  });

  it('takes σ from the experiment’s model.initScale when the page builds a trainer', () => {
    const config = defaultConfig();
    config.model = { ...config.model, hidden: [200, 200], init: 'normal', initScale: 0.5 };
    const trainer = new CpuTrainer(buildTrainerSetup('fresh', config, generateDataset(config.data), null));
    expect(spreadOfMiddleLayer(trainer.network.params) / 0.5).toBeCloseTo(1, 1);
  });
});

import { describe, expect, it } from 'vitest';
import { activate } from '../../src/core/activations';
import { defaultConfig } from '../../src/core/config';
import { computeFeatures } from '../../src/core/features';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { generateDataset } from '../../src/data/presets';
import { buildTrainerSetup } from '../../src/train/trainerSetup';
import { neuronFormula } from '../../src/ui/neuronFormula';

function trainer(change: (config: ReturnType<typeof defaultConfig>) => void) {
  const config = defaultConfig();
  change(config);
  return new CpuTrainer(buildTrainerSetup('fresh', config, generateDataset(config.data), null));
}

describe('a neuron’s formula', () => {
  it('names its inputs and its real weights and bias, and computes what the engine computes', () => {
    const t = trainer((c) => {
      c.model.hidden = [3, 2];
      c.model.features = ['x1', 'x2', 'x1*x2'];
    });
    t.stepSync(20);
    const params = t.network.params;
    const first = neuronFormula(t.plan, 0, 1, params);
    expect(first.terms.map((term) => term.input)).toEqual(['x₁', 'x₂', 'x₁x₂']);
    expect(first.terms.map((term) => term.weight)).toEqual(Array.from(params.subarray(3, 6)));
    expect(first.bias).toBe(params[t.plan.dense[0].biasOffset + 1]);
    expect(first.text).toMatch(/^tanh\(−?\d\.\d+·x₁ [+−] \d\.\d+·x₂ [+−] \d\.\d+·x₁x₂ [+−] \d\.\d+\)$/);
    const second = neuronFormula(t.plan, 1, 0, params);
    expect(second.terms.map((term) => term.input)).toEqual(['h1.1', 'h1.2', 'h1.3']);
    // The formula is the layer: with its numbers, the unit's value on a point is the engine's.
    const features = computeFeatures(Float32Array.of(0.8, -1.5), t.plan.spec.features, new Float32Array(3), t.plan.spec.normalization);
    t.network.ensureCapacity(1);
    t.network.slot(0).set(features);
    t.network.forward(1, null);
    const z = first.terms.reduce((sum, term, i) => sum + term.weight * features[i], first.bias);
    expect(t.network.slot(t.plan.dense[0].output)[1]).toBeCloseTo(activate('tanh', z), 6);
  });

  it('writes the signs as operators and leaves out the activation of a linear unit', () => {
    const t = trainer((c) => (c.model.hidden = [1]));
    const params = new Float32Array(t.plan.parameterCount);
    const { weightOffset, biasOffset } = t.plan.dense[0];
    params.set([0.5, -1.25], weightOffset);
    params[biasOffset] = -2;
    expect(neuronFormula(t.plan, 0, 0, params).text).toBe('tanh(0.500·x₁ − 1.25·x₂ − 2.00)');
    const linear = trainer((c) => Object.assign(c.model, { hidden: [1], activation: 'linear' }));
    expect(neuronFormula(linear.plan, 0, 0, params).text).toBe('0.500·x₁ − 1.25·x₂ − 2.00');
    expect(() => neuronFormula(t.plan, 0, 1, params)).toThrow(/no unit 2 in layer 1/);
  });
});

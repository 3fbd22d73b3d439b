import { describe, expect, it } from 'vitest';
import { HIDDEN_ACTIVATIONS } from '../../src/core/activations';
import { INIT_SCHEMES, OPTIMIZERS } from '../../src/core/config';
import { CONTROL_IDS } from '../../src/ui/controls';
import { ACTIVATION_EXPLANATIONS, INIT_EXPLANATIONS, OPTIMIZER_EXPLANATIONS, SETTING_EXPLANATIONS } from '../../src/ui/explanations';

describe('what each setting means', () => {
  it('explains every setting of the model and the training, each in a short hint and a few lines', () => {
    for (const id of ['arch', 'activation', 'init', 'initScale', 'optimizer', 'lr', 'momentum', 'batch', 'l1', 'l2', 'dropout', 'features', 'discretize'] as const) {
      const explanation = SETTING_EXPLANATIONS[id];
      expect(CONTROL_IDS).toContain(id);
      expect(explanation.hint.length, id).toBeLessThanOrEqual(110);
      expect(explanation.more.length, id).toBeGreaterThanOrEqual(1);
    }
  });

  it('explains every option of the lists, derived from the engine’s own lists', () => {
    for (const activation of HIDDEN_ACTIVATIONS) expect(ACTIVATION_EXPLANATIONS[activation], activation).toMatch(/σ\(z\)/);
    for (const init of INIT_SCHEMES) expect(INIT_EXPLANATIONS[init].length, init).toBeGreaterThan(20);
    for (const optimizer of OPTIMIZERS) expect(OPTIMIZER_EXPLANATIONS[optimizer], optimizer).toMatch(/θ|step/);
  });

  it('gives the formulas in the notes’ notation, with the page’s conventions where they differ', () => {
    const text = (id: keyof typeof SETTING_EXPLANATIONS) => [SETTING_EXPLANATIONS[id].hint, ...SETTING_EXPLANATIONS[id].more].join(' ');
    expect(text('lr')).toContain('θₙ₊₁ = θₙ − α∇L(θₙ)');
    expect(text('batch')).toContain('Updates per epoch = N / batch size');
    expect(text('l2')).toContain('(λ₂/2)Σw²');
    expect(text('l2')).toContain('the page’s 0.01 is the notes’ 0.005');
    expect(text('momentum')).toContain('α/(1 − μ)');
    expect(text('dropout')).toContain('divided by 1 − p');
    expect(text('init')).toContain('√(6/(n_in + n_out))');
    expect(text('init')).toContain('N(0, 2/n_in)');
    expect(text('init')).toContain('random × 0.01');
    expect(text('initScale')).toContain('N(0, σ²)');
  });
});

import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { closeNeuronFocusOnChange } from '../../src/ui/neuronFocusLife';
import { createAppStore, updateConfig, updateView, type AppStore } from '../../src/ui/store';

/** The neuron shown on the plane, clicked in the diagram, and what the user does next. */
function withNeuronShown(): AppStore {
  const store = createAppStore(defaultConfig(), null, 'auto');
  closeNeuronFocusOnChange(store);
  updateView(store, { focus: { layer: 0, unit: 1 } });
  return store;
}

describe('the neuron shown on the plane', () => {
  it.each([
    ['Dataset set to Spiral', (store: AppStore) => updateConfig(store, (config) => (config.data.preset = 'spiral'))],
    ['Classes set to 3 (another task)', (store: AppStore) => updateConfig(store, (config) => (config.data.classes = 3))],
    ['Activation set to ReLU', (store: AppStore) => updateConfig(store, (config) => (config.model.activation = 'relu'))],
    ['a feature added', (store: AppStore) => updateConfig(store, (config) => config.model.features.push('x1^2'))],
    ['a layer widened', (store: AppStore) => updateConfig(store, (config) => (config.model.hidden = config.model.hidden.map((width) => width + 1)))],
    ['Compare opened', (store: AppStore) => updateView(store, { panel: 'compare' })],
    ['See inside opened', (store: AppStore) => updateView(store, { panel: 'inside' })],
  ])('closes after %s', (_step, act) => {
    const store = withNeuronShown();
    act(store);
    expect(store.getState().view.focus).toBeNull();
  });

  it.each([
    ['Learning rate changed', (store: AppStore) => updateConfig(store, (config) => (config.training.learningRate = 0.1))],
    ['Show test data ticked', (store: AppStore) => updateView(store, { showTestData: true })],
    ['a side panel closed', (store: AppStore) => updateView(store, { panel: 'none' })],
  ])('stays after %s (the neuron means the same)', (_step, act) => {
    const store = withNeuronShown();
    act(store);
    expect(store.getState().view.focus).toEqual({ layer: 0, unit: 1 });
  });
});

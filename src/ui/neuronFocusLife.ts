import { diffConfigs } from '../train/configChanges';
import { updateView, type AppState, type AppStore } from './store';

/**
 * Whether the neuron shown on the plane goes between two page states: the network, its weights'
 * seed or the data changed (layout, activation, features, dataset, task), so that the neuron no
 * longer means the same thing, or a side panel opened over the network it was picked in. Training
 * alone keeps it.
 */
export function neuronFocusEnds(previous: AppState, next: AppState): boolean {
  if (next.view.panel !== 'none' && next.view.panel !== previous.view.panel) return true;
  if (next.config === previous.config) return false;
  const changes = diffConfigs(previous.config, next.config);
  return changes.layout || changes.data || changes.seed;
}

/** Closes the neuron shown on the plane whenever `neuronFocusEnds`; returns the unsubscribe. */
export function closeNeuronFocusOnChange(store: AppStore): () => void {
  return store.subscribe((state, previous) => {
    if (state.view.focus && neuronFocusEnds(previous, state)) updateView(store, { focus: null });
  });
}

import { useEffect, useState, type ReactNode } from 'react';
import { useAppState, useRunFrame, useServices } from './appContext';
import { closeNeuronFocusOnChange } from './neuronFocusLife';
import { neuronFormula } from './neuronFormula';
import './neurons.css';
import { hasNeuron } from './neuronPlane';
import { updateView } from './store';

/** How often the formula's numbers follow training (ms). */
const REFRESH_MS = 250;

/**
 * Under the plane while it shows one neuron (picked in the network diagram): which neuron, its
 * formula act(Σ wᵢ·xᵢ + b) with the model's current numbers, and the way back to the output. It
 * closes when the network or data changes or a side panel opens (`neuronFocusEnds`).
 */
export function NeuronFocus(): ReactNode {
  const { store } = useServices();
  const focus = useAppState((state) => state.view.focus);
  const [formula, setFormula] = useState<string | null>(null);
  useEffect(() => closeNeuronFocusOnChange(store), [store]);
  useRunFrame(
    (run) => {
      const { plan, parameters } = run;
      const shown = focus && plan && parameters && hasNeuron(plan, run.neurons, focus) ? neuronFormula(plan, focus.layer, focus.unit, parameters).text : null;
      setFormula(shown);
    },
    [focus],
    REFRESH_MS,
  );
  if (!focus || formula === null) return null;
  return (
    <div className="row neuron-focus" role="group" aria-label="Neuron on the plane">
      <strong>
        Neuron {focus.unit + 1} of layer {focus.layer + 1}
      </strong>
      <output aria-label="Neuron formula" aria-live="off">{formula}</output>
      {focus.layer > 0 && <span className="hint">hL.n: neuron n of layer L</span>}
      <button type="button" className="small" onClick={() => updateView(store, { focus: null })}>
        Show the output
      </button>
    </div>
  );
}

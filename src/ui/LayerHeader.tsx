import type { ReactNode } from 'react';
import { LIMITS } from '../core/config';

interface LayerHeaderProps {
  /** 1-based layer number, as the page names layers. */
  layer: number;
  neurons: number;
  x: number;
  selected: boolean;
  onChange(neurons: number): void;
  onSelect(): void;
}

/** Above a hidden layer's column: + and − for its neurons, and its neuron count, which opens the layer's settings. */
export function LayerHeader({ layer, neurons, x, selected, onChange, onSelect }: LayerHeaderProps): ReactNode {
  return (
    <div className="layer-header" style={{ left: x }}>
      <button type="button" className="small" aria-label={`Add a neuron to layer ${layer}`} disabled={neurons >= LIMITS.width.max} onClick={() => onChange(neurons + 1)}>
        +
      </button>
      <button type="button" className="count" aria-pressed={selected} aria-label={`Layer ${layer}: ${neurons} neurons (settings)`} onClick={onSelect}>
        {neurons}
      </button>
      <button type="button" className="small" aria-label={`Remove a neuron from layer ${layer}`} disabled={neurons <= LIMITS.width.min} onClick={() => onChange(neurons - 1)}>
        −
      </button>
    </div>
  );
}

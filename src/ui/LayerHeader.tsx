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

/** Above a hidden layer's column: − and + for its neurons around its neuron count, which opens the layer's settings. */
export function LayerHeader({ layer, neurons, x, selected, onChange, onSelect }: LayerHeaderProps): ReactNode {
  return (
    <div className="layer-header" style={{ left: x }}>
      <button type="button" className="small" aria-label={`Remove a neuron from layer ${layer}`} disabled={neurons <= LIMITS.width.min} onClick={() => onChange(neurons - 1)}>
        −
      </button>
      <button type="button" className="count" aria-pressed={selected} aria-label={`Layer ${layer}: ${neurons} neurons (settings)`} onClick={onSelect}>
        {neurons}
      </button>
      <button type="button" className="small" aria-label={`Add a neuron to layer ${layer}`} disabled={neurons >= LIMITS.width.max} onClick={() => onChange(neurons + 1)}>
        +
      </button>
    </div>
  );
}

interface LayerStripProps {
  /** Neurons per hidden layer and the x of its column. */
  layers: { neurons: number; x: number }[];
  /** Width of one layer's button (the spacing of the columns). */
  step: number;
  selected: number;
  onSelect(layer: number): void;
}

/** Above columns too close for headers: one narrow button per layer that opens the layer's settings. */
export function LayerStrip({ layers, step, selected, onSelect }: LayerStripProps): ReactNode {
  return (
    <div className="layer-strip" role="group" aria-label="Hidden layers">
      {layers.map(({ neurons, x }, i) => (
        <button
          key={i}
          type="button"
          className="strip-button"
          style={{ left: x, width: Math.max(6, step - 3) }}
          aria-pressed={selected === i}
          aria-label={`Layer ${i + 1}: ${neurons} neurons (settings)`}
          title={`Layer ${i + 1}: ${neurons} neurons`}
          onClick={() => onSelect(i)}
        >
          {step >= 10 * String(neurons).length + 8 ? neurons : ''}
        </button>
      ))}
    </div>
  );
}

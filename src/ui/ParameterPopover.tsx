import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { NetworkPlan } from '../core/network';
import { useServices } from './appContext';
import type { DiagramPick } from './diagramDraw';
import { neuronFormula } from './neuronFormula';
import './neurons.css';
import { editParameters } from './store';

/** Weight fields a unit's popover lists at most; a wider unit's weights are typed on its links. */
const MAX_WEIGHT_FIELDS = 8;

/** One typed parameter: its field's name and its index in the parameter vector. */
interface Field {
  label: string;
  index: number;
}

/** The fields a pick opens: a link's weight, or a unit's incoming weights (when few) and its bias. */
function fieldsOf(pick: DiagramPick, plan: NetworkPlan, parameters: Float32Array): Field[] {
  if (pick.kind === 'weight') return [{ label: 'Weight', index: pick.index }];
  const formula = neuronFormula(plan, pick.layer, pick.unit, parameters);
  const weights = formula.terms.length <= MAX_WEIGHT_FIELDS ? formula.terms.map((term) => ({ label: `Weight from ${term.input}`, index: term.index })) : [];
  return [...weights, { label: 'Bias', index: formula.biasIndex }];
}

/** A typed number, or an error in the field's words. */
function parsed(label: string, text: string): number | string {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return `${label} must be a number; got “${text}”`;
  return value;
}

/**
 * While training is paused, a click on a link or a unit of the diagram opens this: a number field
 * per parameter (Weight, or a unit's weights and Bias). Enter or Set puts the typed values into the
 * model, undoably (Ctrl+Z); Escape closes it.
 */
export function ParameterPopover({ pick, x, y, plan, parameters, onClose }: { pick: DiagramPick; x: number; y: number; plan: NetworkPlan; parameters: Float32Array; onClose: () => void }): ReactNode {
  const { store } = useServices();
  const [fields] = useState(() => fieldsOf(pick, plan, parameters));
  const [texts, setTexts] = useState(() => fields.map((field) => String(parameters[field.index])));
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.select(), []);

  const apply = () => {
    const values = fields.map((field, i) => parsed(field.label, texts[i]));
    const problem = values.find((value) => typeof value === 'string');
    if (problem !== undefined) return setError(problem);
    editParameters(store, fields.map((field, i) => ({ index: field.index, before: parameters[field.index], after: values[i] as number })));
    onClose();
  };

  return (
    <form
      className="parameter-popover"
      role="dialog"
      aria-label={pick.name}
      style={{ left: x, top: y }}
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <p className="popover-title">{pick.name}</p>
      {fields.map((field, i) => (
        <label key={field.index}>
          <span>{field.label}</span>
          <input
            ref={i === 0 ? first : undefined}
            type="text"
            inputMode="decimal"
            aria-label={field.label}
            value={texts[i]}
            onChange={(event) => setTexts(texts.map((text, j) => (j === i ? event.target.value : text)))}
          />
        </label>
      ))}
      {error && (
        <p role="alert" className="popover-error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit">Set</button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

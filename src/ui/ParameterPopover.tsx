import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { NetworkPlan } from '../core/network';
import { useServices } from './appContext';
import type { DiagramPick } from './diagramDraw';
import { neuronFormula } from './neuronFormula';
import './neurons.css';
import { ParameterDrag } from './parameterDrag';
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

/** The range a parameter's slider spans: symmetric about zero, at least ±2 and twice the value's size. */
export function sliderReach(value: number): number {
  return Math.max(2, Math.ceil(2 * Math.abs(value)));
}

/** Steps of a slider across its range (arrow keys move one). */
const SLIDER_STEPS = 400;

/** A typed number, or an error in the field's words. */
function parsed(label: string, text: string): number | string {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return `${label} must be a number; got “${text}”`;
  return value;
}

/**
 * While training is paused, a click on a link or a unit of the diagram opens this: per parameter
 * (Weight, or a unit's weights and Bias) a number field to type and a slider to drag. A drag moves
 * the model live and is one undoable edit (Ctrl+Z); Enter or Set puts the typed values into the
 * model, undoably too; Escape closes it.
 */
export function ParameterPopover({ pick, x, y, plan, parameters, onClose }: { pick: DiagramPick; x: number; y: number; plan: NetworkPlan; parameters: Float32Array; onClose: () => void }): ReactNode {
  const { store } = useServices();
  const [fields] = useState(() => fieldsOf(pick, plan, parameters));
  // The model's values as this popover last set them: a typed value or a drag is an edit from these.
  const model = useRef(fields.map((field) => parameters[field.index]));
  const [reaches] = useState(() => model.current.map(sliderReach));
  const [texts, setTexts] = useState(() => model.current.map(String));
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.select(), []);
  // Kept inside the diagram, which clips what overflows it: moved up when it would reach below.
  const form = useRef<HTMLFormElement>(null);
  const [top, setTop] = useState(y);
  useLayoutEffect(() => {
    const room = form.current?.parentElement?.clientHeight ?? 0;
    setTop(Math.max(0, Math.min(y, room - (form.current?.offsetHeight ?? 0))));
  }, [y]);

  const slot = (index: number) => fields.findIndex((field) => field.index === index);
  const [drag] = useState(
    () =>
      new ParameterDrag(
        store,
        (index) => model.current[slot(index)],
        (changes) => changes.forEach(({ index, value }) => (model.current[slot(index)] = value)),
      ),
  );
  // Closing the popover mid-drag keeps what was dragged, as one edit.
  useEffect(() => drag.end, [drag]);

  const apply = () => {
    const values = fields.map((field, i) => parsed(field.label, texts[i]));
    const problem = values.find((value) => typeof value === 'string');
    if (problem !== undefined) return setError(problem);
    editParameters(store, fields.map((field, i) => ({ index: field.index, before: model.current[i], after: values[i] as number })));
    onClose();
  };

  return (
    <form
      ref={form}
      className="parameter-popover"
      role="dialog"
      aria-label={pick.name}
      style={{ left: x, top }}
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
        <div key={field.index} className="parameter-field">
          <label>
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
          <input
            type="range"
            aria-label={`${field.label} slider`}
            min={-reaches[i]}
            max={reaches[i]}
            step={(2 * reaches[i]) / SLIDER_STEPS}
            value={Number.isFinite(Number(texts[i])) ? Number(texts[i]) : model.current[i]}
            onChange={(event) => {
              const value = Number(event.target.value);
              setTexts((now) => now.map((text, j) => (j === i ? String(value) : text)));
              drag.move(field.index, value);
            }}
            onPointerUp={drag.end}
            onKeyUp={drag.end}
            onBlur={drag.end}
          />
        </div>
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

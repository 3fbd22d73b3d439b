import { useMemo, type ReactNode } from 'react';
import { MAX_CLASSES } from '../core/task';
import { clearPoints } from '../data/draw';
import { datasetOf } from '../train/dataEdits';
import { useAppState, useServices } from './appContext';
import { useDataTask } from './configTask';
import { regressionRange } from './heatmap';
import { classColor, cssColor, divergingColor } from './palette';
import { setCustomData, updateView, type ViewOptions } from './store';

/** Draw and erase modes for the plane, what drawn points get (a class, or a value on regression data), and Clear. */
export function DrawingTools(): ReactNode {
  const { store } = useServices();
  const tool = useAppState((state) => state.view.tool);
  const drawClass = useAppState((state) => state.view.drawClass);
  const task = useDataTask();
  const toggle = (wanted: ViewOptions['tool']) => updateView(store, { tool: tool === wanted ? 'none' : wanted });
  // Clear keeps the task: a cleared regression plane takes drawn values, a cleared classification plane classes.
  const clear = () => setCustomData(store, clearPoints(task));
  return (
    <div className="drawing" role="group" aria-label="Drawing">
      <div className="row">
        <button type="button" aria-pressed={tool === 'draw'} onClick={() => toggle('draw')}>
          Draw points
        </button>
        <button type="button" aria-pressed={tool === 'erase'} onClick={() => toggle('erase')}>
          Erase points
        </button>
        <button type="button" onClick={clear}>
          Clear points
        </button>
      </div>
      {task.kind === 'regression' ? (
        tool === 'draw' && <DrawValue />
      ) : (
        <div className="class-buttons" role="group" aria-label="Class of drawn points">
          {Array.from({ length: MAX_CLASSES }, (_, label) => (
            <button
              key={label}
              type="button"
              className="class-button"
              aria-pressed={drawClass === label}
              style={{ '--class-color': cssColor(classColor(label)) } as React.CSSProperties}
              onClick={() => updateView(store, { drawClass: label, tool: 'draw' })}
            >
              Class {label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** The value drawn regression points get, with its colour on the plane's scale (the legend under the plane). */
function DrawValue(): ReactNode {
  const { store } = useServices();
  const value = useAppState((state) => state.view.drawValue);
  const data = useAppState((state) => state.config.data);
  const custom = useAppState((state) => state.custom);
  const range = useMemo(() => regressionRange(datasetOf(data, custom).labels), [data, custom]);
  return (
    <div className="field draw-value">
      <label htmlFor="draw-value">Value of drawn points</label>
      <input
        id="draw-value"
        type="number"
        step={0.1}
        value={value}
        title={`The colour scale under the plane runs from ${(-range).toPrecision(2)} to ${range.toPrecision(2)}`}
        onChange={(event) => {
          const next = event.target.valueAsNumber;
          if (Number.isFinite(next)) updateView(store, { drawValue: next });
        }}
      />
      <span className="swatch" aria-hidden="true" style={{ background: cssColor(divergingColor(Math.max(-1, Math.min(1, value / range)))) }} />
    </div>
  );
}

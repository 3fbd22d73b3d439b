import type { ReactNode } from 'react';
import { MAX_CLASSES } from '../core/task';
import { clearPoints } from '../data/draw';
import { useAppState, useServices } from './appContext';
import { classColor, cssColor } from './palette';
import { updateView, type ViewOptions } from './store';

/** Draw and erase modes for the plane, the class that drawn points get, and Clear. */
export function DrawingTools(): ReactNode {
  const { run, store } = useServices();
  const tool = useAppState((state) => state.view.tool);
  const drawClass = useAppState((state) => state.view.drawClass);
  const toggle = (wanted: ViewOptions['tool']) => updateView(store, { tool: tool === wanted ? 'none' : wanted });
  const clear = () => {
    const latest = run.latestDataset().task;
    const task = latest.kind === 'classification' ? latest : { kind: 'classification' as const, classes: 2 };
    const data = run.setCustomData(clearPoints(task));
    store.setState({ config: { ...store.getState().config, data } });
  };
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
            Class {label + 1}
          </button>
        ))}
      </div>
    </div>
  );
}

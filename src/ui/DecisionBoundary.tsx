import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { DataConfig } from '../core/config';
import type { Dataset } from '../core/dataset';
import { InputError } from '../core/errors';
import { fitCanvas, useDrawnVersion, useViewSize } from './drawnView';
import { datasetOf, withDrawnPoints, withErasedPoints } from '../train/dataEdits';
import type { Run } from '../train/run';
import { useAppState, useRunFrame, useServices } from './appContext';
import { taskOf } from './configTask';
import { SETTING_EXPLANATIONS } from './explanations';
import { Toggle } from './fields';
import { setText } from './format';
import { labelRange } from './heatmap';
import { divergingColor, cssColor } from './palette';
import { drawBoundary, toPlane } from './planeDraw';
import { PointsLayer } from './pointsLayer';
import { NeuronFocus } from './NeuronFocus';
import { drawNeuronPlane, hasNeuron } from './neuronPlane';
import { setCustomData, updateView, type AppState } from './store';
import { Hideable } from './Hideable';

const LEGEND_GRADIENT = `linear-gradient(to right, ${cssColor(divergingColor(-1))}, ${cssColor(divergingColor(0))}, ${cssColor(divergingColor(1))})`;

/** How often a previewed compare-mode run's plane is looked at for a new grid (ms). */
const PREVIEW_REDRAW_MS = 250;

/** Plane units between two points drawn by one drag, and the eraser's radius. */
const DRAW_SPACING = 0.35;
const ERASER_RADIUS = 0.6;

/** The last preset's points, so that erasing over a preset generates them once, not at every pointer move. */
let presetPoints: { data: DataConfig; dataset: Dataset } | null = null;

/** The points on the plane: what a drawing edit starts from. */
function dataOnPlane(state: AppState): Dataset {
  const { data } = state.config;
  if (data.preset === 'custom') return datasetOf(data, state.custom);
  if (presetPoints?.data !== data) presetPoints = { data, dataset: datasetOf(data, null) };
  return presetPoints.dataset;
}

/** The points the settings make, or null while they cannot make any (the page says why elsewhere). */
function settingsData(state: AppState): Dataset | null {
  try {
    return dataOnPlane(state);
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

/** The plane's two layers, the model's output and the points, and how they make up the canvas on the page. */
interface PlaneLayers {
  boundary: HTMLCanvasElement;
  points: PointsLayer;
  compose(): void;
}

/** The layers of the plane shown in `canvas`, for the life of the component. */
function usePlaneLayers(canvas: RefObject<HTMLCanvasElement | null>): PlaneLayers {
  const [layers] = useState<PlaneLayers>(() => {
    const boundary = document.createElement('canvas');
    const compose = () => {
      const element = canvas.current;
      if (!element || boundary.width !== element.width || boundary.height !== element.height) return;
      const context = element.getContext('2d')!;
      context.drawImage(boundary, 0, 0);
      // Points drawn for another size stand in, stretched, until they are drawn at this one.
      if (points.canvas.width > 0) context.drawImage(points.canvas, 0, 0, element.width, element.height);
    };
    const points = new PointsLayer(compose);
    return { boundary, points, compose };
  });
  useEffect(() => () => layers.points.dispose(), [layers]);
  return layers;
}

/** The decision boundary: the model's output over the plane with the data on top; drawing and erasing happen here. */
export function DecisionBoundary(): ReactNode {
  const { store, run } = useServices();
  const view = useAppState((state) => state.view);
  const regression = useAppState((state) => taskOf(state).kind === 'regression');
  const canvas = useRef<HTMLCanvasElement>(null);
  const legend = useRef<HTMLDivElement>(null);
  const size = useViewSize(canvas);
  const plane = usePlaneLayers(canvas);
  const boundaryDrawn = useDrawnVersion();
  const legendDrawn = useDrawnVersion();
  const previewing = useAppState((state) => state.comparePreview?.label ?? null);

  const draw = (current: Run) => {
    // Before the first model is built, the points come from the settings.
    const dataset = current.dataset ?? settingsData(store.getState());
    if (!dataset || size.width === 0) return;
    const element = canvas.current!;
    fitCanvas(element, size);
    fitCanvas(plane.boundary, size);
    plane.points.show({ dataset, showTest: view.showTestData, width: element.width, height: element.height, scale: size.scale });
    // A compare-mode run pointed at fills the plane in the model's place; so does a neuron picked in the diagram.
    const preview = store.getState().comparePreview;
    const neuron = !preview && view.focus && hasNeuron(current.plan, current.neurons, view.focus) ? view.focus : null;
    const grid = preview ? preview.grid() : current.grid;
    if (boundaryDrawn.changed(neuron ? current.neurons : grid, dataset, view.discretize, element.width, element.height, neuron)) {
      if (neuron) drawNeuronPlane(plane.boundary, current.plan!, current.neurons!, neuron);
      else drawBoundary(plane.boundary, grid, dataset, view.discretize);
      plane.compose();
    }
    if (legend.current && dataset.task.kind === 'regression' && legendDrawn.changed(legend.current, dataset)) {
      const range = labelRange(dataset);
      setText(legend.current.querySelector('.legend-min')!, (-range).toPrecision(2));
      setText(legend.current.querySelector('.legend-max')!, range.toPrecision(2));
    }
  };
  useRunFrame(draw, [view.discretize, view.showTestData, view.focus, size, regression, previewing]);
  // A previewed run goes on training while the main model does not change: its plane is redrawn as its grid changes.
  useEffect(() => {
    if (!previewing) return;
    const timer = setInterval(() => draw(run), PREVIEW_REDRAW_MS);
    return () => clearInterval(timer);
  });

  const drag = useRef<{ last: [number, number] } | null>(null);
  const edit = (event: React.PointerEvent<HTMLCanvasElement>, first: boolean) => {
    const element = event.currentTarget;
    const rect = element.getBoundingClientRect();
    const point = toPlane(event.clientX - rect.left, event.clientY - rect.top, rect.width, rect.height);
    const state = store.getState();
    const base = dataOnPlane(state);
    if (state.view.tool === 'draw') {
      const last = drag.current?.last;
      if (!first && last && Math.hypot(point[0] - last[0], point[1] - last[1]) < DRAW_SPACING) return;
      drag.current = { last: point };
      const label = base.task.kind === 'regression' ? state.view.drawValue : state.view.drawClass;
      // A stroke is one edit: Undo takes back all its points.
      setCustomData(store, withDrawnPoints(base, [point], label), !first);
    } else if (state.view.tool === 'erase') {
      const erased = withErasedPoints(base, point, ERASER_RADIUS);
      if (erased.labels.length === base.labels.length) return;
      setCustomData(store, erased, drag.current !== null);
      drag.current = { last: point };
    }
  };

  return (
    <section className="panel plane-panel" aria-label="Output">
      <canvas
        ref={canvas}
        className={`plane tool-${view.tool}`}
        role="img"
        aria-label={previewing ? `Decision boundary of ${previewing} (preview)` : view.focus ? `Output of neuron ${view.focus.unit + 1} of layer ${view.focus.layer + 1}` : 'Decision boundary'}
        onPointerDown={(event) => {
          if (view.tool === 'none') return;
          event.currentTarget.setPointerCapture(event.pointerId);
          drag.current = null;
          edit(event, true);
        }}
        onPointerMove={(event) => {
          if (view.tool !== 'none' && event.buttons === 1) edit(event, false);
        }}
        onPointerUp={() => (drag.current = null)}
      />
      {previewing && (
        <p className="plane-preview" role="status">
          Previewing {previewing}
        </p>
      )}
      <NeuronFocus />
      <div className="row toggles">
        <Hideable id="showTestData">
          <Toggle label="Show test data" checked={view.showTestData} onChange={(showTestData) => updateView(store, { showTestData })} />
        </Hideable>
        <Hideable id="discretize">
          <Toggle label="Discretize" explanation={SETTING_EXPLANATIONS.discretize} checked={view.discretize} onChange={(discretize) => updateView(store, { discretize })} />
        </Hideable>
        {regression && (
          <div ref={legend} className="legend" aria-label="Regression colour scale">
            <span className="legend-min" />
            <span className="legend-bar" style={{ background: LEGEND_GRADIENT }} />
            <span className="legend-max" />
          </div>
        )}
      </div>
    </section>
  );
}

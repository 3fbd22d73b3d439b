import { useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { classRegions, outputField, type RegionGrid } from '../core/classRegions';
import { splitDataset } from '../core/dataset';
import { PLAYGROUND_LINES, type ViewableSlot } from '../core/layerView';
import type { NetworkPlan } from '../core/network';
import { projectionOf, unitsProjection, type Projection } from '../core/projection';
import { outputAt } from '../core/sheetOutput';
import { boxOf, DEFAULT_TURN, planeInCube, turnedBy, type Turn } from '../core/space3d';
import type { Task } from '../core/task';
import type { LayerView } from '../core/trainer';
import { useRunFrame, useServices } from './appContext';
import { labelRange } from './heatmap';
import { lastResult } from './lastResult';
import { classColours, drawLayerPicture3d, picture3d, valueColours } from './layerView3dDraw';
import { drawLayerPicture, layerPicture, pixelsImage, planePolylines, regionPixels, valuePixels } from './layerViewDraw';
import { classColor, divergingColor, type Rgb } from './palette';

/** Side of the layer view's picture, in CSS pixels; the class regions are computed one per CSS pixel. */
const PICTURE_SIZE = 280;
/** The picture is redrawn from the run at most this often (ms). */
const REFRESH_MS = 200;
/** How far a pixel of dragging, and an arrow key, turn the 3-D view (radians). */
const DRAG_TURN = 0.01;
const KEY_TURN = 0.1;

/** How a layer of more than two units is pictured. */
type ProjectionChoice = '3d' | 'principal' | 'units';
const CHOICE_LABELS: Record<ProjectionChoice, string> = { '3d': '3-D', principal: 'Principal components', units: 'Units i and j' };

/** The see-inside layer view of `slot`: the projection's controls, the picture and a caption saying what is exact. Mount one per slot (`key`). */
export function LayerPicture({ plan, slot, label, parameters }: { plan: NetworkPlan; slot: ViewableSlot; label: string; parameters: Float32Array | null }): ReactNode {
  const { run } = useServices();
  const width = slot.width;
  const choices: ProjectionChoice[] = width === 3 ? ['3d', 'principal', 'units'] : width > 3 ? ['principal', 'units'] : [];
  const [choice, setChoice] = useState<ProjectionChoice>(width === 3 ? '3d' : 'principal');
  const [horizontal, setHorizontal] = useState(0);
  const [vertical, setVertical] = useState(1);
  const [turn, setTurn] = useState<Turn>(DEFAULT_TURN);
  const id = useId();
  const dragFrom = useRef<{ x: number; y: number } | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const dataset = run.dataset;
  const labels = useMemo(() => (dataset ? splitDataset(dataset, 'train').labels : new Float64Array(0)), [dataset]);
  const task = plan.spec.task;
  // A regression's colour scale, the main plane's: [−range, range] with range the largest |target|.
  const range = useMemo(() => (dataset && task.kind === 'regression' ? labelRange(dataset) : 1), [dataset, task.kind]);
  const pointColour = useMemo(() => (task.kind === 'classification' ? classColor : (label: number): Rgb => divergingColor(label / range)), [task.kind, range]);
  const output = plan.dense[plan.dense.length - 1];
  // The output is drawn in the space of the slot the output layer reads.
  const shown: ShownOutput = output.input !== slot.slot ? 'none' : task.kind === 'regression' ? 'value' : task.classes === 2 ? 'two classes' : 'classes';
  const mode = width <= 2 ? 'exact' : choice;
  const picked = mode === 'units' ? pickedUnits(width, horizontal, vertical) : null;

  const painter = useMemo(() => layerPainter(plan, shown !== 'none'), [plan, shown]);
  const drawn = useRef<unknown[]>([]);
  useRunFrame(
    (current) => {
      const view = current.snapshot.inside.layerView;
      if (!view || view.slot !== slot.slot || view.width !== width) return;
      const settings = [view, painter, mode, picked?.[0], picked?.[1], turn, parameters, labels, pointColour, range];
      if (settings.every((s, i) => Object.is(s, drawn.current[i]))) return;
      drawn.current = settings;
      const element = canvas.current!;
      const scale = window.devicePixelRatio || 1;
      if (element.width !== PICTURE_SIZE * scale) {
        element.width = PICTURE_SIZE * scale;
        element.height = PICTURE_SIZE * scale;
      }
      const context = element.getContext('2d')!;
      context.setTransform(scale, 0, 0, scale, 0, 0);
      if (mode === '3d') painter.draw3d(context, view, turn, parameters, labels, pointColour, range);
      else painter.draw2d(context, view, picked, parameters, labels, pointColour, range);
    },
    [slot, mode, picked?.[0], picked?.[1], turn, parameters, labels, painter, pointColour, range],
    REFRESH_MS,
  );

  const turnBy = (yaw: number, pitch: number) => setTurn((t) => turnedBy(t, yaw, pitch));
  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (mode !== '3d') return;
    event.currentTarget.setPointerCapture(event.pointerId);
    dragFrom.current = { x: event.clientX, y: event.clientY };
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const from = dragFrom.current;
    if (!from) return;
    turnBy((event.clientX - from.x) * DRAG_TURN, (event.clientY - from.y) * DRAG_TURN);
    dragFrom.current = { x: event.clientX, y: event.clientY };
  };
  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const turns: Record<string, [number, number]> = { ArrowLeft: [-KEY_TURN, 0], ArrowRight: [KEY_TURN, 0], ArrowUp: [0, -KEY_TURN], ArrowDown: [0, KEY_TURN] };
    const by = turns[event.key];
    if (mode !== '3d' || !by) return;
    event.preventDefault();
    turnBy(...by);
  };
  const unitOptions = Array.from({ length: width }, (_, j) => (
    <option key={j} value={j}>
      {j + 1}
    </option>
  ));

  return (
    <>
      {choices.length > 0 && (
        <div className="layer-projection">
          <label htmlFor={`${id}-projection`}>Projection</label>
          <select id={`${id}-projection`} value={choice} onChange={(event) => setChoice(event.target.value as ProjectionChoice)}>
            {choices.map((c) => (
              <option key={c} value={c}>
                {CHOICE_LABELS[c]}
              </option>
            ))}
          </select>
          {picked && (
            <>
              <label htmlFor={`${id}-horizontal`}>Horizontal unit</label>
              <select id={`${id}-horizontal`} value={picked[0]} onChange={(event) => setHorizontal(Number(event.target.value))}>
                {unitOptions}
              </select>
              <label htmlFor={`${id}-vertical`}>Vertical unit</label>
              <select id={`${id}-vertical`} value={picked[1]} onChange={(event) => setVertical(Number(event.target.value))}>
                {unitOptions}
              </select>
            </>
          )}
          {mode === '3d' && (
            <button type="button" onClick={() => setTurn(DEFAULT_TURN)}>
              Reset view
            </button>
          )}
        </div>
      )}
      <canvas
        ref={canvas}
        className={mode === '3d' ? 'layer-picture turnable' : 'layer-picture'}
        style={{ width: PICTURE_SIZE, height: PICTURE_SIZE }}
        role="img"
        aria-label={`${label} seen ${seenThrough(mode, width, picked)}: the plane's lines and the training points`}
        aria-describedby={`${id}-caption`}
        tabIndex={mode === '3d' ? 0 : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (dragFrom.current = null)}
        onPointerCancel={() => (dragFrom.current = null)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-caption`} className="hint layer-caption">
        {caption(mode, width, picked, shown)}
      </p>
    </>
  );
}

/** The two units picked (0-based), made two different units of the layer if the choice no longer fits it. */
function pickedUnits(width: number, horizontal: number, vertical: number): [number, number] {
  const h = Math.min(horizontal, width - 1);
  return [h, vertical < width && vertical !== h ? vertical : h === 0 ? 1 : 0];
}

const unitPair = ([h, v]: [number, number]) => `units ${h + 1} and ${v + 1}`;

/** How the picture shows the layer, for its accessible name. */
function seenThrough(mode: ProjectionChoice | 'exact', width: number, picked: [number, number] | null): string {
  if (mode === 'exact') return `through its ${width === 1 ? 'unit' : 'two units'}`;
  if (mode === '3d') return 'in 3-D through its three units';
  if (mode === 'units') return `through its ${unitPair(picked!)}`;
  return `through two principal components of its ${width} units`;
}

/** What of the output the picture shows: nothing (the output reads another slot), its classes, or a regression's value. */
type ShownOutput = 'none' | 'two classes' | 'classes' | 'value';

/** One line: what the picture shows exactly, and how the output is drawn in it. */
function caption(mode: ProjectionChoice | 'exact', width: number, picked: [number, number] | null, shown: ShownOutput): string {
  const what = shown === 'value' ? 'value' : 'classes';
  if (mode === '3d') {
    const lines = shown === 'none' ? '' : `; the lines are coloured by the output’s ${shown === 'value' ? 'value' : 'class'} at each point${shown === 'two classes' ? ' and the plane is its boundary' : ''}`;
    return `Exact: the three units${lines}. Drag or use the arrow keys to turn.`;
  }
  const isolines = shown === 'value' ? ', isolines at ±¼ and ±½ of the scale' : '';
  if (mode === 'exact') return `Exact: the layer’s ${width === 1 ? 'unit' : 'two units'}${shown === 'none' ? '' : ` and the output’s ${what}${isolines}`}.`;
  if (mode === 'units') return `Exact: ${unitPair(picked!)}${shown === 'none' ? '' : `; the output’s ${what} in a slice through the other units’ mean${isolines}`}.`;
  return `Two principal components${shown === 'none' ? ' of the activations' : `; the output’s ${what} in the plane of the projection${isolines}`}.`;
}

/**
 * The drawing of one network's layer views, remembering what it last computed: the principal
 * components follow the previous picture, and the output's shading and the 3-D lines' colours
 * are computed again only when the parameters, the activations or the projection change.
 */
function layerPainter(plan: NetworkPlan, showsOutput: boolean) {
  const output = plan.dense[plan.dense.length - 1];
  const task: Task = plan.spec.task;
  let previous: Projection | null = null;
  const projectionFor = lastResult((view: LayerView, mode: ProjectionChoice | 'exact', horizontal: number | undefined, vertical: number | undefined): Projection => {
    const values = view.points ?? view.lines;
    const rows = values.length / view.width;
    if (mode === 'units') return unitsProjection(values, rows, view.width, horizontal!, vertical!);
    previous = projectionOf(values, rows, view.width, previous);
    return previous;
  });
  const pictureFor = lastResult((view: LayerView, projection: Projection) => layerPicture(view, PLAYGROUND_LINES, projection));
  const shadingFor = lastResult((parameters: Float32Array, projection: Projection, bounds: RegionGrid['bounds'], range: number) => {
    const grid: RegionGrid = { columns: PICTURE_SIZE, rows: PICTURE_SIZE, bounds };
    const pixels = task.kind === 'regression' ? valuePixels(outputField(parameters, output, projection, grid), grid, range) : regionPixels(classRegions(parameters, output, projection, grid), grid);
    return pixelsImage(pixels, grid);
  });
  const boxFor = lastResult((view: LayerView) => {
    const values = view.points ?? view.lines;
    const box = boxOf(values, values.length / 3);
    return { box, picture: picture3d(planePolylines(view.lines, 3, PLAYGROUND_LINES), view.points ?? new Float64Array(0), box) };
  });
  // The output at every sample of the lines: the samples are the slot's real activations.
  const sheetFor = lastResult((view: LayerView, parameters: Float32Array, range: number) => {
    const logits = outputAt(parameters, output, view.lines, view.lines.length / 3);
    const lineLogits = planePolylines(logits, output.out, PLAYGROUND_LINES);
    return task.kind === 'regression' ? valueColours(lineLogits, range) : classColours(lineLogits, output.out, task.classes);
  });
  return {
    draw2d(context: CanvasRenderingContext2D, view: LayerView, picked: [number, number] | null, parameters: Float32Array | null, labels: ArrayLike<number>, pointColour: (label: number) => Rgb, range: number): void {
      const projection = projectionFor(view, picked ? 'units' : 'principal', picked?.[0], picked?.[1]);
      const picture = pictureFor(view, projection);
      const shading = showsOutput && parameters ? shadingFor(parameters, projection, picture.bounds, range) : null;
      drawLayerPicture(context, PICTURE_SIZE, picture, labels, pointColour, shading);
    },
    draw3d(context: CanvasRenderingContext2D, view: LayerView, turn: Turn, parameters: Float32Array | null, labels: ArrayLike<number>, pointColour: (label: number) => Rgb, range: number): void {
      const { box, picture } = boxFor(view);
      const sheet = showsOutput && parameters ? sheetFor(view, parameters, range) : null;
      // The separating plane of two classes: the one logit's zero.
      const twoClasses = showsOutput && task.kind === 'classification' && output.out === 1 && parameters;
      const plane = twoClasses ? planeInCube(parameters.subarray(output.weightOffset, output.weightOffset + 3), parameters[output.biasOffset], box) : null;
      drawLayerPicture3d(context, PICTURE_SIZE, picture, turn, { labels, pointColour, rimmed: task.kind === 'regression', sheet, plane });
    },
  };
}

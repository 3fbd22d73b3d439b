import { effectiveOutput, hiddenLayers, type NetworkPlan } from './network';
import { PLANE_EXTENT } from './grid';
import type { GridSpec, PlaneLines } from './trainer';

/**
 * What the see-inside views look at, shared by both engines: the activation slots a view can
 * show, the lines of the input plane it maps into a layer's space, and the training rows the
 * linear-separability probe is fitted to.
 */

/** A slot the layer view and the separability probe can look at. */
export interface ViewableSlot {
  slot: number;
  width: number;
  /** 'input' (the features), a hidden layer's output, or a residual block's output (the sum). */
  kind: 'input' | 'hidden' | 'block';
  /** The dense layer writing it (−1 for the input). */
  layer: number;
}

/** The input, then every hidden layer's output in forward order, a residual block's sum right after its last layer. */
export function viewableSlots(plan: NetworkPlan): ViewableSlot[] {
  const slots: ViewableSlot[] = [{ slot: 0, width: plan.slotWidths[0], kind: 'input', layer: -1 }];
  for (const layer of hiddenLayers(plan)) {
    slots.push({ slot: layer.output, width: layer.out, kind: 'hidden', layer: layer.index });
    if (layer.sum !== null) slots.push({ slot: effectiveOutput(layer), width: layer.out, kind: 'block', layer: layer.index });
  }
  return slots;
}

/** The viewable slot `slot`, or a RangeError that says which slots there are. */
export function viewableSlot(plan: NetworkPlan, slot: number): ViewableSlot {
  const slots = viewableSlots(plan);
  const found = slots.find((s) => s.slot === slot);
  if (!found) throw new RangeError(`layer view: slot ${slot} is neither the input nor a hidden layer's or block's output (${slots.map((s) => s.slot).join(', ')})`);
  return found;
}

/**
 * The two grids whose cell centres are the samples of the plane's lines: first the horizontal
 * lines (row i is line i, from the top; column s its sample s, from the left), then the vertical
 * ones (column j is line j, from the left; row s its sample s, from the top). Lines and samples
 * both reach the edges of the plane.
 */
export function planeLineGrids(lines: PlaneLines): [horizontal: GridSpec, vertical: GridSpec] {
  if (!Number.isInteger(lines.lines) || lines.lines < 2 || !Number.isInteger(lines.samples) || lines.samples < 2) {
    throw new RangeError(`layer view: lines and samples must be whole numbers of at least 2, got ${lines.lines} and ${lines.samples}`);
  }
  // Cell centres at the ends of [a, b] when the grid reaches half a step beyond them.
  const widen = ([a, b]: [number, number], count: number): [number, number] => {
    const half = (b - a) / (count - 1) / 2;
    return [a - half, b + half];
  };
  return [
    { width: lines.samples, height: lines.lines, x1: widen(lines.x1, lines.samples), x2: widen(lines.x2, lines.lines) },
    { width: lines.lines, height: lines.samples, x1: widen(lines.x1, lines.lines), x2: widen(lines.x2, lines.samples) },
  ];
}

/** The playground's lines: 21 each way across the plane (every 0.6), 41 samples on each. */
export const PLAYGROUND_LINES: PlaneLines = { lines: 21, samples: 41, x1: [...PLANE_EXTENT], x2: [...PLANE_EXTENT] };

/** Rows of the plane lines' samples: both grids' cells. */
export function planeLineCount(lines: PlaneLines): number {
  return 2 * lines.lines * lines.samples;
}

/** Training rows the separability probe fits at most. */
export const PROBE_MAX_ROWS = 2048;
/** Full-batch Adam steps of the probe, and its learning rate (on standardised activations). */
export const PROBE_ITERATIONS = 300;
export const PROBE_LEARNING_RATE = 0.1;
/** Columns whose spread is below this are only centred, not scaled (they carry no information). */
export const PROBE_MIN_DEVIATION = 1e-6;

/** The training rows the probe fits: all of them, or PROBE_MAX_ROWS spread evenly over the split. */
export function probeRows(trainCount: number): Uint32Array<ArrayBuffer> {
  const count = Math.min(trainCount, PROBE_MAX_ROWS);
  return Uint32Array.from({ length: count }, (_, i) => Math.floor((i * trainCount) / count));
}

/** Where the network diagram puts its columns and neurons; pure, so that it can be tested and shared by React and d3. */

export interface DiagramNode {
  /** The neuron's (or feature's, or output unit's) index in its layer. */
  index: number;
  /** Centre, in pixels from the diagram's top-left corner. */
  x: number;
  y: number;
}

export interface DiagramColumn {
  kind: 'input' | 'hidden' | 'output';
  /** Units in the layer (for inputs: all selectable features). */
  width: number;
  x: number;
  nodes: DiagramNode[];
  /** Units not drawn; their count is written at `moreY`. */
  hidden: number;
  moreY: number;
}

/** A line of text placed by its centre. */
export interface DiagramLabel {
  x: number;
  y: number;
  text: string;
}

export interface DiagramLayout {
  columns: DiagramColumn[];
  /** Side of a neuron thumbnail, in pixels. */
  node: number;
  /** Top of the neurons' area (the layer headers sit above it). */
  top: number;
  /** Pixels between neighbouring columns. */
  step: number;
  /**
   * 'full': each hidden layer gets its + / count / − header. 'strip': the columns are too close for
   * that, so the layers are summarised (`summary`) over a strip of one narrow button per layer.
   */
  headers: 'full' | 'strip';
  summary: DiagramLabel | null;
  /** How many neurons are not drawn: under each column when there is room, else one line for all. */
  more: DiagramLabel[];
}

/** Space above the neurons for each layer's header (−, the count, + in a row). */
export const HEADER_HEIGHT = 36;
/** Space above the neurons for the layers' summary line and the strip under it. */
export const STRIP_HEIGHT = 48;
/** Room on the left for the feature names. */
export const INPUT_LABEL_WIDTH = 56;
/** Layers wider than this many neurons are shown compactly. */
export const MAX_SHOWN = 24;
const GAP = 6;
/** Column spacing a layer header (−, the count, +) needs to stay clear of its neighbours, for counts of so many digits. */
export function headerPitch(digits: number): number {
  return 66 + 9 * digits;
}
/** Column spacing a "… 1,005 more" label needs. */
export const MORE_PITCH = 100;

/** Side of the thumbnails: as large as 34 px, smaller when the columns or the rows are crowded. */
function nodeSize(width: number, height: number, top: number, columnCount: number, tallest: number): number {
  const byWidth = (width - INPUT_LABEL_WIDTH) / (columnCount * 2);
  const byHeight = (height - top) / Math.min(tallest, 12) - GAP;
  return Math.max(14, Math.min(34, Math.floor(byWidth), Math.floor(byHeight)));
}

/**
 * Rows of `count` units in a column of as many slots as the height holds, centred vertically; a
 * layer too tall keeps its first units and a "more" slot (at least one unit is always drawn).
 */
function placeColumn(kind: DiagramColumn['kind'], count: number, x: number, node: number, top: number, height: number): DiagramColumn {
  const pitch = node + GAP;
  const slots = Math.max(1, Math.min(MAX_SHOWN, Math.floor((height - top) / pitch)));
  const shown = count <= slots ? count : Math.max(1, slots - 1);
  const rows = shown + (count > shown ? 1 : 0);
  const start = top + Math.max(0, (height - top - rows * pitch) / 2) + pitch / 2;
  const nodes = Array.from({ length: shown }, (_, index) => ({ index, x, y: start + index * pitch }));
  return { kind, width: count, x, nodes, hidden: count - shown, moreY: start + shown * pitch };
}

/**
 * The input features, every one of them (each is a toggle): as far apart as the other columns'
 * units, closer where the height is short, but never overlapping.
 */
function placeInputs(count: number, x: number, node: number, top: number, height: number): DiagramColumn {
  const pitch = Math.max(node, Math.min(node + GAP, (height - top) / count));
  const start = top + Math.max(0, (height - top - count * pitch) / 2) + pitch / 2;
  const nodes = Array.from({ length: count }, (_, index) => ({ index, x, y: start + index * pitch }));
  return { kind: 'input', width: count, x, nodes, hidden: 0, moreY: start + count * pitch };
}

/**
 * The diagram of a network with `features` input features (all selectable ones), hidden layers
 * of the given widths and `outputs` output units, in a box of width × height pixels.
 */
export function layoutDiagram(features: number, hiddenWidths: number[], outputs: number, width: number, height: number): DiagramLayout {
  const columnCount = hiddenWidths.length + 2;
  const tallest = Math.max(features, outputs, ...hiddenWidths.map((w) => Math.min(w, MAX_SHOWN)));
  const spacing = (node: number) => (width - INPUT_LABEL_WIDTH - node - 12) / (columnCount - 1);
  // Headers fit when the columns are far enough apart even with the largest thumbnails.
  const digits = String(Math.max(1, ...hiddenWidths)).length;
  const headers = spacing(nodeSize(width, height, HEADER_HEIGHT, columnCount, tallest)) >= headerPitch(digits) ? 'full' : 'strip';
  const top = headers === 'full' ? HEADER_HEIGHT : STRIP_HEIGHT;
  const node = nodeSize(width, height, top, columnCount, tallest);
  const left = INPUT_LABEL_WIDTH + node / 2 + 4;
  const right = width - node / 2 - 8;
  const step = spacing(node);
  const columns = [
    placeInputs(features, left, node, top, height),
    ...hiddenWidths.map((count, i) => placeColumn('hidden', count, left + (i + 1) * step, node, top, height)),
    placeColumn('output', outputs, right, node, top, height),
  ];
  const hidden = columns.slice(1, -1);
  return { columns, node, top, step, headers, summary: headers === 'strip' ? layersSummary(hidden) : null, more: moreLabels(hidden, step) };
}

const count = (n: number): string => n.toLocaleString('en-US');

/** "16 layers × 1024", or "16 layers, 2–1024 neurons" when the widths differ; centred over the hidden columns. */
function layersSummary(hidden: DiagramColumn[]): DiagramLabel | null {
  if (hidden.length === 0) return null;
  const widths = hidden.map((column) => column.width);
  const [least, most] = [Math.min(...widths), Math.max(...widths)];
  const layers = `${hidden.length} layer${hidden.length === 1 ? '' : 's'}`;
  const text = least === most ? `${layers} × ${count(most)}` : `${layers}, ${count(least)}–${count(most)} neurons`;
  return { x: (hidden[0].x + hidden.at(-1)!.x) / 2, y: 12, text };
}

/** A "… N more" label under each cut column when they fit side by side, otherwise one line under them all. */
function moreLabels(hidden: DiagramColumn[], step: number): DiagramLabel[] {
  const cut = hidden.filter((column) => column.hidden > 0);
  if (cut.length === 0) return [];
  if (step >= MORE_PITCH || cut.length === 1) return cut.map((column) => ({ x: column.x, y: column.moreY, text: `… ${count(column.hidden)} more` }));
  const y = Math.max(...cut.map((column) => column.moreY));
  const x = (cut[0].x + cut.at(-1)!.x) / 2;
  const same = cut.every((column) => column.hidden === cut[0].hidden);
  return [{ x, y, text: same ? `… ${count(cut[0].hidden)} more in each of ${cut.length} layers` : `… more neurons in ${cut.length} layers` }];
}

import * as d3 from 'd3';
import { FEATURE_NAMES } from '../core/features';
import { hiddenLayers, type NetworkPlan } from '../core/network';
import type { GridSpec } from '../core/trainer';
import type { GridValues } from '../train/run';
import { unitKey } from './diagramKeys';
import type { DiagramLayout, DiagramNode } from './diagramLayout';
import type { LinkValues } from './store';
import { formatValue } from './format';
import { paintClassProbability, paintClasses, paintNeuron, paintRegression } from './heatmap';
import { cssColor, NEGATIVE, POSITIVE } from './palette';
import { FEATURE_LABELS } from './names';

/** The network diagram's links (SVG) and neuron thumbnails (canvases), drawn with d3 from the run's latest numbers. */

interface Link {
  key: string;
  /** Index of the weight in the flat parameter vector. */
  weight: number;
  from: DiagramNode;
  to: DiagramNode;
  describe: string;
}

/** Shows `text` near the pointer (or a unit focused by keyboard), or hides the tooltip when text is null. */
export type ShowTooltip = (text: string | null, at?: { clientX: number; clientY: number }) => void;

/** What a click in the diagram picked: a link's weight (its index in the parameter vector), or a unit of a dense layer. */
export type DiagramPick = { kind: 'weight'; index: number; name: string } | { kind: 'unit'; layer: number; unit: number; name: string };
/** Where on the page a pick happened: the pointer, or the centre of the unit picked by keyboard. */
export type OnPick = (pick: DiagramPick, at: { clientX: number; clientY: number }) => void;
/** A pointer pressed on a link: the start of a possible pull of its weight. */
export type OnPull = (pick: DiagramPick & { kind: 'weight' }, down: PointerEvent) => void;

function columnName(layout: DiagramLayout, column: number): string {
  const kind = layout.columns[column].kind;
  return kind === 'input' ? 'input' : kind === 'output' ? 'output' : `layer ${column}`;
}

function unitName(layout: DiagramLayout, column: number, index: number): string {
  if (layout.columns[column].kind === 'input') return FEATURE_LABELS[FEATURE_NAMES[index]].text;
  return `neuron ${index + 1} of ${columnName(layout, column)}`;
}

/** Every link between drawn units of neighbouring columns, with the weight it stands for. */
export function diagramLinks(layout: DiagramLayout, plan: NetworkPlan): Link[] {
  const features = plan.spec.features.map((name) => FEATURE_NAMES.indexOf(name));
  const links: Link[] = [];
  for (let c = 0; c + 1 < layout.columns.length; c++) {
    const dense = plan.dense[c];
    const [from, to] = [layout.columns[c], layout.columns[c + 1]];
    for (const source of from.nodes) {
      const input = from.kind === 'input' ? features.indexOf(source.index) : source.index;
      if (input < 0) continue;
      for (const target of to.nodes) {
        links.push({
          key: `${c}:${source.index}:${target.index}`,
          weight: dense.weightOffset + target.index * dense.in + input,
          from: source,
          to: target,
          describe: `from ${unitName(layout, c, source.index)} to ${unitName(layout, c + 1, target.index)}`,
        });
      }
    }
  }
  return links;
}

/** Whether the plan is the one the layout was made for (they differ briefly while a new layout is built). */
export function planMatches(layout: DiagramLayout, plan: NetworkPlan): boolean {
  const widths = [plan.spec.features.length, ...hiddenLayers(plan).map((layer) => layer.out), plan.dense.at(-1)!.out];
  return widths.length === layout.columns.length && layout.columns.slice(1).every((column, i) => column.width === widths[i + 1]);
}

const curve = (link: Link, half: number): string => {
  const [x1, x2] = [link.from.x + half, link.to.x - half];
  const middle = (x1 + x2) / 2;
  return `M${x1},${link.from.y} C${middle},${link.from.y} ${middle},${link.to.y} ${x2},${link.to.y}`;
};

/** What each diagram's links show now (for their tooltips), and the layout and plan their pointer targets were made for. */
const shownLinks = new WeakMap<SVGSVGElement, { name: string; weightOf: (link: Link) => number }>();
const hitsLayout = new WeakMap<SVGSVGElement, DiagramLayout>();
const hitsPlan = new WeakMap<SVGSVGElement, NetworkPlan>();

/**
 * Draws the links, coloured by sign and as thick as |w| relative to the largest drawn weight; each
 * has an unseen, wide twin over it that takes the pointer (however thin the link is drawn): hover
 * shows the weight, a click picks it, a press may start pulling it. `shown` puts other numbers per
 * parameter in the weights' place (a gradient).
 */
export function drawLinks(svg: SVGSVGElement, layout: DiagramLayout, plan: NetworkPlan, parameters: Float32Array | null, tooltip: ShowTooltip, pick: OnPick, pull: OnPull, shown: LinkValues | null = null): void {
  const links = diagramLinks(layout, plan);
  const values = shown?.values ?? parameters;
  const name = shown?.name ?? 'Weight';
  const weightOf = (link: Link) => (values ? values[link.weight] : 0);
  const largest = Math.max(1e-9, ...links.map((link) => Math.abs(weightOf(link))));
  d3.select(svg)
    .select('g.links')
    .selectAll<SVGPathElement, Link>('path')
    .data(links, (link) => link.key)
    .join('path')
    .attr('d', (link) => curve(link, layout.node / 2))
    .attr('stroke', (link) => cssColor(weightOf(link) >= 0 ? POSITIVE : NEGATIVE))
    .attr('stroke-width', (link) => 0.6 + 5 * (Math.abs(weightOf(link)) / largest));
  // The tooltip reads the numbers drawn last; the pointer targets are only rebuilt for a new layout.
  shownLinks.set(svg, { name, weightOf });
  if (hitsLayout.get(svg) === layout && hitsPlan.get(svg) === plan) return;
  hitsLayout.set(svg, layout);
  hitsPlan.set(svg, plan);
  const hover = (event: PointerEvent, link: Link) => {
    const shownNow = shownLinks.get(svg)!;
    tooltip(`${shownNow.name} ${formatValue(shownNow.weightOf(link))} ${link.describe}`, event);
  };
  d3.select(svg)
    .select('g.link-hits')
    .selectAll<SVGPathElement, Link>('path')
    .data(links, (link) => link.key)
    .join('path')
    .attr('d', (link) => curve(link, layout.node / 2))
    .on('pointerenter pointermove', hover)
    .on('pointerleave', () => tooltip(null))
    .on('pointerdown', (event: PointerEvent, link) => pull({ kind: 'weight', index: link.weight, name: `Weight ${link.describe}` }, event))
    .on('click', (event: MouseEvent, link) => pick({ kind: 'weight', index: link.weight, name: `Weight ${link.describe}` }, event));
}

/** Residual blocks' skip connections: an arc over each block, from its input column to its output column. */
export function drawSkips(svg: SVGSVGElement, layout: DiagramLayout, blocks: number): void {
  const arcs = Array.from({ length: blocks }, (_, b) => ({ from: layout.columns[1 + 2 * b], to: layout.columns[3 + 2 * b] }));
  const top = layout.top - 6;
  d3.select(svg)
    .select('g.skips')
    .selectAll('path')
    .data(arcs)
    .join('path')
    .attr('d', ({ from, to }) => `M${from.x},${top} C${from.x},${top - 22} ${to.x},${top - 22} ${to.x},${top}`)
    .attr('marker-end', 'url(#skip-arrow)');
}

interface Thumbnail {
  key: string;
  node: DiagramNode;
  /** The grid its values were computed on; null before the first one arrives. */
  spec: GridSpec | null;
  paint(out: Uint8ClampedArray, cells: number): void;
  /** What assistive technology calls it; fixed, unlike the tooltip's numbers, so nothing is re-announced as training runs. */
  name: string;
  /** The unit it shows: dense layer and index. */
  layer: number;
  unit: number;
  describe(): string;
}

/**
 * The hidden neurons' and output units' thumbnails as canvases positioned over the links. Each is
 * a button for the keyboard too: only the unit keyed `roving` (else the first) is in the tab order.
 */
export function drawThumbnails(
  layer: HTMLDivElement,
  layout: DiagramLayout,
  plan: NetworkPlan,
  neurons: GridValues<Float32Array[]> | null,
  grid: GridValues<Float32Array> | null,
  parameters: Float32Array | null,
  regressionRange: number,
  tooltip: ShowTooltip,
  pick: OnPick,
  roving: string | null,
): void {
  const hidden = hiddenLayers(plan);
  const thumbnails: Thumbnail[] = [];
  layout.columns.forEach((column, c) => {
    if (column.kind === 'input') return;
    const dense = plan.dense[c - 1];
    for (const node of column.nodes) {
      const bias = () => (parameters ? ` · bias ${formatValue(parameters[dense.biasOffset + node.index])}` : '');
      if (column.kind === 'hidden') {
        const values = neurons?.values[c - 1];
        thumbnails.push({
          key: unitKey({ layer: c - 1, row: node.index }),
          node,
          layer: c - 1,
          unit: node.index,
          spec: values ? neurons!.spec : null,
          paint: (out, cells) => values && paintNeuron(values, hidden[c - 1].out, node.index, cells, out),
          name: `Neuron ${node.index + 1} of layer ${c}`,
          describe: () => `Neuron ${node.index + 1} of layer ${c}${bias()}${values ? ` · activation ${range(values, hidden[c - 1].out, node.index)}` : ''}`,
        });
      } else {
        const task = plan.spec.task;
        thumbnails.push({
          key: unitKey({ layer: c - 1, row: node.index }),
          node,
          layer: c - 1,
          unit: node.index,
          spec: grid?.spec ?? null,
          paint: (out, cells) => {
            if (!grid) return;
            if (task.kind === 'regression') paintRegression(grid.values, cells, regressionRange, false, out);
            else if (task.classes === 2) paintClasses(grid.values, 2, cells, false, out);
            else paintClassProbability(grid.values, task.classes, node.index, cells, out);
          },
          name: task.kind === 'regression' ? 'Output' : `Output: probability of class ${task.classes > 2 ? node.index : 1}`,
          describe() {
            return `${this.name}${bias()}`;
          },
        });
      }
    }
  });
  const half = layout.node / 2;
  const focusable = thumbnails.some((t) => t.key === roving) ? roving : thumbnails[0]?.key;
  d3.select(layer)
    .selectAll<HTMLCanvasElement, Thumbnail>('canvas')
    .data(thumbnails, (thumbnail) => thumbnail.key)
    .join('canvas')
    .attr('class', 'thumbnail')
    .attr('role', 'button')
    .attr('aria-label', (t) => t.name)
    .attr('tabindex', (t) => (t.key === focusable ? 0 : -1))
    .attr('data-layer', (t) => t.layer)
    .attr('data-row', (t) => t.unit)
    .style('left', (t) => `${t.node.x - half}px`)
    .style('top', (t) => `${t.node.y - half}px`)
    .style('width', `${layout.node}px`)
    .style('height', `${layout.node}px`)
    .each(function (thumbnail) {
      const spec = thumbnail.spec;
      if (!spec) return;
      if (this.width !== spec.width) [this.width, this.height] = [spec.width, spec.height];
      const context = this.getContext('2d')!;
      const image = context.createImageData(spec.width, spec.height);
      thumbnail.paint(image.data, spec.width * spec.height);
      context.putImageData(image, 0, 0);
    })
    .on('pointerenter pointermove', (event: PointerEvent, thumbnail) => tooltip(thumbnail.describe(), event))
    .on('pointerleave blur', () => tooltip(null))
    // By keyboard, the numbers a hover shows come with the focus, beside the unit.
    .on('focus', function (_event: FocusEvent, thumbnail) {
      const box = this.getBoundingClientRect();
      tooltip(thumbnail.describe(), { clientX: box.right, clientY: box.top });
    })
    .on('click', (event: MouseEvent, thumbnail) => pick({ kind: 'unit', layer: thumbnail.layer, unit: thumbnail.unit, name: thumbnail.name }, event));
}

/** "lowest to highest" of one neuron's activations over the thumbnail grid. */
function range(values: Float32Array, stride: number, column: number): string {
  let low = Infinity;
  let high = -Infinity;
  for (let i = column; i < values.length; i += stride) {
    low = Math.min(low, values[i]);
    high = Math.max(high, values[i]);
  }
  return `${formatValue(low)} to ${formatValue(high)}`;
}

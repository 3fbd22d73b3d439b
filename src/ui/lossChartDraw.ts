import * as d3 from 'd3';
import type { HistoryPoint } from '../train/history';
import { formatLoss } from './format';
import { cssColor, POSITIVE } from './palette';

/** The loss chart's SVG, built and updated with d3. */

/** The top margin holds the legend, so it never covers a curve (a loss of 0.69 runs along the top of the plot). */
const MARGIN = { top: 22, right: 12, bottom: 22, left: 52 };
/** Each legend entry's width, and its line's height (px). */
const LEGEND = { entryWidth: 92, height: 14 };
/** The smallest loss a log axis shows (losses can reach 0). */
const LOG_FLOOR = 1e-6;
/** The learning-rate strip under the curves: its height (a share of the chart's, within bounds) and the gap above it (px). */
const STRIP = { share: 0.15, min: 12, max: 22, gap: 5 };
const TRAIN_COLOR = '#1a1a1a';
const RATE_COLOR = '#6b5fb5';

export interface ChartSeries {
  points: readonly HistoryPoint[];
  logScale: boolean;
  /** The epoch axis is logarithmic (symlog: linear below one epoch), so a long fast run keeps its start readable. */
  logEpochs: boolean;
  /** The y axis title: "Loss" or "MSE". */
  measure: string;
  /** An earlier run's curves, drawn faintly for comparison. */
  pinned: readonly HistoryPoint[] | null;
  /** Draw the learning rate of each point in a strip under the curves (a schedule is set). */
  showRate: boolean;
}

/** Where the chart drew the current run, for finding the point under the pointer. */
export interface ChartGeometry {
  points: readonly HistoryPoint[];
  x: (epoch: number) => number;
  y: (loss: number) => number;
  /** The left and right ends of the epoch axis (px). */
  left: number;
  right: number;
  top: number;
  /** The bottom of the curves' area, and of the strip when there is one (px). */
  plotBottom: number;
  bottom: number;
  showRate: boolean;
}

type EpochScale = d3.ScaleLinear<number, number> | d3.ScaleSymLog<number, number>;

/** 0, 1, 2, 5, 10, 20, 50 … up to `end`; thinned to powers of ten, then every other one, until at most `count` are left. */
export function logEpochTicks(end: number, count: number): number[] {
  const ladder = [0];
  for (let decade = 1; decade <= end; decade *= 10) for (const multiple of [1, 2, 5]) if (multiple * decade <= end) ladder.push(multiple * decade);
  if (ladder.length <= count) return ladder;
  let powers = ladder.filter((value) => value === 0 || /^10*$/.test(String(value)));
  while (powers.length > count) powers = powers.filter((_, i) => i % 2 === 0);
  return powers;
}

/**
 * The epoch axis: at least one epoch wide, so that before training it reads 0 … 1 rather than a
 * sliver of an epoch, with labels as short as the numbers allow ("0", "0.5", "2000"). On a log
 * axis it starts at 0 and its ticks run 0, 1, 10, 100 … (0.2, 0.4 … while under ten epochs).
 */
export function epochScale(first: number, last: number, left: number, right: number, log = false): { scale: EpochScale; labels: (count: number) => string[]; ticks: (count: number) => number[] } {
  if (log) {
    const end = Math.max(last, 1);
    const scale = d3.scaleSymlog().constant(1).domain([0, end]).range([left, right]);
    const linear = d3.scaleLinear().domain([0, end]);
    const ticks = (count: number) => (end <= 10 ? linear.ticks(count) : logEpochTicks(end, count));
    return { scale, ticks, labels: (count) => ticks(count).map(d3.format('~r')) };
  }
  const scale = d3.scaleLinear().domain([first, Math.max(last, first + 1)]).range([left, right]);
  const ticks = (count: number) => scale.ticks(count);
  return { scale, ticks, labels: (count) => ticks(count).map(scale.tickFormat(count, '~r')) };
}

/** Where the curves are drawn and where the legend goes, in a chart of width × height pixels. */
export interface ChartLayout {
  plot: { left: number; right: number; top: number; bottom: number };
  /** The legend's box: `entries` entries right-aligned in the top margin, above the curves. */
  legend: { left: number; right: number; top: number; bottom: number };
}

export function chartLayout(width: number, height: number, entries: number): ChartLayout {
  const right = width - MARGIN.right;
  const legendTop = (MARGIN.top - LEGEND.height) / 2;
  return {
    plot: { left: MARGIN.left, right, top: MARGIN.top, bottom: height - MARGIN.bottom },
    legend: { left: right - LEGEND.entryWidth * entries + 14, right, top: legendTop, bottom: legendTop + LEGEND.height },
  };
}

/**
 * The linear y axis's tick labels, from 0 to `top`: as many decimals as the tick step needs (at
 * least two), and powers of ten below 0.001, where a loss of 9.4e-11 would read "0" at every tick.
 */
export function lossTickFormat(top: number, tickCount: number): (value: number) => string {
  if (top < 1e-3) return d3.format('.1~e');
  return d3.format(`.${Math.max(2, d3.precisionFixed(d3.tickStep(0, top, tickCount)))}~f`);
}

/** Creates the chart's groups and paths inside `svg` (once). */
export function setUpLossChart(svg: SVGSVGElement): void {
  const root = d3.select(svg);
  root.selectAll('*').remove();
  root.append('g').attr('class', 'axis x-axis');
  root.append('g').attr('class', 'axis y-axis');
  root.append('text').attr('class', 'axis-title x-title').attr('text-anchor', 'end').text('Epoch');
  root.append('text').attr('class', 'axis-title y-title').attr('text-anchor', 'middle');
  const strip = root.append('g').attr('class', 'lr-strip');
  strip.append('rect').attr('class', 'lr-background').attr('fill', RATE_COLOR).attr('fill-opacity', 0.06);
  strip.append('path').attr('class', 'lr-area').attr('fill', RATE_COLOR).attr('fill-opacity', 0.35).attr('stroke', RATE_COLOR).attr('stroke-width', 1);
  strip.append('text').attr('class', 'axis-title lr-title').attr('text-anchor', 'end').attr('dy', '0.35em').text('LR');
  strip.append('text').attr('class', 'lr-peak').attr('text-anchor', 'end').attr('dy', '0.9em');
  // The pinned run goes first, so the current curves are drawn over it.
  root.append('path').attr('class', 'line pinned-train').attr('fill', 'none').attr('stroke', TRAIN_COLOR).attr('stroke-opacity', 0.25).attr('stroke-width', 2);
  root.append('path').attr('class', 'line pinned-test').attr('fill', 'none').attr('stroke', cssColor(POSITIVE)).attr('stroke-opacity', 0.3).attr('stroke-width', 2).attr('stroke-dasharray', '6 3');
  root.append('path').attr('class', 'line train-line').attr('fill', 'none').attr('stroke', TRAIN_COLOR).attr('stroke-width', 2);
  root.append('path').attr('class', 'line test-line').attr('fill', 'none').attr('stroke', cssColor(POSITIVE)).attr('stroke-width', 2).attr('stroke-dasharray', '6 3');
  const legend = root.append('g').attr('class', 'chart-legend');
  [
    { name: 'Training', className: 'train-line' },
    { name: 'Test', className: 'test-line' },
    { name: 'Pinned', className: 'pinned-train' },
  ].forEach(({ name, className }, i) => {
    const entry = legend.append('g').attr('class', `legend-${className}`).attr('transform', `translate(${i * LEGEND.entryWidth}, 0)`);
    entry.append('line').attr('class', className).attr('x1', 0).attr('x2', 22).attr('y1', 0).attr('y2', 0).attr('stroke-width', 2);
    entry.append('text').attr('x', 28).attr('dy', '0.35em').text(name);
  });
  root.selectAll('.chart-legend line.train-line').attr('stroke', TRAIN_COLOR);
  root.selectAll('.chart-legend line.test-line').attr('stroke', cssColor(POSITIVE)).attr('stroke-dasharray', '6 3');
  root.selectAll('.chart-legend line.pinned-train').attr('stroke', TRAIN_COLOR).attr('stroke-opacity', 0.25);
  root.append('line').attr('class', 'timeline-marker').attr('display', 'none').attr('pointer-events', 'none').attr('stroke', 'currentColor').attr('stroke-opacity', 0.6).attr('stroke-width', 1.5).attr('stroke-dasharray', '4 3');
  const hover = root.append('g').attr('class', 'chart-hover').attr('display', 'none').attr('pointer-events', 'none');
  hover.append('line').attr('class', 'hover-line').attr('stroke', TRAIN_COLOR).attr('stroke-opacity', 0.4).attr('stroke-width', 1);
  hover.append('circle').attr('class', 'hover-train').attr('r', 4).attr('fill', TRAIN_COLOR);
  hover.append('circle').attr('class', 'hover-test').attr('r', 4).attr('fill', cssColor(POSITIVE));
}

/** Draws both loss curves against the epoch in a chart of width × height pixels, and the learning-rate strip when asked; returns where. */
export function drawLossChart(svg: SVGSVGElement, width: number, height: number, series: ChartSeries): ChartGeometry {
  const root = d3.select(svg).attr('width', width).attr('height', height);
  const { points, logScale, showRate } = series;
  const pinned = series.pinned ?? [];
  const layout = chartLayout(width, height, pinned.length > 0 ? 3 : 2);
  const innerRight = layout.plot.right;
  const innerBottom = layout.plot.bottom;
  const stripHeight = Math.round(Math.min(STRIP.max, Math.max(STRIP.min, STRIP.share * height)));
  const plotBottom = showRate ? innerBottom - stripHeight - STRIP.gap : innerBottom;
  const all = [...points, ...pinned];
  const firstEpoch = d3.min(all, (p) => p.epoch) ?? 0;
  const lastEpoch = d3.max(all, (p) => p.epoch) ?? 1;
  const epochs = epochScale(firstEpoch, lastEpoch, MARGIN.left, innerRight, series.logEpochs);
  const x = epochs.scale;
  const xTicks = Math.max(2, Math.floor(width / 90));
  const losses = all.flatMap((p) => [p.trainLoss, p.testLoss]).filter((v) => Number.isFinite(v));
  // A linear axis follows even a tiny loss down (its ticks then read in powers of ten).
  const top = Math.max(d3.max(losses) ?? 1, logScale ? LOG_FLOOR * 10 : 1e-15);
  const y = logScale
    ? d3.scaleLog().domain([Math.max(LOG_FLOOR, d3.min(losses) ?? LOG_FLOOR), top]).range([plotBottom, MARGIN.top]).clamp(true)
    : d3.scaleLinear().domain([0, top]).range([plotBottom, MARGIN.top]).nice();
  const xAxis = d3.axisBottom(x).tickValues(epochs.ticks(xTicks)).tickFormat((value) => d3.format('~r')(Number(value)));
  root.select<SVGGElement>('.x-axis').attr('transform', `translate(0, ${innerBottom})`).call(series.logEpochs ? xAxis : d3.axisBottom(x).ticks(xTicks, '~r'));
  const yTicks = Math.max(2, Math.floor((plotBottom - MARGIN.top) / 30));
  const yFormat = lossTickFormat(y.domain()[1], yTicks);
  const yAxis = logScale ? d3.axisLeft(y).ticks(yTicks, '.0e') : d3.axisLeft(y).ticks(yTicks).tickFormat((value) => yFormat(Number(value)));
  root.select<SVGGElement>('.y-axis').attr('transform', `translate(${MARGIN.left}, 0)`).call(yAxis);
  // In the corner under the y axis, the one place the ticks leave free.
  root.select('.x-title').attr('x', MARGIN.left - 10).attr('y', height - 5);
  root.select('.y-title').attr('transform', `translate(14, ${(MARGIN.top + plotBottom) / 2}) rotate(-90)`).text(series.measure);
  root.select('.chart-legend').attr('transform', `translate(${layout.legend.left}, ${(layout.legend.top + layout.legend.bottom) / 2})`);
  root.select('.legend-pinned-train').attr('display', pinned.length > 0 ? null : 'none');
  const line = (pick: (p: HistoryPoint) => number) =>
    d3
      .line<HistoryPoint>()
      .defined((p) => Number.isFinite(pick(p)))
      .x((p) => x(p.epoch))
      .y((p) => y(Math.max(pick(p), logScale ? LOG_FLOOR : 0)));
  root.select('.train-line').attr('d', line((p) => p.trainLoss)(points as HistoryPoint[]) ?? '');
  root.select('.test-line').attr('d', line((p) => p.testLoss)(points as HistoryPoint[]) ?? '');
  root.select('.pinned-train').attr('d', line((p) => p.trainLoss)(pinned as HistoryPoint[]) ?? '');
  root.select('.pinned-test').attr('d', line((p) => p.testLoss)(pinned as HistoryPoint[]) ?? '');
  drawRateStrip(root, points, x, { left: MARGIN.left, right: innerRight, top: innerBottom - stripHeight, bottom: innerBottom, shown: showRate });
  return { points, x, y: (loss) => y(Math.max(loss, logScale ? LOG_FLOOR : 0)), left: MARGIN.left, right: innerRight, top: MARGIN.top, plotBottom, bottom: innerBottom, showRate };
}

/** The learning rate of each point as a filled strip from 0 (bottom) to the largest rate (top). */
function drawRateStrip(
  root: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  points: readonly HistoryPoint[],
  x: EpochScale,
  box: { left: number; right: number; top: number; bottom: number; shown: boolean },
): void {
  const strip = root.select('.lr-strip').attr('display', box.shown ? null : 'none');
  if (!box.shown) return;
  const peak = d3.max(points, (p) => p.learningRate) ?? 0;
  const rate = d3
    .scaleLinear()
    .domain([0, peak > 0 ? peak : 1])
    .range([box.bottom, box.top + 2]);
  strip.select('.lr-background').attr('x', box.left).attr('y', box.top).attr('width', Math.max(box.right - box.left, 0)).attr('height', box.bottom - box.top);
  // Each point holds the rate of the steps up to it: a step function ending at the point.
  const area = d3
    .area<HistoryPoint>()
    .curve(d3.curveStepBefore)
    .defined((p) => Number.isFinite(p.learningRate))
    .x((p) => x(p.epoch))
    .y0(box.bottom)
    .y1((p) => rate(p.learningRate));
  strip.select('.lr-area').attr('d', area(points as HistoryPoint[]) ?? '');
  strip.select('.lr-title').attr('x', box.left - 6).attr('y', (box.top + box.bottom) / 2);
  strip.select('.lr-peak').attr('x', box.right - 4).attr('y', box.top).text(peak > 0 ? `max ${d3.format('.2~g')(peak)}` : '');
}

/** The index of the point nearest to the pointer's x (px), or null when there are none. */
export function nearestPoint(geometry: ChartGeometry, pointerX: number): number | null {
  const { points, x } = geometry;
  if (points.length === 0) return null;
  let best = 0;
  for (let i = 1; i < points.length; i++) if (Math.abs(x(points[i].epoch) - pointerX) < Math.abs(x(points[best].epoch) - pointerX)) best = i;
  return best;
}

/** Marks point `index` with a vertical line and dots on both curves; hides the mark for null. */
export function drawHover(svg: SVGSVGElement, geometry: ChartGeometry, index: number | null): void {
  const hover = d3.select(svg).select('.chart-hover');
  const point = index === null ? undefined : geometry.points[index];
  if (!point) {
    hover.attr('display', 'none');
    return;
  }
  const px = geometry.x(point.epoch);
  hover.attr('display', null);
  hover.select('.hover-line').attr('x1', px).attr('x2', px).attr('y1', geometry.top).attr('y2', geometry.bottom);
  for (const [className, value] of [
    ['.hover-train', point.trainLoss],
    ['.hover-test', point.testLoss],
  ] as const) {
    hover
      .select(className)
      .attr('display', Number.isFinite(value) ? null : 'none')
      .attr('cx', px)
      .attr('cy', Number.isFinite(value) ? geometry.y(value) : 0);
  }
}

/** A dashed line at the epoch of the timeline snapshot the views show; none for the live model. */
export function drawTimelineMarker(svg: SVGSVGElement, geometry: ChartGeometry, epoch: number | null): void {
  const marker = d3.select(svg).select('.timeline-marker');
  const px = epoch === null ? NaN : geometry.x(epoch);
  if (!Number.isFinite(px)) {
    marker.attr('display', 'none');
    return;
  }
  marker.attr('display', null).attr('x1', px).attr('x2', px).attr('y1', geometry.top).attr('y2', geometry.bottom);
}

/** What the chart says about one point: "Epoch 12.5 · training loss 0.123 · test loss 0.145 · learning rate 0.005". */
export function pointSummary(point: HistoryPoint, measure: string, showRate: boolean): string {
  const epoch = String(Math.round(point.epoch * 100) / 100);
  const parts = [`Epoch ${epoch}`, `training ${measure} ${formatLoss(point.trainLoss)}`];
  if (Number.isFinite(point.testLoss)) parts.push(`test ${measure} ${formatLoss(point.testLoss)}`);
  if (showRate) parts.push(`learning rate ${Number(point.learningRate.toPrecision(3))}`);
  return parts.join(' · ');
}

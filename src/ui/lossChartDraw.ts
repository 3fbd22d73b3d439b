import * as d3 from 'd3';
import type { HistoryPoint } from '../train/history';
import { cssColor, POSITIVE } from './palette';

/** The loss chart's SVG, built and updated with d3. */

const MARGIN = { top: 8, right: 12, bottom: 22, left: 52 };
/** The smallest loss a log axis shows (losses can reach 0). */
const LOG_FLOOR = 1e-6;

export interface ChartSeries {
  points: readonly HistoryPoint[];
  logScale: boolean;
  /** The y axis title: "Loss" or "MSE". */
  measure: string;
  /** An earlier run's curves, drawn faintly for comparison. */
  pinned: readonly HistoryPoint[] | null;
}

/**
 * The epoch axis: at least one epoch wide, so that before training it reads 0 … 1 rather than a
 * sliver of an epoch, with labels as short as the numbers allow ("0", "0.5", "2000").
 */
export function epochScale(first: number, last: number, left: number, right: number): { scale: d3.ScaleLinear<number, number>; labels: (count: number) => string[] } {
  const scale = d3.scaleLinear().domain([first, Math.max(last, first + 1)]).range([left, right]);
  return { scale, labels: (count) => scale.ticks(count).map(scale.tickFormat(count, '~r')) };
}

/** Creates the chart's groups and paths inside `svg` (once). */
export function setUpLossChart(svg: SVGSVGElement): void {
  const root = d3.select(svg);
  root.selectAll('*').remove();
  root.append('g').attr('class', 'axis x-axis');
  root.append('g').attr('class', 'axis y-axis');
  root.append('text').attr('class', 'axis-title x-title').attr('text-anchor', 'end').text('Epoch');
  root.append('text').attr('class', 'axis-title y-title').attr('text-anchor', 'middle');
  // The pinned run goes first, so the current curves are drawn over it.
  root.append('path').attr('class', 'line pinned-train').attr('fill', 'none').attr('stroke', '#1a1a1a').attr('stroke-opacity', 0.25).attr('stroke-width', 2);
  root.append('path').attr('class', 'line pinned-test').attr('fill', 'none').attr('stroke', cssColor(POSITIVE)).attr('stroke-opacity', 0.3).attr('stroke-width', 2).attr('stroke-dasharray', '6 3');
  root.append('path').attr('class', 'line train-line').attr('fill', 'none').attr('stroke', '#1a1a1a').attr('stroke-width', 2);
  root.append('path').attr('class', 'line test-line').attr('fill', 'none').attr('stroke', cssColor(POSITIVE)).attr('stroke-width', 2).attr('stroke-dasharray', '6 3');
  const legend = root.append('g').attr('class', 'chart-legend');
  [
    { name: 'Training', className: 'train-line' },
    { name: 'Test', className: 'test-line' },
    { name: 'Pinned', className: 'pinned-train' },
  ].forEach(({ name, className }, i) => {
    const entry = legend.append('g').attr('class', `legend-${className}`).attr('transform', `translate(${i * 92}, 0)`);
    entry.append('line').attr('class', className).attr('x1', 0).attr('x2', 22).attr('y1', 0).attr('y2', 0).attr('stroke-width', 2);
    entry.append('text').attr('x', 28).attr('dy', '0.35em').text(name);
  });
  root.selectAll('.chart-legend line.train-line').attr('stroke', '#1a1a1a');
  root.selectAll('.chart-legend line.test-line').attr('stroke', cssColor(POSITIVE)).attr('stroke-dasharray', '6 3');
  root.selectAll('.chart-legend line.pinned-train').attr('stroke', '#1a1a1a').attr('stroke-opacity', 0.25);
}

/** Draws both loss curves against the epoch in a chart of width × height pixels. */
export function drawLossChart(svg: SVGSVGElement, width: number, height: number, series: ChartSeries): void {
  const root = d3.select(svg).attr('width', width).attr('height', height);
  const { points, logScale } = series;
  const pinned = series.pinned ?? [];
  const innerRight = width - MARGIN.right;
  const innerBottom = height - MARGIN.bottom;
  const all = [...points, ...pinned];
  const firstEpoch = d3.min(all, (p) => p.epoch) ?? 0;
  const lastEpoch = d3.max(all, (p) => p.epoch) ?? 1;
  const x = epochScale(firstEpoch, lastEpoch, MARGIN.left, innerRight).scale;
  const xTicks = Math.max(2, Math.floor(width / 90));
  const losses = all.flatMap((p) => [p.trainLoss, p.testLoss]).filter((v) => Number.isFinite(v));
  const top = Math.max(d3.max(losses) ?? 1, logScale ? LOG_FLOOR * 10 : 1e-3);
  const y = logScale
    ? d3.scaleLog().domain([Math.max(LOG_FLOOR, d3.min(losses) ?? LOG_FLOOR), top]).range([innerBottom, MARGIN.top]).clamp(true)
    : d3.scaleLinear().domain([0, top]).range([innerBottom, MARGIN.top]).nice();
  root.select<SVGGElement>('.x-axis').attr('transform', `translate(0, ${innerBottom})`).call(d3.axisBottom(x).ticks(xTicks, '~r'));
  root.select<SVGGElement>('.y-axis').attr('transform', `translate(${MARGIN.left}, 0)`).call(d3.axisLeft(y).ticks(Math.max(2, Math.floor((innerBottom - MARGIN.top) / 30)), logScale ? '.0e' : '.2~f'));
  // In the corner under the y axis, the one place the ticks leave free.
  root.select('.x-title').attr('x', MARGIN.left - 10).attr('y', height - 5);
  root.select('.y-title').attr('transform', `translate(14, ${(MARGIN.top + innerBottom) / 2}) rotate(-90)`).text(series.measure);
  const legendEntries = pinned.length > 0 ? 3 : 2;
  root.select('.chart-legend').attr('transform', `translate(${innerRight - 92 * legendEntries + 14}, ${MARGIN.top + 8})`);
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
}

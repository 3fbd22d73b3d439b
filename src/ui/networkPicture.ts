import type { NetworkPlan } from '../core/network';
import { escapeHtml } from '../io/labReport';
import { cssColor, NEGATIVE, POSITIVE } from './palette';

/**
 * The network as a standalone SVG for the lab report, drawn from its plan and weights (so it does
 * not depend on what the page shows): a column of neurons per layer, each connection as wide as
 * its weight is large, orange for positive and blue for negative, as in the page's diagram.
 */

/** Neurons drawn in one column at most; the rest are counted under it. */
export const MAX_DRAWN_NEURONS = 12;
const COLUMN_GAP = 130;
const ROW_GAP = 26;
const MARGIN = 40;
const RADIUS = 8;

interface Column {
  width: number;
  label: string;
}

function columnsOf(plan: NetworkPlan, inputLabels: readonly string[]): Column[] {
  const columns: Column[] = [{ width: plan.dense[0]?.in ?? inputLabels.length, label: 'Features' }];
  plan.dense.forEach((layer, i) => columns.push({ width: layer.out, label: i === plan.dense.length - 1 ? 'Output' : `Layer ${i + 1}` }));
  return columns;
}

const rounded = (value: number): string => String(Math.round(value * 10) / 10);

export function networkPictureSvg(plan: NetworkPlan, parameters: ArrayLike<number> | null, inputLabels: readonly string[]): string {
  const columns = columnsOf(plan, inputLabels);
  const tallest = Math.max(...columns.map((column) => Math.min(column.width, MAX_DRAWN_NEURONS)));
  const width = 2 * MARGIN + (columns.length - 1) * COLUMN_GAP + 60;
  const height = 2 * MARGIN + Math.max(1, tallest - 1) * ROW_GAP + 30;
  const x = (c: number) => MARGIN + 50 + c * COLUMN_GAP;
  const y = (c: number, n: number) => {
    const shown = Math.min(columns[c].width, MAX_DRAWN_NEURONS);
    return MARGIN + 10 + ((tallest - shown) / 2 + n) * ROW_GAP;
  };
  let largest = 0;
  if (parameters) for (let i = 0; i < plan.weightCount; i++) largest = Math.max(largest, Math.abs(parameters[i]));
  const parts: string[] = [];
  plan.dense.forEach((layer, l) => {
    for (let o = 0; o < Math.min(layer.out, MAX_DRAWN_NEURONS); o++) {
      for (let i = 0; i < Math.min(layer.in, MAX_DRAWN_NEURONS); i++) {
        const weight = parameters ? parameters[layer.weightOffset + o * layer.in + i] : 0;
        const share = largest > 0 ? Math.abs(weight) / largest : 0;
        const colour = parameters ? cssColor(weight >= 0 ? POSITIVE : NEGATIVE) : '#999999';
        parts.push(`<line x1="${x(l)}" y1="${rounded(y(l, i))}" x2="${x(l + 1)}" y2="${rounded(y(l + 1, o))}" stroke="${colour}" stroke-width="${rounded(0.5 + 4 * share)}" stroke-opacity="0.75"/>`);
      }
    }
  });
  columns.forEach((column, c) => {
    const shown = Math.min(column.width, MAX_DRAWN_NEURONS);
    for (let n = 0; n < shown; n++) {
      parts.push(`<circle cx="${x(c)}" cy="${rounded(y(c, n))}" r="${RADIUS}" fill="#ffffff" stroke="#1a1a1a" stroke-width="1.5"/>`);
      if (c === 0 && inputLabels[n]) parts.push(`<text x="${x(c) - RADIUS - 6}" y="${rounded(y(c, n) + 4)}" text-anchor="end">${escapeHtml(inputLabels[n])}</text>`);
    }
    const more = column.width > shown ? ` (+${column.width - shown} more)` : '';
    parts.push(`<text x="${x(c)}" y="${MARGIN - 12}" text-anchor="middle">${escapeHtml(column.label)}${more}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">${parts.join('')}</svg>`;
}

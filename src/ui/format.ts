/** How numbers are written on the page. */

/** Readouts change at most this often (ms): readable, and the page re-lays out text less. */
export const READOUT_INTERVAL_MS = 200;

/** Sets an element's text only when it differs (a change costs a layout). */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** A loss or MSE with 3 significant digits; "—" when unknown. */
export function formatLoss(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value !== 0 && (Math.abs(value) < 0.001 || Math.abs(value) >= 1e4)) return value.toExponential(2);
  return value.toPrecision(3);
}

/** An accuracy in [0, 1] as a percentage with one decimal; "—" when unknown. */
export function formatAccuracy(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(100 * value).toFixed(1)}%`;
}

/** Epochs: two decimals below 1 (a large network's first steps are a few hundredths), one below 10, then whole epochs with thousands separators. */
export function formatEpoch(epoch: number): string {
  if (epoch < 1) return epoch.toFixed(2);
  return epoch < 10 ? epoch.toFixed(1) : Math.floor(epoch).toLocaleString('en-US');
}

/** Steps per second, rounded to two significant digits above 100. */
export function formatRate(perSecond: number): string {
  if (perSecond <= 0) return '0';
  const rounded = perSecond >= 100 ? Number(perSecond.toPrecision(2)) : Math.round(perSecond);
  return rounded.toLocaleString('en-US');
}

/** A weight or activation for a tooltip. */
export function formatValue(value: number): string {
  return Number.isFinite(value) ? value.toPrecision(3) : String(value);
}

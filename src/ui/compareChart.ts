import type { SweepPoint } from '../train/sweepResults';
import { CLASS_COLORS, cssColor } from './palette';

/** The compare view's overlaid loss curves: pure geometry, drawn as SVG paths. */

export interface OverlayChart {
  /** One SVG path per curve ('' for a curve with no finite point). */
  paths: string[];
  /** The loss range of the y axis (log scale), and the last epoch of the x axis. */
  lossRange: [number, number];
  lastEpoch: number;
}

/**
 * Every curve in one box of `width` × `height`: epochs linear from 0 to the latest, losses on a
 * log scale over all finite values (a diverged run's NaN or ∞ breaks its line).
 */
export function overlayChart(curves: readonly (readonly SweepPoint[])[], width: number, height: number): OverlayChart {
  let lo = Infinity;
  let hi = -Infinity;
  let lastEpoch = 0;
  for (const curve of curves) {
    for (const point of curve) {
      lastEpoch = Math.max(lastEpoch, point.epoch);
      if (!(point.loss > 0) || !Number.isFinite(point.loss)) continue;
      lo = Math.min(lo, point.loss);
      hi = Math.max(hi, point.loss);
    }
  }
  if (lo > hi) return { paths: curves.map(() => ''), lossRange: [NaN, NaN], lastEpoch };
  const [logLo, logHi] = [Math.log10(lo), Math.log10(hi)];
  const span = Math.max(logHi - logLo, 1e-6);
  const x = (epoch: number) => (lastEpoch > 0 ? (epoch / lastEpoch) * width : 0);
  const y = (loss: number) => height - ((Math.log10(loss) - logLo) / span) * height;
  const paths = curves.map((curve) => {
    let path = '';
    let drawing = false;
    for (const point of curve) {
      if (!(point.loss > 0) || !Number.isFinite(point.loss)) {
        drawing = false;
        continue;
      }
      path += `${drawing ? 'L' : 'M'}${x(point.epoch).toFixed(1)},${y(point.loss).toFixed(1)}`;
      drawing = true;
    }
    return path;
  });
  return { paths, lossRange: [lo, hi], lastEpoch };
}

/** Dash patterns that tell the second axis's values apart (the first axis has the colours). */
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];

/** How run `index` of a sweep with `columns` values on its second axis is drawn: its colour by row, its dash by column. */
export function seriesStyle(index: number, columns: number): { color: string; dash: string } {
  const row = Math.floor(index / columns);
  const column = index % columns;
  return { color: cssColor(CLASS_COLORS[row % CLASS_COLORS.length]), dash: DASHES[column % DASHES.length] };
}

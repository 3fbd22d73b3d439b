import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../src/train/history';
import * as d3 from 'd3';
import { chartLayout, epochScale, logEpochTicks, lossTickFormat, nearestPoint, pointSummary, type ChartGeometry } from '../../src/ui/lossChartDraw';

const point = (epoch: number, patch: Partial<HistoryPoint> = {}): HistoryPoint => ({ epoch, trainLoss: 0.5, testLoss: 0.6, trainAccuracy: NaN, testAccuracy: NaN, learningRate: 0.01, ...patch });

describe('the loss chart\'s log epoch axis', () => {
  it('keeps the first epochs readable in a long run: epoch 1 sits well into the axis', () => {
    const { scale } = epochScale(0, 5000, 52, 452, true);
    expect(scale(0)).toBe(52);
    expect(scale(5000)).toBeCloseTo(452, 6);
    // On a linear axis epoch 10 of 5000 is under a pixel from 0; here it is about a quarter of the way.
    expect(scale(10) - 52).toBeGreaterThan(100);
  });

  it('reads 0 … 1 before the first epoch, with short labels', () => {
    const { scale, labels } = epochScale(0, 0.01, 52, 400, true);
    expect(scale.domain()).toEqual([0, 1]);
    expect(labels(5)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
  });

  it('ticks 0, 1, 2, 5, 10 … and thins them to powers of ten when room is short', () => {
    expect(logEpochTicks(60, 10)).toEqual([0, 1, 2, 5, 10, 20, 50]);
    expect(logEpochTicks(5000, 6)).toEqual([0, 1, 10, 100, 1000]);
    expect(logEpochTicks(5e6, 4)).toEqual([0, 10, 1000, 100000]);
    expect(epochScale(0, 2400, 52, 400, true).labels(8)).toEqual(['0', '1', '10', '100', '1000']);
  });
});

describe('the loss axis', () => {
  /** The tick labels a linear axis from 0 to the largest loss shows, as drawLossChart builds it. */
  const tickLabels = (largest: number, count = 4) => {
    const y = d3.scaleLinear().domain([0, largest]).nice();
    const format = lossTickFormat(y.domain()[1], count);
    return y.ticks(count).map(format);
  };

  it('reads a tiny loss (a run opened from a comparison at 9.4e-11) in powers of ten, every tick different', () => {
    const labels = tickLabels(9.4e-11);
    expect(labels).toEqual(['0e+0', '2e-11', '4e-11', '6e-11', '8e-11', '1e-10']);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('gives small losses the decimals their step needs, and keeps two for the usual range', () => {
    expect(tickLabels(0.004)).toEqual(['0', '0.001', '0.002', '0.003', '0.004']);
    expect(tickLabels(0.69)).toEqual(['0', '0.2', '0.4', '0.6']);
    expect(tickLabels(2.3, 5)).toEqual(['0', '0.5', '1', '1.5', '2']);
  });
});

describe('the loss chart\'s legend', () => {
  it('sits outside the curves\' area, whatever the chart\'s size and entries (a loss near 0.69 runs along its top)', () => {
    for (const [width, height] of [
      [420, 140],
      [560, 180],
      [900, 260],
    ]) {
      for (const entries of [2, 3]) {
        const { plot, legend } = chartLayout(width, height, entries);
        expect(legend.bottom).toBeLessThanOrEqual(plot.top);
        expect(legend.top).toBeGreaterThanOrEqual(0);
        expect(legend.right).toBeLessThanOrEqual(width);
        expect(legend.left).toBeGreaterThan(plot.left);
      }
    }
  });
});

describe('the values under the pointer', () => {
  it('names the epoch, both losses and, with a schedule, the learning rate', () => {
    expect(pointSummary(point(12.5, { trainLoss: 0.1234, testLoss: 0.1456, learningRate: 0.005 }), 'loss', true)).toBe('Epoch 12.5 · training loss 0.123 · test loss 0.146 · learning rate 0.005');
    expect(pointSummary(point(3, { testLoss: NaN }), 'MSE', false)).toBe('Epoch 3 · training MSE 0.500');
    expect(pointSummary(point(0.0454), 'loss', false)).toBe('Epoch 0.05 · training loss 0.500 · test loss 0.600');
  });

  it('finds the point nearest to the pointer', () => {
    const points = [point(0), point(1), point(2), point(10)];
    const geometry: ChartGeometry = { points, x: (epoch) => 50 + 10 * epoch, y: (loss) => loss, left: 50, right: 150, top: 0, plotBottom: 100, bottom: 100, showRate: false };
    expect(nearestPoint(geometry, 0)).toBe(0);
    expect(nearestPoint(geometry, 64)).toBe(1);
    expect(nearestPoint(geometry, 120)).toBe(3);
    expect(nearestPoint({ ...geometry, points: [] }, 60)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { overlayChart, seriesStyle } from '../../src/ui/compareChart';

describe("the compare view's loss chart", () => {
  it('puts every curve on one log-loss scale over the epochs, breaking a line where the loss is not finite', () => {
    const chart = overlayChart(
      [
        [
          { epoch: 0, loss: 1 },
          { epoch: 2, loss: 0.01 },
        ],
        [
          { epoch: 0, loss: 0.1 },
          { epoch: 1, loss: NaN },
          { epoch: 2, loss: 0.1 },
        ],
        [],
      ],
      100,
      50,
    );
    expect(chart.lossRange).toEqual([0.01, 1]);
    expect(chart.lastEpoch).toBe(2);
    expect(chart.paths).toEqual(['M0.0,0.0L100.0,50.0', 'M0.0,25.0M100.0,25.0', '']);
  });

  it('has no scale before any loss', () => {
    expect(overlayChart([[]], 100, 50)).toEqual({ paths: [''], lossRange: [NaN, NaN], lastEpoch: 0 });
  });

  it('colours runs by the first setting and dashes them by the second', () => {
    expect(seriesStyle(1, 4).color).toBe(seriesStyle(0, 4).color);
    expect(seriesStyle(4, 4).color).not.toBe(seriesStyle(0, 4).color);
    expect(seriesStyle(1, 4).dash).not.toBe(seriesStyle(0, 4).dash);
    expect(seriesStyle(5, 4).dash).toBe(seriesStyle(1, 4).dash);
  });
});

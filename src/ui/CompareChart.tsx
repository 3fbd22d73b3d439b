import type { ReactNode } from 'react';
import type { SweepRunner } from '../train/sweep';
import { overlayChart, seriesStyle } from './compareChart';
import { formatEpoch, formatLoss } from './format';

const WIDTH = 400;
const HEIGHT = 140;

/** Every run's test loss over the epochs in one chart (log scale): colour by the first axis's value, dash by the second's. */
export function CompareChart({ runner, columns }: { runner: SweepRunner; columns: number }): ReactNode {
  const chart = overlayChart(
    runner.runs.map((run) => run.curve),
    WIDTH,
    HEIGHT,
  );
  return (
    <figure className="compare-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label="Test loss of every run">
        {chart.paths.map((path, index) => {
          const { color, dash } = seriesStyle(index, columns);
          return <path key={index} d={path} stroke={color} strokeDasharray={dash || undefined} fill="none" vectorEffect="non-scaling-stroke" />;
        })}
      </svg>
      <figcaption>
        Test loss, log scale: {formatLoss(chart.lossRange[0])} to {formatLoss(chart.lossRange[1])}, over {formatEpoch(chart.lastEpoch)} epochs. Colour: first setting; dashes: second.
      </figcaption>
    </figure>
  );
}

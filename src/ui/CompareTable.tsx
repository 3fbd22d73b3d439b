import type { ReactNode } from 'react';
import { SWEEP_AXES, sweepValueText, type SweepAxis } from '../core/sweepAxes';
import type { SweepRunner } from '../train/sweep';
import { TARGET_LOSS, type SweepResult } from '../train/sweepResults';
import { formatAccuracy, formatEpoch, formatLoss } from './format';

/** When a run reached the target loss, as precisely as the observations around it tell: "≈ 41", or "≤ 12" when the first observation was already below. */
function crossingText(result: SweepResult): { text: string; title: string } {
  const { epochsToTarget: epoch, targetBetween: between } = result;
  if (epoch === null || between === null) return { text: '—', title: `Not yet at a test loss of ${TARGET_LOSS}` };
  if (between[0] === 0 && epoch === between[1]) return { text: `≤ ${formatEpoch(epoch)}`, title: `Already at or below ${TARGET_LOSS} at the first measurement, epoch ${formatEpoch(epoch)}` };
  return { text: `≈ ${formatEpoch(epoch)}`, title: `Interpolated between the measurements at epochs ${formatEpoch(between[0])} and ${formatEpoch(between[1])}` };
}

/** The runs ranked best first: their values, best and final loss, accuracy, the epoch they reached the target loss; Open and Export weights per run. */
export function CompareTable({ axes, runner, ranked, onOpen, onExport }: { axes: readonly SweepAxis[]; runner: SweepRunner; ranked: readonly SweepResult[]; onOpen(index: number): void; onExport(index: number): void }): ReactNode {
  return (
    <table className="compare-table" aria-label="Runs ranked by final loss">
      <thead>
        <tr>
          <th scope="col">#</th>
          {axes.map((axis) => (
            <th scope="col" key={axis.key}>
              {SWEEP_AXES[axis.key].label}
            </th>
          ))}
          <th scope="col" title="The lowest test loss so far">
            Best
          </th>
          <th scope="col" title="The latest test loss">
            Final
          </th>
          <th scope="col" title="Test accuracy now">
            Acc.
          </th>
          <th scope="col" title={`The epoch the test loss reached ${TARGET_LOSS}: the losses are measured every second or so, so it is interpolated between the measurements around it (point at a value for them)`}>
            Epochs to {TARGET_LOSS}
          </th>
          {/* Not visually hidden text: an absolutely placed span would escape the panel's scrolling. */}
          <th scope="col" aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {ranked.map((result, rank) => {
          const run = runner.runs[result.index];
          const crossing = crossingText(result);
          return (
            <tr key={result.index} data-run={result.index}>
              <td>{rank + 1}</td>
              {run.spec.values.map((value, i) => (
                <td key={i}>{sweepValueText(value)}</td>
              ))}
              <td>{formatLoss(result.bestLoss)}</td>
              <td>{result.diverged ? 'diverged' : formatLoss(result.finalLoss)}</td>
              <td>{formatAccuracy(result.accuracy)}</td>
              <td title={crossing.title}>{crossing.text}</td>
              <td className="compare-actions">
                <button type="button" className="small" aria-label={`Open ${result.label}`} onClick={() => onOpen(result.index)}>
                  Open
                </button>
                <button type="button" className="small" aria-label={`Export weights of ${result.label}`} title="Download this run's weights file" onClick={() => onExport(result.index)}>
                  Weights
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

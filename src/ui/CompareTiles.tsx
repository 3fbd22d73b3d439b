import { useEffect, useRef, type ReactNode } from 'react';
import { sweepValueText } from '../core/sweepAxes';
import type { SweepRun, SweepRunner } from '../train/sweep';
import { seriesStyle } from './compareChart';
import { formatLoss } from './format';
import { useDrawnVersion } from './drawnView';
import { drawBoundary } from './planeDraw';

const TILE_PIXELS = 96;

/** One run's plane, redrawn when its grid changes. */
function Tile({ run, dataset, columns, version, onOpen }: { run: SweepRun; dataset: SweepRunner['dataset']; columns: number; version: number; onOpen(): void }): ReactNode {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawn = useDrawnVersion();
  useEffect(() => {
    if (!run.grid || !drawn.changed(run.grid)) return;
    drawBoundary(canvas.current!, run.grid, dataset, false);
  }, [run, dataset, version, drawn]);
  const loss = run.curve.at(-1)?.loss;
  const { color } = seriesStyle(run.index, columns);
  return (
    <button type="button" className="compare-tile" style={{ borderColor: color }} aria-label={`Open ${run.label} (plane)`} title={`${run.label}: make it the main experiment`} onClick={onOpen}>
      <canvas ref={canvas} width={TILE_PIXELS} height={TILE_PIXELS} aria-hidden="true" />
      <span className="compare-tile-label">{run.spec.values.map(sweepValueText).join(' · ')}</span>
      <span className="compare-tile-loss">{run.diverged ? 'diverged' : `loss ${formatLoss(loss)}`}</span>
    </button>
  );
}

/** The small multiples: every run's plane live, its first axis down, its second across. */
export function CompareTiles({ runner, columns, version, onOpen }: { runner: SweepRunner; columns: number; version: number; onOpen(index: number): void }): ReactNode {
  return (
    <div className="compare-tiles" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
      {runner.runs.map((run) => (
        <Tile key={run.index} run={run} dataset={runner.dataset} columns={columns} version={version} onOpen={() => onOpen(run.index)} />
      ))}
    </div>
  );
}

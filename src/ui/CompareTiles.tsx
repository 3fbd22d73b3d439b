import { useEffect, useRef, type ReactNode } from 'react';
import { sweepValueText } from '../core/sweepAxes';
import type { SweepRun, SweepRunner } from '../train/sweep';
import { useServices } from './appContext';
import { seriesStyle } from './compareChart';
import { formatLoss } from './format';
import { useDrawnVersion } from './drawnView';
import { drawBoundary } from './planeDraw';

const TILE_PIXELS = 96;

/** One run's plane, redrawn when its grid changes; pointing at it or focusing it previews the run on the main plane. */
function Tile({ run, dataset, columns, version, onOpen, onPreview }: { run: SweepRun; dataset: SweepRunner['dataset']; columns: number; version: number; onOpen(): void; onPreview(shown: boolean): void }): ReactNode {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawn = useDrawnVersion();
  useEffect(() => {
    if (!run.grid || !drawn.changed(run.grid)) return;
    drawBoundary(canvas.current!, run.grid, dataset, false);
  }, [run, dataset, version, drawn]);
  const loss = run.curve.at(-1)?.loss;
  const { color } = seriesStyle(run.index, columns);
  return (
    <button
      type="button"
      className="compare-tile"
      style={{ borderColor: color }}
      aria-label={`Open ${run.label} (plane)`}
      title={`${run.label}: make it the main experiment`}
      onClick={onOpen}
      onPointerEnter={() => onPreview(true)}
      onPointerLeave={() => onPreview(false)}
      onFocus={() => onPreview(true)}
      onBlur={() => onPreview(false)}
    >
      <canvas ref={canvas} width={TILE_PIXELS} height={TILE_PIXELS} aria-hidden="true" />
      <span className="compare-tile-label">{run.spec.values.map(sweepValueText).join(' · ')}</span>
      <span className="compare-tile-loss">{run.diverged ? 'diverged' : `loss ${formatLoss(loss)}`}</span>
    </button>
  );
}

/** The small multiples: every run's plane live, its first axis down, its second across; the run pointed at or focused is previewed on the main plane. */
export function CompareTiles({ runner, columns, version, onOpen }: { runner: SweepRunner; columns: number; version: number; onOpen(index: number): void }): ReactNode {
  const { store } = useServices();
  const preview = (run: SweepRun, shown: boolean) => {
    if (shown) store.setState({ comparePreview: { label: run.label, grid: () => run.grid } });
    else if (store.getState().comparePreview?.label === run.label) store.setState({ comparePreview: null });
  };
  // No preview outlives the tiles (the view closes, the sweep changes).
  useEffect(() => () => store.setState({ comparePreview: null }), [store, runner]);
  return (
    <div className="compare-tiles" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
      {runner.runs.map((run) => (
        <Tile key={run.index} run={run} dataset={runner.dataset} columns={columns} version={version} onOpen={() => onOpen(run.index)} onPreview={(shown) => preview(run, shown)} />
      ))}
    </div>
  );
}

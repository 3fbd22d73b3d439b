import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useAppState, useRunFrame, useRunStatus, useServices } from './appContext';
import { useDrawnVersion, useViewSize } from './drawnView';
import { Toggle } from './fields';
import { drawHover, drawLossChart, drawTimelineMarker, nearestPoint, pointSummary, setUpLossChart, type ChartGeometry } from './lossChartDraw';
import { updateView } from './store';
import { Hideable } from './Hideable';
import { TimelineSlider } from './TimelineSlider';
import './lossChart.css';

/** The chart is redrawn at most this often (ms). */
const CHART_INTERVAL_MS = 250;

/**
 * Training and test loss against epochs (d3), with log-scale toggles for both axes, a pinned
 * earlier run to compare with, and the learning rate in a strip under the curves when a schedule
 * is set. Pointing at the chart (or Left/Right on it, focused) shows the values at an epoch.
 * The training timeline sits under it; a dashed line marks the epoch of the snapshot it shows.
 */
export function LossChart(): ReactNode {
  const { store, run } = useServices();
  const logScale = useAppState((state) => state.view.logScale);
  const logEpochs = useAppState((state) => state.view.logEpochs);
  const showRate = useAppState((state) => state.config.training.lrSchedule !== 'constant');
  const pinned = useAppState((state) => state.pinned);
  const comparing = useAppState((state) => state.view.panel === 'compare');
  const comparedRuns = useAppState((state) => state.compare.reduce((runs, axis) => runs * axis.values.length, 1));
  const { playing } = useRunStatus();
  const svg = useRef<SVGSVGElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const size = useViewSize(box);
  const drawn = useDrawnVersion();
  const geometry = useRef<ChartGeometry | null>(null);
  const measure = useRef('loss');
  const [hovered, setHovered] = useState<number | null>(null);
  const hoveredRef = useRef<number | null>(null);
  hoveredRef.current = hovered;

  useEffect(() => setUpLossChart(svg.current!), []);

  useRunFrame(
    (current) => {
      const scrubbedEpoch = current.scrubbed?.epoch ?? null;
      if (size.width === 0 || !drawn.changed(current.history.version, logScale, logEpochs, showRate, size, pinned, scrubbedEpoch)) return;
      const regression = current.dataset?.task.kind === 'regression';
      measure.current = regression ? 'MSE' : 'loss';
      geometry.current = drawLossChart(svg.current!, size.width, size.height, { points: current.history.values, logScale, logEpochs, showRate, measure: regression ? 'MSE' : 'Loss', pinned });
      drawTimelineMarker(svg.current!, geometry.current, scrubbedEpoch);
      const index = hoveredRef.current;
      if (index !== null) {
        const kept = Math.min(index, current.history.values.length - 1);
        drawHover(svg.current!, geometry.current, kept >= 0 ? kept : null);
        setHovered(kept >= 0 ? kept : null);
      }
    },
    [logScale, logEpochs, showRate, size, pinned],
    CHART_INTERVAL_MS,
  );

  const show = (index: number | null) => {
    if (geometry.current) drawHover(svg.current!, geometry.current, index);
    setHovered(index);
  };
  const lastPoint = (): number | null => {
    const count = geometry.current?.points.length ?? 0;
    return count > 0 ? count - 1 : null;
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!geometry.current) return;
    const x = event.clientX - svg.current!.getBoundingClientRect().left;
    show(x >= geometry.current.left - 8 && x <= geometry.current.right + 8 ? nearestPoint(geometry.current, x) : null);
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const count = geometry.current?.points.length ?? 0;
    if (count === 0) return;
    const last = count - 1;
    const at = hovered ?? last;
    const moves: Record<string, number> = { ArrowLeft: at - 1, ArrowRight: at + 1, PageDown: at - 10, PageUp: at + 10, Home: 0, End: last };
    if (event.key === 'Escape') show(null);
    else if (event.key in moves) show(Math.max(0, Math.min(last, hovered === null ? last : moves[event.key])));
    else return;
    event.preventDefault();
  };
  const point = hovered === null ? undefined : geometry.current?.points[hovered];
  const tooltipLeft = point && geometry.current ? geometry.current.x(point.epoch) : 0;

  return (
    <section className="panel chart-panel" aria-labelledby="chart-heading">
      <div className="panel-head">
        <h2 id="chart-heading">Loss</h2>
        <Hideable id="pinRun">
          {pinned ? (
            <button type="button" className="small" title="Remove the reference curves" onClick={() => store.setState({ pinned: null })}>
              Unpin
            </button>
          ) : (
            <button type="button" className="small" title="Keep these curves as a faint reference for the next run" onClick={() => store.setState({ pinned: [...run.history.values] })}>
              Pin run
            </button>
          )}
        </Hideable>
        <Hideable id="compare">
          <button type="button" className="small compare-button" aria-pressed={comparing} title="Train runs that differ in one or two settings side by side" onClick={() => updateView(store, { panel: comparing ? 'none' : 'compare' })}>
            Compare
          </button>
        </Hideable>
        <Hideable id="logScale">
          <span className="chart-scales">
            <Toggle label="Log scale" checked={logScale} onChange={(value) => updateView(store, { logScale: value })} />
            <Toggle label="Log epochs" checked={logEpochs} onChange={(value) => updateView(store, { logEpochs: value })} />
          </span>
        </Hideable>
      </div>
      <div ref={box} className="loss-chart">
        <svg
          ref={svg}
          role="img"
          aria-label="Loss chart"
          aria-describedby="loss-chart-values"
          tabIndex={0}
          onPointerMove={onPointerMove}
          onPointerLeave={() => show(null)}
          onKeyDown={onKeyDown}
          onFocus={() => hovered === null && show(lastPoint())}
          onBlur={() => show(null)}
        />
        {comparing && !playing && (
          <p className="chart-note" role="note">
            Comparing {comparedRuns} runs: their curves are in the Compare panel.
          </p>
        )}
        <div id="loss-chart-values" className={point ? 'chart-tooltip' : 'chart-tooltip empty'} aria-live="polite" style={{ left: tooltipLeft, transform: tooltipLeft > size.width / 2 ? 'translateX(calc(-100% - 10px))' : 'translateX(10px)' }}>
          {point ? pointSummary(point, measure.current, showRate) : ''}
        </div>
      </div>
      <Hideable id="timeline">
        <TimelineSlider />
      </Hideable>
    </section>
  );
}

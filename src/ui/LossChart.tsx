import { useEffect, useRef, type ReactNode } from 'react';
import { useAppState, useRunFrame, useServices } from './appContext';
import { useDrawnVersion, useViewSize } from './drawnView';
import { Toggle } from './fields';
import { drawLossChart, setUpLossChart } from './lossChartDraw';
import { updateView } from './store';
import { Hideable } from './Hideable';

/** The chart is redrawn at most this often (ms). */
const CHART_INTERVAL_MS = 250;

/** Training and test loss against epochs (d3), with a log-scale toggle and a pinned earlier run to compare with. */
export function LossChart(): ReactNode {
  const { store, run } = useServices();
  const logScale = useAppState((state) => state.view.logScale);
  const pinned = useAppState((state) => state.pinned);
  const svg = useRef<SVGSVGElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const size = useViewSize(box);
  const drawn = useDrawnVersion();

  useEffect(() => setUpLossChart(svg.current!), []);

  useRunFrame(
    (current) => {
      if (size.width === 0 || !drawn.changed(current.history.version, logScale, size, pinned)) return;
      drawLossChart(svg.current!, size.width, size.height, { points: current.history.values, logScale, measure: current.dataset?.task.kind === 'regression' ? 'MSE' : 'Loss', pinned });
    },
    [logScale, size, pinned],
    CHART_INTERVAL_MS,
  );
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
        <Hideable id="logScale">
          <Toggle label="Log scale" checked={logScale} onChange={(value) => updateView(store, { logScale: value })} />
        </Hideable>
      </div>
      <div ref={box} className="loss-chart">
        <svg ref={svg} role="img" aria-label="Loss chart" />
      </div>
    </section>
  );
}

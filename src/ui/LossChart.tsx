import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useAppState, useRunFrame, useServices } from './appContext';
import { Toggle } from './fields';
import { drawLossChart, setUpLossChart } from './lossChartDraw';
import { updateView } from './store';

/** The chart is redrawn at most this often (ms). */
const CHART_INTERVAL_MS = 250;

/** Training and test loss against epochs (d3), with a log-scale toggle. */
export function LossChart(): ReactNode {
  const { store } = useServices();
  const logScale = useAppState((state) => state.view.logScale);
  const svg = useRef<SVGSVGElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });

  useEffect(() => {
    setUpLossChart(svg.current!);
    const element = box.current!;
    const observer = new ResizeObserver(() => setSize({ width: element.clientWidth, height: element.clientHeight }));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const drawn = useRef('');
  useRunFrame(
    (run) => {
      const key = `${run.history.version} ${logScale} ${size.width}×${size.height}`;
      if (size.width === 0 || drawn.current === key) return;
      drawn.current = key;
      drawLossChart(svg.current!, size.width, size.height, { points: run.history.values, logScale, measure: run.dataset?.task.kind === 'regression' ? 'MSE' : 'Loss' });
    },
    [logScale, size],
    CHART_INTERVAL_MS,
  );
  return (
    <section className="panel chart-panel" aria-labelledby="chart-heading">
      <div className="panel-head">
        <h2 id="chart-heading">Loss</h2>
        <Toggle label="Log scale" checked={logScale} onChange={(value) => updateView(store, { logScale: value })} />
      </div>
      <div ref={box} className="loss-chart">
        <svg ref={svg} role="img" aria-label="Loss chart" />
      </div>
    </section>
  );
}

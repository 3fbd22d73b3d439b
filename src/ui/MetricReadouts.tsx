import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { RunNews } from '../train/run';
import { useAppState, useRunFrame, useServices } from './appContext';
import { taskOf } from './configTask';
import type { SplitReading } from './classReadings';
import { formatAccuracy, formatEpoch, formatLoss, READOUT_INTERVAL_MS, setText } from './format';
import { updateView } from './store';
import { useClassReadings } from './useClassReadings';

const READOUTS = ['Training loss', 'Test loss', 'Training accuracy', 'Test accuracy'] as const;
type Readout = (typeof READOUTS)[number];

/** How long after a pause or a +1 epoch the announcement waits, so that it reads the settled numbers. */
const SETTLE_MS = 600;

/**
 * Loss (cross-entropy, or MSE for regression) and accuracy of both splits as a small table, written straight into
 * the page. The readouts are not live regions (they change many times a second); one polite
 * announcement reads them out after a pause, a finished +1 epoch and a divergence.
 */
export function MetricReadouts(): ReactNode {
  const { run, store } = useServices();
  const regression = useAppState((state) => taskOf(state).kind === 'regression');
  const panel = useAppState((state) => state.view.panel);
  const outputs = useRef<Partial<Record<Readout, HTMLOutputElement | null>>>({});
  const [announcement, setAnnouncement] = useState('');
  useRunFrame(
    (current) => {
      const metrics = current.metrics;
      const values: Record<Readout, string> = {
        'Training loss': formatLoss(metrics?.train.loss),
        'Test loss': formatLoss(metrics?.test?.loss),
        'Training accuracy': formatAccuracy(metrics?.train.accuracy),
        'Test accuracy': formatAccuracy(metrics?.test?.accuracy),
      };
      for (const name of READOUTS) {
        const output = outputs.current[name];
        if (output) setText(output, values[name]);
      }
    },
    [],
    READOUT_INTERVAL_MS,
  );
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const summary = (news: RunNews) => {
      const metrics = run.metrics;
      const numbers = `epoch ${formatEpoch(run.epoch)}, training loss ${formatLoss(metrics?.train.loss)}, test loss ${formatLoss(metrics?.test?.loss)}`;
      const accuracy = metrics?.train.accuracy === undefined ? '' : `, test accuracy ${formatAccuracy(metrics?.test?.accuracy)}`;
      const what = news.kind === 'paused' ? 'Paused' : news.kind === 'stepped' ? 'Trained one epoch' : 'Training diverged';
      return `${what}: ${numbers}${accuracy}.`;
    };
    const unsubscribe = run.onNews((news) => {
      // These come with a notice of their own, which is read out.
      if (news.kind === 'failover' || news.kind === 'stopped' || news.kind === 'unshown') return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => setAnnouncement(summary(news)), SETTLE_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [run]);
  const readout = (name: Readout) => (
    <output aria-label={name} aria-live="off" ref={(element) => void (outputs.current[name] = element)}>
      —
    </output>
  );
  return (
    <div className="metrics" role="group" aria-label="Metrics">
      {regression ? (
        <span />
      ) : (
        <button type="button" className="small metrics-more" aria-pressed={panel === 'confusion'} onClick={() => updateView(store, { panel: panel === 'confusion' ? 'none' : 'confusion' })}>
          Confusion matrix
        </button>
      )}
      <span className="column-head">Training</span>
      <span className="column-head">Test</span>
      <span className="row-head" title={regression ? 'Loss: mean squared error, the mean of (ŷ − y)²' : 'Loss: cross-entropy, the mean of −log of the probability given to the true class'}>
        {regression ? 'Loss (MSE)' : 'Cross-entropy'}
      </span>
      {readout('Training loss')}
      {readout('Test loss')}
      {regression ? (
        <RegressionRows />
      ) : (
        <>
          <span className="row-head">Accuracy</span>
          {readout('Training accuracy')}
          {readout('Test accuracy')}
        </>
      )}
      <div className="visually-hidden" role="status" aria-live="polite" aria-label="Training news">
        {announcement}
      </div>
    </div>
  );
}

const formatShare = (value: number | undefined): string => (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(3));
const regressionValue = (reading: SplitReading | null | undefined, key: 'rSquared' | 'rmse'): number | undefined => (reading?.kind === 'regression' ? reading[key] : undefined);

/** R² and RMSE of both splits in one row (the plane's room leaves the metrics two rows), from the model's predictions, read at most once a second. */
function RegressionRows(): ReactNode {
  const readings = useClassReadings(true);
  const pair = (split: 'Training' | 'Test', reading: SplitReading | null | undefined) => (
    <span className="metric-pair">
      <output aria-label={`${split} R²`} aria-live="off">
        {formatShare(regressionValue(reading, 'rSquared'))}
      </output>
      <span aria-hidden="true"> · </span>
      <output aria-label={`${split} RMSE`} aria-live="off">
        {formatLoss(regressionValue(reading, 'rmse'))}
      </output>
    </span>
  );
  return (
    <>
      <span className="row-head" title="R²: 1 − Σ(ŷ − y)² / Σ(y − ȳ)², 1 is perfect and 0 no better than predicting the mean. RMSE: √(mean of (ŷ − y)²), in the units of the target">
        R² · RMSE
      </span>
      {pair('Training', readings?.train)}
      {pair('Test', readings?.test)}
    </>
  );
}

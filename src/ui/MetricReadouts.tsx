import { useRef, type ReactNode } from 'react';
import { useAppState, useRunFrame } from './appContext';
import { taskOf } from './configTask';
import { formatAccuracy, formatLoss, READOUT_INTERVAL_MS, setText } from './format';

const READOUTS = ['Training loss', 'Test loss', 'Training accuracy', 'Test accuracy'] as const;
type Readout = (typeof READOUTS)[number];

/** Loss (MSE for regression) and accuracy of both splits as a small table, written straight into the page. */
export function MetricReadouts(): ReactNode {
  const regression = useAppState((state) => taskOf(state.config.data).kind === 'regression');
  const outputs = useRef<Partial<Record<Readout, HTMLOutputElement | null>>>({});
  useRunFrame(
    (run) => {
      const metrics = run.metrics;
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
  const readout = (name: Readout) => (
    <output aria-label={name} ref={(element) => void (outputs.current[name] = element)}>
      —
    </output>
  );
  return (
    <div className="metrics" role="group" aria-label="Metrics">
      <span />
      <span className="column-head">Training</span>
      <span className="column-head">Test</span>
      <span className="row-head">{regression ? 'Loss (MSE)' : 'Loss'}</span>
      {readout('Training loss')}
      {readout('Test loss')}
      <span className="row-head">Accuracy</span>
      {readout('Training accuracy')}
      {readout('Test accuracy')}
    </div>
  );
}

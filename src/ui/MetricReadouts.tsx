import { useRef, type ReactNode } from 'react';
import { useRunFrame } from './appContext';
import { formatAccuracy, formatLoss, READOUT_INTERVAL_MS, setText } from './format';

const READOUTS = [
  { id: 'train-loss', label: 'Training loss' },
  { id: 'test-loss', label: 'Test loss' },
  { id: 'train-accuracy', label: 'Training accuracy' },
  { id: 'test-accuracy', label: 'Test accuracy' },
] as const;

/** Loss (MSE for regression) and accuracy of both splits, written straight into the page each frame. */
export function MetricReadouts(): ReactNode {
  const outputs = useRef<Record<string, HTMLOutputElement | null>>({});
  useRunFrame(
    (run) => {
      const metrics = run.metrics;
      const values: Record<(typeof READOUTS)[number]['id'], string> = {
        'train-loss': formatLoss(metrics?.train.loss),
        'test-loss': formatLoss(metrics?.test?.loss),
        'train-accuracy': formatAccuracy(metrics?.train.accuracy),
        'test-accuracy': formatAccuracy(metrics?.test?.accuracy),
      };
      for (const { id } of READOUTS) {
        const output = outputs.current[id];
        if (output) setText(output, values[id]);
      }
    },
    [],
    READOUT_INTERVAL_MS,
  );
  return (
    <div className="metrics">
      {READOUTS.map(({ id, label }) => (
        <div key={id} className="readout">
          <label htmlFor={id}>{label}</label>
          <output id={id} ref={(element) => void (outputs.current[id] = element)}>
            —
          </output>
        </div>
      ))}
    </div>
  );
}

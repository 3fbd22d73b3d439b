import { useState, type CSSProperties, type ReactNode } from 'react';
import type { ConfusionMatrix as Matrix } from '../core/classMetrics';
import type { SplitReading } from './classReadings';
import { formatAccuracy } from './format';
import { classColor, cssColor } from './palette';
import { useClassReadings } from './useClassReadings';
import { SidePanel } from './SidePanel';

type Split = 'test' | 'train';
const SPLIT_NAMES: Record<Split, string> = { test: 'Test', train: 'Training' };

/** The matrix as a table: a row per true class, a column per predicted class, then the row's accuracy. */
export function MatrixTable({ matrix, perClass, caption }: { matrix: Matrix; perClass: number[]; caption: string }): ReactNode {
  const classes = Array.from({ length: matrix.classes }, (_, c) => c);
  const largest = Math.max(1, ...matrix.counts.flat());
  return (
    // Six classes are wider than a phone: the table scrolls sideways on its own.
    <div className="confusion-scroll">
      <table className="confusion" aria-label="Confusion matrix">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="corner" title="Rows: the true class. Columns: the class the model predicted">
                True ↓ Predicted →
              </th>
            {classes.map((c) => (
              <th key={c} scope="col">
                <span className="swatch" style={{ background: cssColor(classColor(c)) }} />
                Class {c}
              </th>
            ))}
            <th scope="col">Accuracy</th>
          </tr>
        </thead>
        <tbody>
          {classes.map((t) => (
            <tr key={t}>
              <th scope="row">
                <span className="swatch" style={{ background: cssColor(classColor(t)) }} />
                Class {t}
              </th>
              {classes.map((p) => (
                // The shade shows the count; the diagonal (right answers) in the accent colour, the rest in the warning colour.
                <td key={p} className={t === p ? 'count right' : 'count wrong'} style={{ '--share': matrix.counts[t][p] / largest } as CSSProperties}>
                  {matrix.counts[t][p]}
                </td>
              ))}
              <td className="per-class">{formatAccuracy(perClass[t])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SplitView({ reading, split }: { reading: SplitReading | null; split: Split }): ReactNode {
  if (!reading) return <p>{split === 'test' ? 'The data has no test split (Training share 100%).' : 'Waiting for the model…'}</p>;
  if (reading.kind !== 'classification') return <p>This data is regression: its R² and RMSE are in the metrics under the plane.</p>;
  return <MatrixTable matrix={reading.matrix} perClass={reading.perClass} caption={`${SPLIT_NAMES[split]} split: ${reading.count} points`} />;
}

/** The confusion matrix of either split, and each class's accuracy, updated while the model trains. Escape closes it. */
export function ConfusionPanel(): ReactNode {
  const [split, setSplit] = useState<Split>('test');
  const readings = useClassReadings(true);
  const reading = readings ? (split === 'test' ? readings.test : readings.train) : null;
  return (
    <SidePanel label="Confusion matrix" className="confusion-panel">
      <div className="split-switch" role="radiogroup" aria-label="Split">
        {(['test', 'train'] as const).map((name) => (
          <label key={name} className="toggle">
            <input type="radio" name="confusion-split" checked={split === name} onChange={() => setSplit(name)} />
            {SPLIT_NAMES[name]} split
          </label>
        ))}
      </div>
      {readings ? <SplitView reading={reading} split={split} /> : <p>Reading the model's predictions…</p>}
      <p className="hint">A row is the points of one true class; each cell counts where the model put them. The diagonal holds the right answers; a class's accuracy is its diagonal cell over its row.</p>
    </SidePanel>
  );
}

import { useState, type ReactNode } from 'react';
import { SWEEP_AXES, SWEEP_AXIS_KEYS, sweepValueText, type SweepAxis, type SweepAxisKey } from '../core/sweepAxes';
import { readAxisValues, sweepProblem } from '../io/compareLink';

interface Draft {
  key: SweepAxisKey | 'none';
  text: string;
}

const draftOf = (axis: SweepAxis | undefined): Draft => (axis ? { key: axis.key, text: axis.values.map(sweepValueText).join(', ') } : { key: 'none', text: '' });

/** The settings a sweep varies (one or two) and their values; `Train these runs` starts it, or says what is wrong. */
export function CompareAxes({ axes, onApply }: { axes: readonly SweepAxis[]; onApply(axes: SweepAxis[]): void }): ReactNode {
  const [drafts, setDrafts] = useState<Draft[]>(() => [draftOf(axes[0]), draftOf(axes[1])]);
  const [problem, setProblem] = useState<string | null>(null);
  const edit = (slot: number, draft: Draft) => setDrafts(drafts.map((old, i) => (i === slot ? draft : old)));
  const choose = (slot: number, key: SweepAxisKey | 'none') => edit(slot, key === 'none' ? { key, text: '' } : { key, text: SWEEP_AXES[key].defaults.map(sweepValueText).join(', ') });
  const apply = () => {
    const next: SweepAxis[] = [];
    for (const draft of drafts) {
      if (draft.key === 'none') continue;
      const read = readAxisValues(draft.key, draft.text);
      if ('problem' in read) return setProblem(read.problem);
      next.push({ key: draft.key, values: read.values });
    }
    const wrong = sweepProblem(next);
    setProblem(wrong);
    if (!wrong) onApply(next);
  };
  return (
    <form
      className="compare-axes"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      {drafts.map((draft, slot) => (
        <div className="compare-axis" key={slot}>
          <label>
            {slot === 0 ? 'Vary' : 'and'}
            <select aria-label={slot === 0 ? 'First setting to vary' : 'Second setting to vary'} value={draft.key} onChange={(event) => choose(slot, event.target.value as SweepAxisKey | 'none')}>
              {slot === 1 && <option value="none">nothing else</option>}
              {SWEEP_AXIS_KEYS.map((key) => (
                <option key={key} value={key}>
                  {SWEEP_AXES[key].label}
                </option>
              ))}
            </select>
          </label>
          {draft.key !== 'none' && (
            <input
              type="text"
              aria-label={`${SWEEP_AXES[draft.key].label} values`}
              title={draft.key === 'features' ? 'Values separated by commas; the features of one value joined by +' : 'Values separated by commas'}
              value={draft.text}
              spellCheck={false}
              onChange={(event) => edit(slot, { ...draft, text: event.target.value })}
            />
          )}
        </div>
      ))}
      <button type="submit" className="small">
        Train these runs
      </button>
      {problem && (
        <p className="warning" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
